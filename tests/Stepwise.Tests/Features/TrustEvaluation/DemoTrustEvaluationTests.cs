using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Demo;
using Stepwise.Tests.Features.Coaching;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.TrustEvaluation;

/// <summary>The demo trust judges itself: the trust quality pillars added, every pillar judged by its director, school improvement twice.</summary>
public sealed class DemoTrustEvaluationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_demo_trust_has_judged_every_pillar_and_school_improvement_has_a_history_of_two()
    {
        await using (var load = app.Services.CreateAsyncScope())
        {
            await load.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        }
        var director = await CoachingSeed.ClientAsync(app, "helen.marsh@larkhaven.example");
        var read = await (await director.GetAsync("/api/trust/self-evaluation")).ReadJsonAsync();
        Assert.Equal("trust-quality", (string)read["evaluation"]!["frameworkKey"]!);
        var areas = read["evaluation"]!["areas"]!.AsArray();
        Assert.Equal(5, areas.Count);
        Assert.All(areas, a => Assert.Equal("Helen Marsh", (string)a!["latest"]!["by"]!));
        var improvement = areas.Single(a => (string)a!["key"]! == "school-improvement")!;
        Assert.Equal(["secure", "developing"], improvement["history"]!.AsArray().Select(j => (string)j!["grade"]!).ToList());
        Assert.All(areas.Where(a => (string)a!["key"]! != "school-improvement"), a => Assert.Single(a!["history"]!.AsArray()));

        // A school's head is not offered the trust's framework in the school's self-evaluation.
        var head = await CoachingSeed.ClientAsync(app, "claire.dawson@larkhaven.example");
        var page = await head.GetPageAsync("/schools/990001/self-evaluation");
        Assert.Null(page.QuerySelector("#framework option[value='trust-quality']"));
    }
}
