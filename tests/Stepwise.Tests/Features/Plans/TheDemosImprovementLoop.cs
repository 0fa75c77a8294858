using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Demo;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Plans;

/// <summary>
/// The demo trust's improvement loop: frameworks, the school's and the trust's judgements (with disagreements),
/// stage histories for several units, and plans whose goals — computed from the demo's own series — show every status.
/// </summary>
public abstract class TheDemosImprovementLoop(StepwiseApp app)
{
    [Fact]
    public async Task The_demo_has_frameworks_moderated_judgements_stage_histories_and_goals_showing_every_status()
    {
        app.EnsureAvailable();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        }
        var leader = await app.SignInAsync("helen.marsh@larkhaven.example", LoadDemoTrust.Password);

        var frameworks = (await (await leader.GetAsync("/api/frameworks")).ReadJsonAsync()).AsArray();
        // Schools judge themselves against three; the trust judges itself against its quality pillars (issue 22).
        Assert.Equal(["inside-out", "larkhaven-review", "ofsted-2025"], frameworks.Where(f => (string)f!["level"]! == "school").Select(f => (string)f!["key"]!).Order().ToList());
        Assert.Equal(["trust-quality"], frameworks.Where(f => (string)f!["level"]! == "trust").Select(f => (string)f!["key"]!).ToList());
        var review = frameworks.Single(f => (string)f!["key"]! == "larkhaven-review")!;
        Assert.Equal([true, false], review["versions"]!.AsArray().OrderBy(v => (int)v!["number"]!).Select(v => (bool)v!["used"]!).ToList());

        var sources = await app.QueryAsync(db => db.Judgements.Select(j => j.Source).Distinct().ToListAsync());
        Assert.Equal([JudgementSource.Self, JudgementSource.Trust, JudgementSource.External], sources.Order().ToList());
        var brackenmoor = await (await leader.GetAsync("/api/schools/990002/self-evaluation")).ReadJsonAsync();
        Assert.Contains(brackenmoor["areas"]!.AsArray(), a => (string)a!["agreement"]! == "disagree");

        var histories = await app.QueryAsync(db => db.StageChanges.GroupBy(c => c.UnitId).Select(g => g.Count()).ToListAsync());
        Assert.True(histories.Count >= 10, $"Only {histories.Count} units have a stage.");
        Assert.True(histories.Count(n => n >= 2) >= 5, "Too few units have a stage history.");
        var trust = await (await leader.GetAsync("/api/stages")).ReadJsonAsync();
        Assert.NotEmpty(trust["moved"]!.AsArray());

        var goals = new List<System.Text.Json.Nodes.JsonNode>();
        var actions = new List<string>();
        foreach (var urn in new[] { 990001, 990002, 990003, 990004, 990005, 990006 })
        {
            var plans = (await (await leader.GetAsync($"/api/schools/{urn}/plans")).ReadJsonAsync()).AsArray();
            goals.AddRange(plans.SelectMany(p => p!["priorities"]!.AsArray()).SelectMany(p => p!["goals"]!.AsArray()).Select(g => g!["status"]!));
            actions.AddRange(plans.SelectMany(p => p!["priorities"]!.AsArray()).SelectMany(p => p!["actions"]!.AsArray()).Select(a => (string)a!["state"]!));
        }
        Assert.Equal(["no-data", "off", "on"], goals.Select(g => (string)g["trajectory"]!).Distinct().Order().ToList());
        Assert.Superset(new HashSet<string> { "common", "concern", "improvement" }, goals.Select(g => (string)g["signal"]!).ToHashSet());
        Assert.Equal([false, true], goals.Select(g => (bool)g["stale"]!).Distinct().Order().ToList());
        Assert.Contains("overdue", actions);
        Assert.Contains("done", actions);

        // What the attendance visit found became an action in the plan, and its priority page says so (issue 7).
        var priorities = (await (await leader.GetAsync("/api/schools/990001/plans")).ReadJsonAsync()).AsArray().SelectMany(p => p!["priorities"]!.AsArray());
        var prompted = priorities.Single(p => p!["actions"]!.AsArray().Any(a => (string)a!["title"]! == "Recruit a second breakfast club assistant so that 20 more pupils can come."))!;
        var row = (await leader.GetPageAsync($"/priorities/{(int)prompted["id"]!}")).QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains("Recruit a second breakfast club assistant"));
        Assert.StartsWith("Prompted by: you said “Parents asked for more places at breakfast club", row.QuerySelector(".prompted-by")!.TextContent);
        Assert.Contains(row.QuerySelectorAll(".prompted-by a"), a => a.GetAttribute("href")!.StartsWith("/visits/", StringComparison.Ordinal));
    }
}

public sealed class TheDemosImprovementLoopOnSqlite(SqliteApp app) : TheDemosImprovementLoop(app), IClassFixture<SqliteApp>;

public sealed class TheDemosImprovementLoopOnPostgres(PostgresApp app) : TheDemosImprovementLoop(app), IClassFixture<PostgresApp>;
