using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Data;

namespace Stepwise.Features.Coaching;

/// <summary>
/// `stepwise coaching overview [--school URN]`: the leaders' coaching overview of every trust (or one school), counts
/// only, read by the same use case as the page. The command line acts as the system, which AccessControl never lets
/// open a pair's content: there is no verb that prints it.
/// </summary>
public static class CoachingCommand
{
    public static Command Create()
    {
        var school = new Option<int?>("--school") { Description = "One school only, by URN" };
        var overview = new Command("overview", "Print each school's coaching counts: teachers coached, coaches, check-backs, steps due soon and overdue, steps secured this term") { school };
        overview.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var urn = parsed.GetValue(school);
            var db = services.GetRequiredService<AppDbContext>();
            var trusts = await db.Trusts.IgnoreQueryFilters().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(token);
            if (urn is int u)
            {
                var owner = await db.Schools.IgnoreQueryFilters().Where(s => s.Urn == u).Select(s => (int?)s.TrustId).FirstOrDefaultAsync(token)
                    ?? throw new CliError($"--school: there is no school with URN {u}.", CliError.Usage);
                trusts = trusts.Where(t => t.Id == owner).ToList();
            }
            var printed = 0;
            foreach (var trust in trusts)
            {
                services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "command line");
                var read = services.GetRequiredService<ReadCoachingOverview>();
                List<ReadCoachingOverview.SchoolOverview?> schools = urn is int one ? [await read.SchoolAsync(one, token)] : [.. (await read.TrustAsync(token))?.Schools ?? []];
                foreach (var s in schools.OfType<ReadCoachingOverview.SchoolOverview>())
                {
                    Print(trust.Name, s);
                    printed++;
                }
            }
            if (printed == 0)
            {
                Console.WriteLine("No schools.");
            }
            return CliError.Ok;
        }, ct));
        return new Command("coaching", "Coaching: the leaders' counts and cadence (never a pair's content)") { overview };
    }

    private static void Print(string trust, ReadCoachingOverview.SchoolOverview s)
    {
        Console.WriteLine($"{s.SchoolName} ({s.Urn}), {trust}");
        Console.WriteLine($"  {s.ActivePairs} active {(s.ActivePairs == 1 ? "pair" : "pairs")}: {s.TeachersCoached} {(s.TeachersCoached == 1 ? "teacher" : "teachers")} coached, {s.Coaches} {(s.Coaches == 1 ? "coach" : "coaches")}");
        if (s.Counts is not { } c)
        {
            Console.WriteLine($"  {s.Why}");
            return;
        }
        Console.WriteLine($"  Check-backs in the last four weeks: {c.CheckBacksLastFourWeeks}");
        Console.WriteLine($"  Check-backs by half term: {string.Join(", ", c.CheckBacksByHalfTerm.Select(h => $"{h.HalfTerm}: {h.CheckBacks}"))}");
        Console.WriteLine($"  Steps due in the next 7 days: {c.StepsDueSoon}");
        Console.WriteLine($"  Overdue check-backs: {c.CheckBacksOverdue}");
        Console.WriteLine($"  Steps secured this term: {c.StepsSecuredThisTerm}");
    }
}
