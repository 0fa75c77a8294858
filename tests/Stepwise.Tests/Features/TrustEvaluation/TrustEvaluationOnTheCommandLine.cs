using System.Net;
using Stepwise.Tests.Cli;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.TrustEvaluation;

/// <summary>`stepwise trust-evaluation show` prints what the trust's self-evaluation page shows, read by the same use case.</summary>
public sealed class TrustEvaluationOnTheCommandLine(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Trust_evaluation_show_prints_each_pillars_latest_grade_who_and_when_and_a_trust_without_the_pillars_says_so()
    {
        var leader = await app.ClientForAsync(World.NorthLeader);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "trust-quality" })).ReadJsonAsync();
        await (await leader.PostJsonAsync("/api/trust/self-evaluation/judgements", new
        {
            framework = "trust-quality", area = "finance-and-operations", grade = "secure", judgedOn = "2026-11-02",
        })).ReadJsonAsync(HttpStatusCode.Created);

        var shown = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["trust-evaluation", "show", "--data", ((SqliteTestDatabase)app.Database).Folder]);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("North Star Learning Trust: Trust quality pillars (version 1)", shown.Out, StringComparison.Ordinal);
        Assert.Contains("  Finance and operations: Secure (Dana Director, 2 Nov 2026; 1 judgement)", shown.Out, StringComparison.Ordinal);
        Assert.Contains("  Workforce: not judged", shown.Out, StringComparison.Ordinal);
        Assert.Contains("Harbour Schools Trust: no trust-level framework yet.", shown.Out, StringComparison.Ordinal);
    }
}
