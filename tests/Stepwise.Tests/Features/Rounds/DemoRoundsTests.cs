using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Demo;
using Stepwise.Features.Rounds;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Rounds;

/// <summary>The demo trust's rounds: one at a school (closed), one across two schools (at its debrief), each counted, with patterns and a next level of work.</summary>
public sealed class DemoRoundsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_demo_has_a_closed_round_and_a_network_round_at_its_debrief_with_counts_patterns_and_next_steps()
    {
        app.EnsureAvailable();
        await using (var load = app.Services.CreateAsyncScope())
        {
            await load.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var trust = await db.Trusts.IgnoreQueryFilters().SingleAsync(t => t.Key == Trust.DemoKey);
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "test");
        var read = scope.ServiceProvider.GetRequiredService<ReadRound>();
        var rounds = await read.ListAsync(null, CancellationToken.None);
        Assert.Equal(2, rounds.Count);
        Assert.Single(rounds, r => r.Network && r.Schools.Count == 2 && r.Stage == "debrief");
        Assert.Single(rounds, r => !r.Network && r.Stage == "closed");
        var notes = 0;
        foreach (var row in rounds)
        {
            var debrief = (await read.DebriefAsync(row.Id, CancellationToken.None))!;
            Assert.True(debrief.Round.CountsShown);
            Assert.InRange(debrief.Patterns.Count, 2, 3);
            Assert.NotNull(debrief.Prediction);
            Assert.NotEmpty(debrief.Round.LookFors);
            notes += debrief.Notes!.Count;
        }
        Assert.Equal(12, notes);
        var steps = await db.RoundNextSteps.ToListAsync();
        Assert.Contains(steps, s => s.PlanActionId is not null);
        Assert.Contains(steps, s => s.EnquiryId is not null);
    }
}
