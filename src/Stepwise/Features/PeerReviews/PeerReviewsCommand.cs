using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.PeerReviews;

/// <summary>`stepwise peer-reviews list [--school URN]`: every trust's peer reviews (or one school's), read by the pages' use case.</summary>
public static class PeerReviewsCommand
{
    public static Command Create()
    {
        var school = new Option<int?>("--school") { Description = "One school only, by URN (default: every school)" };
        var list = new Command("list", "List the peer reviews: school, dates, status, lead reviewer, reviewing schools, focus areas estimated") { school };
        list.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var urn = parsed.GetValue(school);
            var db = services.GetRequiredService<AppDbContext>();
            var trusts = await db.Trusts.IgnoreQueryFilters().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(token);
            if (urn is int u && !await db.Schools.IgnoreQueryFilters().AnyAsync(s => s.Urn == u, token))
            {
                throw new CliError($"--school: there is no school with URN {u}.", CliError.Usage);
            }
            var rows = new List<(string Trust, PeerReviewRow Review)>();
            foreach (var trust in trusts)
            {
                services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "command line");
                rows.AddRange((await services.GetRequiredService<ReadPeerReviews>().ListAsync(urn, token)).Select(r => (trust.Name, r)));
            }
            if (rows.Count == 0)
            {
                Console.WriteLine(urn is null ? "No peer reviews yet." : $"No peer reviews of school {urn} yet.");
                return CliError.Ok;
            }
            foreach (var (trust, r) in rows)
            {
                Console.WriteLine($"{Display(r.StartsOn)}–{Display(r.EndsOn)}  {r.SchoolName} ({r.SchoolUrn}), {trust}  [{r.Status}]");
                Console.WriteLine($"     lead {r.LeadReviewer ?? "none"}; from {string.Join(", ", r.ReviewingSchools)}; {r.Estimated} of {r.FocusAreas} focus areas estimated ({r.FrameworkName})");
            }
            return CliError.Ok;
        }, ct));
        return new Command("peer-reviews", "Peer reviews between the trust's schools") { list };
    }

    private static string Display(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
