using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Analytics.Spc;
using Stepwise.Data;
using Stepwise.Features.Demo;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>The demo trust's cycles of enquiry: teams across schools, cycles in every decision state, and scores the evidence sets.</summary>
public sealed class DemoEnquiriesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_demo_has_learning_teams_across_two_schools_cycles_in_every_decision_state_and_scores_from_the_evidence()
    {
        await using (var load = app.Services.CreateAsyncScope())
        {
            await load.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var trust = await db.Trusts.IgnoreQueryFilters().SingleAsync(t => t.Key == Trust.DemoKey);
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(trust.Id, "test");
        var read = scope.ServiceProvider.GetRequiredService<ReadEnquiry>();

        Assert.True(await db.LearningTeams.CountAsync() >= 4);
        var list = await read.ListAsync(null, null, CancellationToken.None);
        // The learning teams' four enquiries, and one the network round's next level of work opened (issue 20).
        var fromRounds = await db.RoundNextSteps.Where(s => s.EnquiryId != null).Select(s => s.EnquiryId!.Value).ToListAsync();
        Assert.Single(fromRounds);
        var ofTeams = list.Where(e => !fromRounds.Contains(e.Id)).ToList();
        Assert.Equal(4, ofTeams.Count);
        Assert.Single(ofTeams, e => e.Network);
        var decisions = await db.PdsaCycles.Select(c => c.Decision).ToListAsync();
        Assert.Contains(CycleDecision.Adopt, decisions);
        Assert.Contains(CycleDecision.Adapt, decisions);
        Assert.Contains(CycleDecision.Abandon, decisions);
        Assert.Contains(null, decisions);

        var scores = list.ToDictionary(e => e.Title, e => e.Score.Score);
        Assert.Equal(3.5, scores["Reading fluency in Year 3"]);
        Assert.Equal(5.0, scores["Times tables fluency in Year 4"]);
        Assert.Equal(2.5, scores["Talk in Reception"]);
        Assert.Equal(1.5, scores["Retrieval practice in Year 8 maths"]);

        // The reading-aloud measure shows a signal after PDSA 1 started, read against its baseline, and carries both cycles.
        var fluency = await read.OneAsync(list.Single(e => e.Title == "Reading fluency in Year 3").Id, CancellationToken.None);
        var aloud = fluency!.Measures.Single(m => m.Measure.Name == "Pupils reading aloud daily");
        var first = fluency.Cycles.Single(c => c.Cycle.Number == 1).Cycle.StartsOn;
        Assert.Equal(8, aloud.BaselinePoints);
        Assert.Contains(aloud.Analysis.Charted, c => c.Point.PeriodStart >= first && c.Variation == Variation.Improvement);
        Assert.DoesNotContain(aloud.Analysis.Charted, c => c.Point.PeriodStart < first && c.Variation != Variation.Common);
        Assert.Equal(["PDSA 1 started", "PDSA 1: adapt", "PDSA 2 started", "PDSA 2: adopt"], aloud.Annotations.Select(a => a.Label).Distinct());
    }
}
