using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Schools;

namespace Stepwise.Features.PeerReviews;

/// <summary>
/// The demo trust's peer reviews: the starter scale adopted as version 1; a completed review of Brackenmoor (whose
/// self-evaluation has the school's and the trust's judgements on every area) by colleagues from Larkhaven and St
/// Wenna's, with estimates on four Ofsted areas, an area of excellence, strengths and next steps; and a planned review
/// of Larkhaven. Dates are set relative to today, on a Tuesday and Wednesday.
/// </summary>
public static class DemoPeerReviews
{
    public static async Task AddAsync(AppDbContext db, int trustId, Dictionary<int, School> schools, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var people = await db.Users.Where(p => p.TrustId == trustId).ToDictionaryAsync(p => p.Email!.Split('@')[0], p => p.Id, ct);
        var ofsted = await db.FrameworkVersions.Include(v => v.Areas)
            .Where(v => v.TrustId == trustId && db.Frameworks.Any(f => f.Id == v.FrameworkId && f.Key == FrameworkLibrary.Ofsted))
            .OrderByDescending(v => v.Number).FirstAsync(ct);
        int Area(string key) => ofsted.Areas.First(a => a.Key == key).Id;
        // Reviews run Tuesday and Wednesday: the one at least three weeks ago, and the one at least five weeks ahead.
        static DateOnly Tuesday(DateOnly from, int step) { while (from.DayOfWeek != DayOfWeek.Tuesday) { from = from.AddDays(step); } return from; }
        var (done, next) = (Tuesday(today.AddDays(-21), -1), Tuesday(today.AddDays(35), 1));

        var scale = new ReviewScale
        {
            TrustId = trustId, Number = 1, Name = StarterScale.Name, Notes = "The starter scale shipped with Stepwise.", CreatedAt = now.AddDays(-60), CreatedBy = "Helen Marsh",
            Points = StarterScale.Points.Select(p => new ReviewScalePoint { TrustId = trustId, Key = p.Key, Name = p.Name, Description = p.Description, Rank = p.Rank }).ToList(),
        };
        db.ReviewScales.Add(scale);
        await db.SaveChangesAsync(ct);

        // Brackenmoor, reviewed three weeks ago by the heads of Larkhaven (lead) and St Wenna's.
        var completed = new PeerReview
        {
            TrustId = trustId, SchoolId = schools[990002].Id, FrameworkVersionId = ofsted.Id, ReviewScaleId = scale.Id,
            StartsOn = done, EndsOn = done.AddDays(1), Status = PeerReviewStatus.Completed,
            AreaOfExcellence = "Pupil leadership: the school council and Year 6 play leaders run lunchtimes and plan the charity week themselves.",
            AreaOfExcellenceFinding = "Confirmed. Pupils of every year group told us what they lead and why it matters; play leaders resolved two disputes while we watched, without an adult.",
            Strengths = "Classrooms are calm and pupils are courteous. The new behaviour policy is used the same way in every class we visited. Leaders' view of the school matched what we saw.",
            NextSteps = "Sequence the foundation subjects so that pupils build on what they learnt the year before. Follow up persistent absence of disadvantaged pupils week by week, not termly.",
            CreatedAt = now.AddDays(-60), CreatedBy = "Helen Marsh", CompletedAt = done.AddDays(2).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
        };
        var planned = new PeerReview
        {
            TrustId = trustId, SchoolId = schools[990001].Id, FrameworkVersionId = ofsted.Id, ReviewScaleId = scale.Id,
            StartsOn = next, EndsOn = next.AddDays(1), Status = PeerReviewStatus.Planned,
            AreaOfExcellence = "Early reading: phonics taught daily from the first week of Reception, with catch-up the same day.",
            CreatedAt = now.AddDays(-10), CreatedBy = "Helen Marsh",
        };
        db.PeerReviews.AddRange(completed, planned);
        await db.SaveChangesAsync(ct);

        db.PeerReviewers.AddRange(
            new PeerReviewer { TrustId = trustId, PeerReviewId = completed.Id, PersonId = people["claire.dawson"], FromSchoolId = schools[990001].Id, IsLead = true },
            new PeerReviewer { TrustId = trustId, PeerReviewId = completed.Id, PersonId = people["grace.mensah"], FromSchoolId = schools[990004].Id },
            new PeerReviewer { TrustId = trustId, PeerReviewId = planned.Id, PersonId = people["marcus.reid"], FromSchoolId = schools[990002].Id, IsLead = true },
            new PeerReviewer { TrustId = trustId, PeerReviewId = planned.Id, PersonId = people["richard.stone"], FromSchoolId = schools[990005].Id });
        db.PeerReviewAreas.AddRange(
            Estimate(trustId, completed, Area("curriculum-and-teaching"), "working-towards-effective",
                "English and maths are well sequenced and taught consistently; in history and geography pupils could not say how this year's work built on last year's."),
            Estimate(trustId, completed, Area("attendance-and-behaviour"), "working-towards-effective",
                "Behaviour in lessons and at lunchtime is calm. Persistent absence of disadvantaged pupils is still high, and the school reviews it only each term."),
            Estimate(trustId, completed, Area("personal-development-and-well-being"), "leading",
                "The pupil leadership programme reaches every year group; other schools of the trust could learn from how it is run."),
            Estimate(trustId, completed, Area("leadership-and-governance"), "effective",
                "Leaders know the school's strengths and weaknesses; new middle leaders are supported well by the deputy headteacher."),
            Estimate(trustId, planned, Area("curriculum-and-teaching"), null, null),
            Estimate(trustId, planned, Area("inclusion"), null, null),
            Estimate(trustId, planned, Area("achievement"), null, null));
        await db.SaveChangesAsync(ct);
    }

    private static PeerReviewArea Estimate(int trustId, PeerReview review, int areaId, string? estimate, string? rationale) =>
        new() { TrustId = trustId, PeerReviewId = review.Id, FrameworkAreaId = areaId, Estimate = estimate, Rationale = rationale };
}
