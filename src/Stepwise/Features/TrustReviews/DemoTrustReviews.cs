using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Risk;
using Stepwise.Data;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Plans;
using Stepwise.Features.Schools;

namespace Stepwise.Features.TrustReviews;

/// <summary>
/// The demo trust's reviews: a completed trust review of every school with findings against the Ofsted areas (some
/// strong, some needing attention), follow-ups on what needs attention kept as actions in the school's plan, a planned
/// review of Kestrelmead, St Wenna's last reviewed fourteen months ago and so overdue, and a support tier decided for
/// every school beside its rating — Brackenmoor's differing from what its band suggests, with the reason. Dates are set
/// relative to today.
/// </summary>
public static class DemoTrustReviews
{
    private sealed record Planned(int Urn, int DaysAgo, string Reviewers, string Focus, string Summary, (string Area, string Grade, string Finding, string? FollowUp)[] Findings);

    private static readonly Planned[] Reviews =
    [
        new(990001, 56, "Helen Marsh (director of education), Grace Mensah (head, St Wenna's)", "Reading and the curriculum beyond English and maths",
            "A school that knows itself well. Early reading is a strength other schools could learn from; the wider curriculum is catching up.",
            [
                ("curriculum-and-teaching", "strong-standard", "Phonics is taught daily and consistently; pupils who fall behind catch up the same day.", null),
                ("attendance-and-behaviour", "expected-standard", "Calm classrooms; persistent absence is falling but still above the trust's aim.", null),
                ("leadership-and-governance", "strong-standard", "Leaders' self-evaluation matched what we saw in every area.", null),
                ("inclusion", "expected-standard", "Pupils with SEND are known well; plans are not yet reviewed with families each term.", null),
            ]),
        new(990002, 42, "Helen Marsh (director of education), Claire Dawson (head, Larkhaven)", "Attendance and the foundation subjects",
            "Behaviour has improved markedly. Attendance of disadvantaged pupils and the sequencing of the foundation subjects need attention now.",
            [
                ("curriculum-and-teaching", "needs-attention", "In history and geography pupils could not say how this year's work built on last year's.",
                    "Map the foundation subjects' sequence from Year 1 to Year 6 with subject leaders"),
                ("attendance-and-behaviour", "needs-attention", "Persistent absence of disadvantaged pupils is high and followed up only each term.",
                    "Follow up persistent absence of disadvantaged pupils weekly, with a named adult for each family"),
                ("personal-development-and-well-being", "strong-standard", "Pupil leadership reaches every year group.", null),
                ("leadership-and-governance", "expected-standard", "New middle leaders are well supported by the deputy headteacher.", null),
            ]),
        new(990003, 98, "Amara Okafor (trust administrator), Richard Stone (head, Larkhaven Academy)", "Achievement and inclusion",
            "Strong results and a school that uses its data well; inclusion of pupils with SEND is a developing strength.",
            [
                ("achievement", "strong-standard", "Pupils achieve well in reading, writing and maths, disadvantaged pupils included.", null),
                ("inclusion", "expected-standard", "Adaptations in lessons are thoughtful; a few pupils with SEND wait too long for assessment.", null),
                ("curriculum-and-teaching", "exceptional", "Curriculum thinking is deep and shared by every teacher we spoke to.", null),
            ]),
        new(990004, 425, "Helen Marsh (director of education)", "Inclusion and achievement",
            "Inclusion is a real strength of this small school; achievement in writing needs attention.",
            [
                ("inclusion", "strong-standard", "Every pupil with SEND has a plan families helped to write.", null),
                ("achievement", "needs-attention", "Writing at the expected standard has been below similar schools for three years.",
                    "Moderate Year 6 writing with Larkhaven Primary each half-term"),
            ]),
        new(990005, 70, "Helen Marsh (director of education), Marcus Reid (head, Brackenmoor)", "Achievement at key stage 4 and attendance",
            "A secondary with good teaching whose attendance, above all in Years 10 and 11, holds achievement back.",
            [
                ("achievement", "needs-attention", "Progress in maths for disadvantaged pupils is well below that of other pupils.",
                    "Weekly maths tutoring for disadvantaged pupils in Year 10"),
                ("attendance-and-behaviour", "urgent-improvement", "One pupil in four in Year 11 is persistently absent.",
                    "Daily first-day calls and home visits for Year 11 pupils persistently absent"),
                ("curriculum-and-teaching", "expected-standard", "Well-planned lessons; reading is not yet taught across subjects.", null),
            ]),
        new(990006, 28, "Amara Okafor (trust administrator), Grace Mensah (head, St Wenna's)", "Personal development and communication",
            "An exceptional offer for personal development; attendance is understood pupil by pupil.",
            [
                ("personal-development-and-well-being", "exceptional", "Every pupil has a voice: communication aids are used in every room, all day.", null),
                ("inclusion", "strong-standard", "Each pupil's programme is built around their EHC plan and reviewed with families.", null),
                ("attendance-and-behaviour", "expected-standard", "Absence is mostly medical and each case is known and followed.", null),
            ]),
    ];

