using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.TrustEvaluation;

/// <summary>`stepwise trust-evaluation show`: each trust's latest judgement of every pillar, read by the pages' use case.</summary>
public static class TrustEvaluationCommand
{
    public static Command Create()
    {
        var show = new Command("show", "Show each trust's self-evaluation: every area of its trust-level framework with the latest grade, who and when");
        show.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var trusts = await db.Trusts.IgnoreQueryFilters().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(token);
            foreach (var trust in trusts)
            {
                services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "command line");
                var read = await services.GetRequiredService<ReadTrustEvaluation>().HandleAsync(null, token);
                if (read?.Evaluation is not { } evaluation)
                {
                    Console.WriteLine($"{trust.Name}: no trust-level framework yet.");
                    continue;
                }
                Console.WriteLine($"{trust.Name}: {evaluation.FrameworkName} (version {evaluation.FrameworkVersion})");
                foreach (var a in evaluation.Areas)
                {
                    Console.WriteLine(a.Latest is { } j
                        ? $"  {a.Name}: {j.GradeName} ({j.By}, {j.JudgedOn.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}; {Judgements(a.History.Count)})"
                        : $"  {a.Name}: not judged");
                }
            }
            return CliError.Ok;
        }, ct));
        return new Command("trust-evaluation", "The trust's judgements of itself against a trust-level framework (the trust quality pillars)") { show };
    }

    private static string Judgements(int n) => n == 1 ? "1 judgement" : $"{n} judgements";
}
