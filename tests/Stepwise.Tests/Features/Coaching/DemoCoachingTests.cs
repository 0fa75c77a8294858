using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Coaching;
using Stepwise.Features.Demo;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Coaching;

/// <summary>The demo trust's coaching: pairs in every school, steps in every state, Sophie Brennan coached, Larkhaven's head sees its counts.</summary>
public sealed class DemoCoachingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_demo_has_coaching_pairs_in_every_school_steps_in_every_state_and_counts_for_larkhavens_head()
    {
        await using (var load = app.Services.CreateAsyncScope())
        {
            await load.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var trust = await db.Trusts.IgnoreQueryFilters().SingleAsync(t => t.Key == Trust.DemoKey);
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "test");

        var schools = await db.Schools.Select(s => s.Id).ToListAsync();
        var paired = await db.CoachingPairs.Select(p => p.SchoolId).Distinct().ToListAsync();
        Assert.Equal(schools.Order(), paired.Order());

        var today = app.Clock.Today();
        var steps = await db.CoachingSteps.Select(s => new { s.Status, s.CheckBackOn }).ToListAsync();
        var states = steps.Select(s => CoachingRules.Due(s.Status, s.CheckBackOn, today)).ToHashSet();
        Assert.Superset(new HashSet<StepDue> { StepDue.NotDue, StepDue.DueSoon, StepDue.Overdue, StepDue.Closed }, states);
        Assert.Contains(steps, s => s.Status == CoachingStepStatus.Secure);
        Assert.Contains(steps, s => s.Status == CoachingStepStatus.SetAside);
        Assert.True(await db.CoachingCheckBacks.CountAsync() > 0 && await db.CoachingNotes.CountAsync() > 0);

        var sophie = await db.Users.SingleAsync(p => p.Email == "sophie.brennan@larkhaven.example");
        Assert.True(await db.CoachingPairs.AnyAsync(p => p.TeacherId == sophie.Id && p.EndedOn == null));
        var larkhaven = await db.Schools.SingleAsync(s => s.Urn == 990001);
        Assert.True(await db.CoachingPairs.CountAsync(p => p.SchoolId == larkhaven.Id && p.EndedOn == null) >= CoachingRules.MinimumPairsForCounts);

        var claire = await app.QueryAsync(d => d.Users.IgnoreQueryFilters().Where(p => p.Email == "claire.dawson@larkhaven.example").Select(p => p.Email!).SingleAsync());
        var head = await CoachingSeed.ClientAsync(app, claire);
        var overview = await (await head.GetAsync("/api/coaching/schools/990001")).ReadJsonAsync();
        Assert.True((bool)overview["overview"]!["countsShown"]!);
        var sophieClient = await CoachingSeed.ClientAsync(app, "sophie.brennan@larkhaven.example");
        var mine = (await (await sophieClient.GetAsync("/api/coaching/pairs")).ReadJsonAsync()).AsArray();
        Assert.Contains(mine, p => (string)p!["myRole"]! == "teacher");
    }
}
