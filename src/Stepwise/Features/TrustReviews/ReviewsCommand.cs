using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.TrustReviews;

/// <summary>
/// `stepwise reviews calendar | risk --school URN`: every school's next review with its band, tier and whether it is
/// overdue, and a school's risk rating line by line — read by the pages' use cases.
/// </summary>
public static class ReviewsCommand
{
    public static Command Create()
    {
        var calendar = new Command("calendar", "Each school's next review, why then, its risk band and support tier, and whether it is overdue");
        calendar.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            foreach (var trust in await db.Trusts.IgnoreQueryFilters().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(token))
            {
                services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "command line");
                foreach (var r in await services.GetRequiredService<ReadReviewCalendar>().ListAsync(token))
                {
                    var next = r.NextOn is DateOnly on ? $"next review {on:yyyy-MM-dd}{(r.Overdue ? " (overdue)" : "")}" : "no review due";
                    Console.WriteLine($"{r.SchoolName} ({r.Urn}), {trust.Name}: {next}; {r.NextBecause}; band {r.Band ?? "not rated"}; tier {r.Tier?.TierName ?? "not decided"}");
                }
            }
            return CliError.Ok;
        }, ct));

        var school = new Option<int>("--school") { Description = "The school's URN", Required = true };
        var risk = new Command("risk", "A school's risk rating line by line: each component, what raised it, count × weight = points; the score and band") { school };
        risk.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var urn = parsed.GetValue(school);
            var db = services.GetRequiredService<AppDbContext>();
            var trustId = await db.Schools.IgnoreQueryFilters().Where(s => s.Urn == urn).Select(s => (int?)s.TrustId).FirstOrDefaultAsync(token)
                ?? throw new CliError($"--school: there is no school with URN {urn}.", CliError.Usage);
            services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trustId, "command line");
            var rating = await services.GetRequiredService<ReadRisk>().ForSchoolAsync(urn, token)
                ?? throw new CliError($"--school: school {urn} has no risk rating.", CliError.Usage);
            Console.WriteLine($"{rating.SchoolName} ({rating.Urn})");
            foreach (var line in rating.Components)
            {
                Console.WriteLine($"  {line.Name}: {line.Count} × {N(line.Weight)}{(line.IsDefaultWeight ? "" : $" (default {N(line.DefaultWeight)})")} = {N(line.Points)}");
                foreach (var reason in line.Because)
                {
                    Console.WriteLine($"     {reason.Because}");
                }
            }
            Console.WriteLine($"Score {N(rating.Score)}: {rating.BandName} (medium from {N(rating.MediumRiskFrom)}, high from {N(rating.HighRiskFrom)}); suggested tier {rating.SuggestedTierName}");
            return CliError.Ok;
        }, ct));
        return new Command("reviews", "Trust reviews: the review calendar and a school's risk rating") { calendar, risk };
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