    public static async Task AddAsync(AppDbContext db, ReadRisk risk, int trustId, Dictionary<int, School> schools, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var ofsted = await db.FrameworkVersions.Include(v => v.Areas)
            .Where(v => v.TrustId == trustId && db.Frameworks.Any(f => f.Id == v.FrameworkId && f.Key == FrameworkLibrary.Ofsted))
            .OrderByDescending(v => v.Number).FirstAsync(ct);
        var created = now.AddDays(-120);
        foreach (var planned in Reviews)
        {
            var school = schools[planned.Urn];
            var review = new SchoolReview
            {
                TrustId = trustId, SchoolId = school.Id, FrameworkVersionId = ofsted.Id, ReviewOn = today.AddDays(-planned.DaysAgo), Status = SchoolReviewStatus.Completed,
                Reviewers = planned.Reviewers, Focus = planned.Focus, Summary = planned.Summary, CreatedAt = created.AddDays(-planned.DaysAgo), CreatedBy = "Helen Marsh",
                CompletedAt = now.AddDays(-planned.DaysAgo + 3),
            };
            db.SchoolReviews.Add(review);
            await db.SaveChangesAsync(ct);
            var priorities = await db.Priorities.Where(p => p.SchoolId == school.Id)
                .Join(db.Plans.Where(p => p.Kind == PlanKind.Year), p => p.PlanId, p => p.Id, (p, plan) => new { Priority = p, plan.StartsOn })
                .OrderByDescending(x => x.StartsOn).ThenBy(x => x.Priority.Order).Select(x => x.Priority).ToListAsync(ct);
            foreach (var (areaKey, grade, text, followUp) in planned.Findings)
            {
                var area = ofsted.Areas.First(a => a.Key == areaKey);
                var finding = new ReviewFinding { TrustId = trustId, SchoolReviewId = review.Id, FrameworkAreaId = area.Id, Grade = grade, Finding = text };
                db.ReviewFindings.Add(finding);
                await db.SaveChangesAsync(ct);
                if (followUp is not null)
                {
                    // A follow-up is an action in the school's plan, under the priority on the same area where there is one.
                    var priority = priorities.FirstOrDefault(p => p.FrameworkAreaId == area.Id) ?? priorities.First();
                    var action = new PlanAction
                    {
                        TrustId = trustId, SchoolId = school.Id, PriorityId = priority.Id, Title = followUp, Owner = priority.Lead ?? "Headteacher",
                        StartsOn = review.ReviewOn.AddDays(7), DueOn = today.AddDays(45), Status = ActionStatus.InProgress,
                    };
                    db.PlanActions.Add(action);
                    await db.SaveChangesAsync(ct);
                    db.ReviewFollowUps.Add(new ReviewFollowUp { TrustId = trustId, SchoolReviewId = review.Id, ReviewFindingId = finding.Id, PlanActionId = action.Id });
                }
            }
            await db.SaveChangesAsync(ct);
        }

        // Kestrelmead's next review is arranged, three and a half weeks ahead.
        db.SchoolReviews.Add(new SchoolReview
        {
            TrustId = trustId, SchoolId = schools[990003].Id, FrameworkVersionId = ofsted.Id, ReviewOn = today.AddDays(24), Status = SchoolReviewStatus.Planned,
            Reviewers = "Helen Marsh (director of education), Claire Dawson (head, Larkhaven)", Focus = "Inclusion: assessment of pupils with SEND",
            CreatedAt = now.AddDays(-5), CreatedBy = "Helen Marsh",
        });
        await db.SaveChangesAsync(ct);

        // A tier for every school, decided beside its rating; Brackenmoor's differs from what its band suggests, with the reason.
        var ratings = await risk.ForSchoolsAsync(schools.Keys.ToList(), ct);
        foreach (var (urn, school) in schools.OrderBy(s => s.Key))
        {
            var rating = ratings[urn];
            var suggested = (SupportTier)RiskRating.SuggestedTier(rating.BandValue);
            var (tier, reason) = urn != 990002 ? (suggested, rating.BandValue switch
                {
                    RiskBand.High => "The data and the last review agree: the trust leads the school's improvement with it until the next review.",
                    RiskBand.Medium => "Targeted support in the areas the review found needing attention, with a partner school.",
                    _ => "The school knows itself well and improves on its own; it gives support to others.",
                })
                : suggested == SupportTier.Intensive
                    ? (SupportTier.Targeted, "Behaviour has turned round under the new headteacher and the school's own plan is sound: the trust steps back to targeted support in attendance and the curriculum, with a partner school, and looks again at the next review.")
                    : (suggested + 1, "A new headteacher this year and two areas needing attention at the last review: the trust wants closer support than the data alone suggests.");
            db.SupportTierDecisions.Add(new SupportTierDecision
            {
                TrustId = trustId, SchoolId = school.Id, Tier = tier, DecidedOn = today.AddDays(-20), Reason = reason, RiskScore = rating.Score, RiskBand = rating.BandValue,
                DecidedBy = "Helen Marsh", RecordedAt = now.AddDays(-20),
            });
        }
        // Brackenmoor's earlier decision stays in its history.
        db.SupportTierDecisions.Add(new SupportTierDecision
        {
            TrustId = trustId, SchoolId = schools[990002].Id, Tier = SupportTier.Intensive, DecidedOn = today.AddDays(-300),
            Reason = "Behaviour and attendance after the change of sponsor: the trust leads improvement until the first review.", DecidedBy = "Helen Marsh", RecordedAt = now.AddDays(-300),
        });
        await db.SaveChangesAsync(ct);
    }
}
