using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Practice;

/// <summary>`stepwise practice search [--words] [--area] [--metric] [--strand] [--school] [--kind]`: every trust's practice library, read by the pages' use case.</summary>
public static class PracticeCommand
{
    public static Command Create()
    {
        var words = new Option<string?>("--words") { Description = "Words every entry found must contain" };
        var area = new Option<string?>("--area") { Description = "A framework area key, e.g. curriculum-and-teaching" };
        var metric = new Option<string?>("--metric") { Description = "A metric key, e.g. assessment.reading.expected" };
        var strand = new Option<string?>("--strand") { Description = "An EEF Toolkit strand slug, e.g. peer-tutoring" };
        var school = new Option<int?>("--school") { Description = "The school to ask, by URN" };
        var kind = new Option<string?>("--kind") { Description = $"One kind of entry: {Codes.List<PracticeSource>()}" };
        var search = new Command("search", "Search the practice library: each entry with its school to ask, area, measure, strands and evidence")
        {
            words, area, metric, strand, school, kind,
        };
        search.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var query = new PracticeQuery(parsed.GetValue(words), parsed.GetValue(area), parsed.GetValue(metric), parsed.GetValue(strand), parsed.GetValue(school), parsed.GetValue(kind));
            var db = services.GetRequiredService<AppDbContext>();
            var trusts = await db.Trusts.IgnoreQueryFilters().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(token);
            if (query.School is int u && !await db.Schools.IgnoreQueryFilters().AnyAsync(s => s.Urn == u, token))
            {
                throw new CliError($"--school: there is no school with URN {u}.", CliError.Usage);
            }
            var found = 0;
            foreach (var trust in trusts)
            {
                services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "command line");
                if (query.School is int urn && !await db.Schools.AnyAsync(s => s.Urn == urn, token))
                {
                    continue; // the school is another trust's
                }
                var outcome = await services.GetRequiredService<ReadPracticeLibrary>().SearchAsync(query, token);
                if (outcome.Kind == OutcomeKind.Invalid)
                {
                    throw new CliError(string.Join(" ", outcome.Errors.Select(e => $"--{e.Key}: {string.Join(" ", e.Value)}")), CliError.Usage);
                }
                foreach (var e in outcome.Value!.Entries)
                {
                    found++;
                    Console.WriteLine($"[{e.Kind}] {e.Title}  ({trust.Name})");
                    Console.WriteLine($"     ask {e.SchoolName}{(e.SchoolUrn is int s ? $" ({s})" : "")}; area {e.AreaName ?? "none"}; measure {e.MetricName ?? "none"}; strands {(e.Strands.Count == 0 ? "none" : string.Join(", ", e.Strands.Select(t => t.Name)))}");
                    Console.WriteLine($"     evidence: {e.EvidenceLabel} {e.EvidenceUrl}");
                }
            }
            Console.WriteLine(found == 0 ? "Nothing in the practice library matches." : found == 1 ? "1 entry." : $"{found} entries.");
            return CliError.Ok;
        }, ct));
        return new Command("practice", "The practice library: what worked in the trust's schools, and the school to ask") { search };
    }
}
