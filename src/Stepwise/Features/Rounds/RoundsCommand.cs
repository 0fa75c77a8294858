using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Data;
using Stepwise.Features.Plans;

namespace Stepwise.Features.Rounds;

/// <summary>`stepwise rounds list [--school URN] [--csv]`: the instructional rounds of every trust (or one school's), read by the pages' use case.</summary>
public static class RoundsCommand
{
    public static Command Rounds()
    {
        var school = new Option<int?>("--school") { Description = "One school only, by its URN" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (with a header line) instead of a table" };
        var list = new Command("list", "List the rounds: date, title, schools, stage, classrooms visited (of the minimum)") { school, csv };
        list.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var urn = parsed.GetValue(school);
            var trusts = await db.Trusts.IgnoreQueryFilters().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(token);
            int? schoolId = null;
            if (urn is int wanted)
            {
                var found = await db.Schools.IgnoreQueryFilters().Where(s => s.Urn == wanted).Select(s => new { s.Id, s.TrustId }).FirstOrDefaultAsync(token)
                    ?? throw new CliError($"--school: there is no school with URN {wanted}.", CliError.Usage);
                schoolId = found.Id;
                trusts = trusts.Where(t => t.Id == found.TrustId).ToList();
            }
            var rows = new List<ReadRound.RoundRow>();
            foreach (var trust in trusts)
            {
                services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "command line");
                rows.AddRange(await services.GetRequiredService<ReadRound>().ListAsync(schoolId, token));
            }
            if (parsed.GetValue(csv))
            {
                var file = new PlanCsv().Row("Round", "Date", "Title", "Schools", "Network", "Stage", "Classrooms visited", "Minimum");
                foreach (var r in rows)
                {
                    file.Row(r.Id, r.HeldOn, r.Title, string.Join("; ", r.Schools.Select(s => $"{s.Name} ({s.Urn})")), r.Network, r.Stage, r.ClassroomsVisited, r.MinimumClassrooms);
                }
                Console.Write(file.ToString());
                return CliError.Ok;
            }
            if (rows.Count == 0)
            {
                Console.WriteLine("No rounds yet.");
                return CliError.Ok;
            }
            var width = Math.Max(5, rows.Max(r => r.Title.Length));
            Console.WriteLine($"{"Date",-10}  {"Round".PadRight(width)}  {"Stage",-9}  {"Classrooms",10}  Schools");
            foreach (var r in rows)
            {
                Console.WriteLine($"{r.HeldOn:yyyy-MM-dd}  {r.Title.PadRight(width)}  {r.Stage,-9}  {$"{r.ClassroomsVisited}/{r.MinimumClassrooms}",10}  {string.Join(", ", r.Schools.Select(s => s.Name))}{(r.Network ? " [network]" : "")}");
            }
            return CliError.Ok;
        }, ct));
        return new Command("rounds", "Instructional rounds: observers' notes on a problem of practice, and their debriefs") { list };
    }
}
