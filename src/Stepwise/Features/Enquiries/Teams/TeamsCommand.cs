using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Plans;
using Stepwise.Features.Trusts;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// `stepwise teams list` and `stepwise enquiries list`: the learning teams and the enquiries of every trust (or one), as
/// the pages list them, read by the same use cases; --csv for a spreadsheet (the one CSV writer).
/// </summary>
public static class TeamsCommand
{
    private static Option<string?> TrustOption() => new("--trust") { Description = "One trust only: its key (\"demo\") or its name (default: every trust)" };

    private static Option<bool> CsvOption() => new("--csv") { Description = "Print CSV (with a header line) instead of a table" };

    public static Command Teams()
    {
        var trust = TrustOption();
        var csv = CsvOption();
        var list = new Command("list", "List the learning teams: name, schools, network, improvement team, members, enquiries, archived") { trust, csv };
        list.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var rows = new List<(string Trust, ReadTeams.TeamRow Team)>();
            foreach (var (trustId, trustName) in await TrustsAsync(services, parsed.GetValue(trust), token))
            {
                services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trustId, "command line");
                rows.AddRange((await services.GetRequiredService<ReadTeams>().ListAsync(token)).Select(t => (trustName, t)));
            }
            if (parsed.GetValue(csv))
            {
                var file = new PlanCsv().Row("Trust", "Team", "Schools", "Network", "Improvement team", "Members", "Enquiries", "Archived");
                foreach (var (trustName, t) in rows)
                {
                    file.Row(trustName, t.Name, string.Join("; ", t.Schools.Select(s => $"{s.Name} ({s.Urn})")), t.Network, t.IsImprovementTeam, t.Members, t.Enquiries, t.Archived);
                }
                Console.Write(file.ToString());
                return CliError.Ok;
            }
            if (rows.Count == 0)
            {
                Console.WriteLine("No learning teams yet.");
                return CliError.Ok;
            }
            var width = Math.Max(4, rows.Max(r => r.Team.Name.Length));
            Console.WriteLine($"{"Team".PadRight(width)}  {"Members",7}  {"Enquiries",9}  Schools");
            foreach (var (trustName, t) in rows)
            {
                var marks = string.Concat(t.Network ? " [network]" : "", t.IsImprovementTeam ? " [improvement team]" : "", t.Archived ? " [archived]" : "");
                Console.WriteLine($"{t.Name.PadRight(width)}  {t.Members,7}  {t.Enquiries,9}  {string.Join(", ", t.Schools.Select(s => s.Name))} ({trustName}){marks}");
            }
            return CliError.Ok;
        }, ct));
        return new Command("teams", "Learning teams: the staff who run cycles of enquiry together") { list };
    }

    public static Command Enquiries()
    {
        var trust = TrustOption();
        var csv = CsvOption();
        var list = new Command("list", "List the enquiries: team, school, aim, the progress score the evidence sets (and why), cycles, latest decision, outcome reading")
        {
            trust, csv,
        };
        list.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var rows = new List<ReadTrustView.EnquiryRow>();
            foreach (var (trustId, _) in await TrustsAsync(services, parsed.GetValue(trust), token))
            {
                services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trustId, "command line");
                rows.AddRange((await services.GetRequiredService<ReadTrustView>().EnquiriesAsync(null, token)).Value!);
            }
            if (parsed.GetValue(csv))
            {
                // The same bytes as the page's and the API's CSV, without the byte-order mark a terminal would show.
                Console.Write(System.Text.Encoding.UTF8.GetString(ReadTrustView.Csv(rows)).TrimStart('\uFEFF'));
                return CliError.Ok;
            }
            if (rows.Count == 0)
            {
                Console.WriteLine("No enquiries yet.");
                return CliError.Ok;
            }
            foreach (var e in rows)
            {
                var decision = e.LatestDecision is { } d ? Codes.Of(d) : "none";
                Console.WriteLine($"{e.ProgressScore.ToString("0.0", CultureInfo.InvariantCulture)}  {e.Title} — {e.Team}{(e.Network ? " [network]" : "")}, {e.SchoolName} ({e.SchoolUrn})");
                Console.WriteLine($"     {e.ProgressLabel}: {e.ProgressWhy}");
                Console.WriteLine($"     {e.Cycles} {(e.Cycles == 1 ? "cycle" : "cycles")}, latest decision {decision}, outcome measure {e.OutcomeReading}");
            }
            return CliError.Ok;
        }, ct));
        return new Command("enquiries", "Cycles of enquiry and their computed progress scores") { list };
    }

    /// <summary>The trusts to list: the one named by key or name, or every trust.</summary>
    internal static async Task<List<(int Id, string Name)>> TrustsAsync(IServiceProvider services, string? keyOrName, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var trusts = await db.Trusts.IgnoreQueryFilters().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Key }).ToListAsync(ct);
        if (keyOrName is null)
        {
            return trusts.Select(t => (t.Id, t.Name)).ToList();
        }
        if (trusts.FirstOrDefault(t => string.Equals(t.Key, keyOrName.Trim(), StringComparison.OrdinalIgnoreCase)) is { } keyed)
        {
            return [(keyed.Id, keyed.Name)];
        }
        var (trustId, problem) = await CreateTrust.FindByNameAsync(db, keyOrName, ct);
        return trustId is int id ? [(id, trusts.First(t => t.Id == id).Name)] : throw new CliError($"--trust: {problem}", CliError.Usage);
    }
}
