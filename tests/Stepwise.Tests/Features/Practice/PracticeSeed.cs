using Stepwise.Common;
using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Evidence;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Plans;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Support;
using Stepwise.Tests.Features.Enquiries;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Practice;

/// <summary>What the practice tests stored: an adopted change idea's enquiry and cycle, and (when asked for) a support episode with impact.</summary>
public sealed record SeededPractice(int EnquiryId, int CycleId, string Idea);

/// <summary>
/// The records of other features the practice library reads, stored directly (their own tests drive them through their
/// pages): the trust's Ofsted framework (installed through the API), a plan priority in an area with a goal on a measure,
/// an enquiry whose outcome measure is that measure, and a cycle adopting a change idea; a support episode with its impact.
/// </summary>
public static class PracticeSeed
{
    private static int _count;

    /// <summary>An adopted change idea at the primary, its enquiry measuring overall absence of disadvantaged pupils, which the primary's priority in <paramref name="areaKey"/> has a goal on.</summary>
    public static async Task<SeededPractice> AdoptedChangeIdeaAsync(StepwiseApp app, string areaKey = "attendance-and-behaviour")
    {
        var n = Interlocked.Increment(ref _count);
        await (await (await app.ClientForAsync(World.NorthLeader)).PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        var seeded = await CycleSeed.EnquiryAsync(app, World.NorthPrimaryUrn, ["primary-whole"], [World.PrimaryTeacher], $"Attendance calls {n}");
        var idea = $"First-day calls home {n}";
        var cycleId = await app.QueryAsync(async db =>
        {
            var school = app.World.School(World.NorthPrimaryUrn);
            var now = app.Clock.UtcNow();
            var area = await db.FrameworkAreas.Where(a => a.TrustId == school.TrustId && a.Key == areaKey)
                .Join(db.FrameworkVersions.Where(v => db.Frameworks.Any(f => f.Id == v.FrameworkId && f.Key == FrameworkLibrary.Ofsted)), a => a.FrameworkVersionId, v => v.Id, (a, v) => a)
                .FirstAsync();
            var metric = DeriveSchoolMetrics.OverallAbsence;
            if (!await db.Metrics.AnyAsync(m => m.Key == metric.Key))
            {
                db.Metrics.Add(new Metric { Key = metric.Key, Name = metric.Name, Unit = metric.Unit, Polarity = metric.Polarity, Source = metric.Source, Level = metric.Level });
                await db.SaveChangesAsync();
            }
            var plan = new Plan
            {
                TrustId = school.TrustId, SchoolId = school.Id, Kind = PlanKind.HundredDay, Title = $"Attendance plan {n}", StartsOn = app.Today.AddDays(-60), EndsOn = app.Today.AddDays(40),
                CreatedAt = now, CreatedBy = "test",
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var priority = new Priority { TrustId = school.TrustId, SchoolId = school.Id, PlanId = plan.Id, Title = "Every pupil in school every day", FrameworkAreaId = area.Id };
            db.Priorities.Add(priority);
            await db.SaveChangesAsync();
            db.Goals.Add(new Goal
            {
                TrustId = school.TrustId, SchoolId = school.Id, PriorityId = priority.Id, MetricKey = "attendance.overall-absence", Group = "disadvantaged",
                Baseline = 8, BaselineOn = plan.StartsOn, Target = 6, TargetOn = plan.EndsOn,
            });
            var node = new DriverNode { TrustId = school.TrustId, EnquiryId = seeded.EnquiryId, ParentId = seeded.SecondaryDriverId, Kind = DriverNodeKind.ChangeIdea, Text = idea, Impact = 3, Ease = 3 };
            db.DriverNodes.Add(node);
            await db.SaveChangesAsync();
            var cycle = new PdsaCycle
            {
                TrustId = school.TrustId, EnquiryId = seeded.EnquiryId, Number = 1, ChangeIdeaId = node.Id, UnitId = app.World.Units["primary-whole"].Id, SchoolId = school.Id,
                Question = "Do calls on the first day bring pupils back sooner?", Prediction = "Half return the next day", StartsOn = app.Today.AddDays(-30),
                Study = "Most returned the next day.", Decision = CycleDecision.Adopt, DecidedOn = app.Today.AddDays(-3), CreatedAt = now,
            };
            db.PdsaCycles.Add(cycle);
            await db.SaveChangesAsync();
            db.Evidence.Add(new EvidenceItem { TrustId = school.TrustId, SchoolId = school.Id, OwnerKind = EvidenceOwner.Cycle, OwnerId = cycle.Id, Kind = EvidenceKind.Note, Title = "Call log", AddedAt = now, By = "test" });
            await db.SaveChangesAsync();
            return cycle.Id;
        });
        return new SeededPractice(seeded.EnquiryId, cycleId, idea);
    }

    /// <summary>An ended support episode from the secondary to the primary in curriculum and teaching, its impact recorded as an improvement.</summary>
    public static Task<int> EpisodeWithImpactAsync(StepwiseApp app) => app.QueryAsync(async db =>
    {
        var giver = app.World.School(World.NorthSecondaryUrn);
        var receiver = app.World.School(World.NorthPrimaryUrn);
        var area = await db.FrameworkAreas.Where(a => a.TrustId == giver.TrustId && a.Key == "curriculum-and-teaching").OrderByDescending(a => a.Id).FirstAsync();
        var now = app.Clock.UtcNow();
        var episode = new SupportEpisode
        {
            TrustId = giver.TrustId, GiverSchoolId = giver.Id, ReceiverSchoolId = receiver.Id, FrameworkAreaId = area.Id, MetricKey = "attendance.overall-absence",
            StartsOn = app.Today.AddDays(-120), EndsOn = app.Today.AddDays(-10), People = "The secondary's English lead with the primary's Year 6 team",
            Aims = "Year 6 reading ready for secondary.", Status = SupportEpisodeStatus.Ended, AgreedAt = now.AddDays(-125), AgreedBy = "test",
            Impact = SupportImpact.Improvement, ImpactSentence = "An improvement signal on the measure within two terms of the start.", ImpactRecordedAt = now, ImpactRecordedBy = "test",
        };
        db.SupportEpisodes.Add(episode);
        await db.SaveChangesAsync();
        return episode.Id;
    });
}
