using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Risk;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.TrustReviews;

/// <summary>A support tier decision as it stands (or stood): the tier, when, why, by whom, and the rating beside it then.</summary>
public sealed record TierView(int Id, SupportTier Tier, string TierCode, string TierName, DateOnly DecidedOn, string Reason, string DecidedBy,
    double? RiskScore, string? RiskBand);

/// <summary>One finding of a review: the area, the grade on its scale, what the reviewers found, and its follow-ups (plan actions).</summary>
public sealed record FindingView(int Id, string AreaKey, string AreaName, string Grade, string GradeName, int Rank, int ScaleSize, string? Finding);

/// <summary>
/// A school's line of the review calendar: its tier, its last completed review (with findings) and its next review —
/// a planned review's date, else the last completed review plus the months the trust sets for its band. Overdue when
/// that date has passed. The band (a rating) shows only to those who may see ratings.
/// </summary>
public sealed record CalendarRow(int Urn, string SchoolName, string? Band, int? EveryMonths, TierView? Tier,
    int? LastReviewId, DateOnly? LastReviewOn, List<FindingView> LastFindings,
    int? PlannedReviewId, DateOnly? NextOn, string NextBecause, bool Overdue);

/// <summary>
/// The review calendar: each school the reader may see reviews of (ViewReviews), with its tier, last and next review.
/// The next review's frequency comes from the school's risk band, read with <see cref="ReadRisk"/> as the system would
/// see it, so a governor's calendar has the same dates as the director's without showing the rating.
/// </summary>
public sealed class ReadReviewCalendar(AppDbContext db, AccessControl access, ReadRisk risk, ReviewPolicies policies, TimeProvider clock)
{
    public async Task<List<CalendarRow>> ListAsync(CancellationToken ct)
    {
        var urns = await (await access.SchoolsAsync(Permission.ViewReviews, ct)).Where(s => s.ArchivedAt == null).Select(s => s.Urn).ToListAsync(ct);
        return await ForSchoolsAsync(urns, ct);
    }

    /// <summary>The calendar lines of these schools (by URN) that the reader may see reviews of, in name order.</summary>
    public async Task<List<CalendarRow>> ForSchoolsAsync(IReadOnlyCollection<int> urns, CancellationToken ct)
    {
        var permitted = await access.SchoolIdsAsync(Permission.ViewReviews, ct);
        var schools = await db.Schools.AsNoTracking().Where(s => urns.Contains(s.Urn) && s.ArchivedAt == null && (permitted == null || permitted.Contains(s.Id)))
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Urn, s.Name }).ToListAsync(ct);
        if (schools.Count == 0)
        {
            return [];
        }
        var policy = await policies.GetAsync(ct);
        var ratings = await risk.ForSchoolsAsync(schools.Select(s => s.Urn).ToList(), ct);
        var canSeeRating = ratings.Keys.ToHashSet();
        var missing = schools.Where(s => !ratings.ContainsKey(s.Urn)).Select(s => s.Urn).ToList();
        if (missing.Count > 0)
        {
            // The frequency follows the band even where the reader may not see the band itself.
            foreach (var (urn, rating) in await risk.ForSchoolsAsSystemAsync(missing, ct))
            {
                ratings[urn] = rating;
            }
        }
        var ids = schools.Select(s => s.Id).ToList();
        var reviews = await db.SchoolReviews.AsNoTracking().Where(r => ids.Contains(r.SchoolId)).ToListAsync(ct);
        var tiers = await TiersAsync(ids, policy, ct);
        var lastIds = reviews.Where(r => r.Status == SchoolReviewStatus.Completed).GroupBy(r => r.SchoolId)
            .Select(g => g.OrderByDescending(r => r.ReviewOn).ThenByDescending(r => r.Id).First().Id).ToList();
        var findings = await FindingsAsync(lastIds, ct);
        var today = clock.Today();
        return schools.Select(s =>
        {
            var last = reviews.Where(r => r.SchoolId == s.Id && r.Status == SchoolReviewStatus.Completed).OrderByDescending(r => r.ReviewOn).ThenByDescending(r => r.Id).FirstOrDefault();
            var planned = reviews.Where(r => r.SchoolId == s.Id && r.Status == SchoolReviewStatus.Planned).OrderBy(r => r.ReviewOn).FirstOrDefault();
            var rating = ratings.GetValueOrDefault(s.Urn);
            int? every = rating is null ? null : policy.EveryMonths(rating.BandValue);
            var (next, because) = planned is not null ? (planned.ReviewOn, "Planned")
                : last is not null && every is int m ? (last.ReviewOn.AddMonths(m), $"Last review plus {m} months")
                : ((DateOnly?)null, "Not reviewed yet: arrange the first review");
            return new CalendarRow(s.Urn, s.Name, canSeeRating.Contains(s.Urn) ? rating?.BandName : null, every, tiers.GetValueOrDefault(s.Id)?.FirstOrDefault(),
                last?.Id, last?.ReviewOn, last is null ? [] : findings.GetValueOrDefault(last.Id) ?? [],
                planned?.Id, next, because, next is null || next < today);
        }).ToList();
    }

    /// <summary>Each school's tier decisions, latest first (the first is its tier).</summary>
    public async Task<Dictionary<int, List<TierView>>> TiersAsync(IReadOnlyCollection<int> schoolIds, PolicyView policy, CancellationToken ct) =>
        (await db.SupportTierDecisions.AsNoTracking().Where(d => schoolIds.Contains(d.SchoolId)).ToListAsync(ct))
            .GroupBy(d => d.SchoolId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAt).ThenByDescending(d => d.Id)
                .Select(d => new TierView(d.Id, d.Tier, Codes.Of(d.Tier), policy.TierName(d.Tier), d.DecidedOn, d.Reason, d.DecidedBy, d.RiskScore,
                    d.RiskBand?.ToString())).ToList());

    /// <summary>The findings of these reviews, in the framework's area order.</summary>
    public async Task<Dictionary<int, List<FindingView>>> FindingsAsync(IReadOnlyCollection<int> reviewIds, CancellationToken ct)
    {
        var rows = await (from f in db.ReviewFindings.AsNoTracking()
                          where reviewIds.Contains(f.SchoolReviewId)
                          join a in db.FrameworkAreas on f.FrameworkAreaId equals a.Id
                          orderby a.Order
                          select new { Finding = f, a.Key, a.Name, a.Scale, a.FrameworkVersionId }).ToListAsync(ct);
        var versions = rows.Select(r => r.FrameworkVersionId).Distinct().ToList();
        var grades = await db.FrameworkGrades.AsNoTracking().Where(g => versions.Contains(g.FrameworkVersionId)).ToListAsync(ct);
        return rows.GroupBy(r => r.Finding.SchoolReviewId).ToDictionary(g => g.Key, g => g.Select(r =>
        {
            var scale = grades.Where(x => x.FrameworkVersionId == r.FrameworkVersionId && x.Scale == r.Scale).ToList();
            var grade = scale.FirstOrDefault(x => x.Key == r.Finding.Grade);
            return new FindingView(r.Finding.Id, r.Key, r.Name, r.Finding.Grade, grade?.Name ?? r.Finding.Grade, grade?.Rank ?? 0, scale.Count, r.Finding.Finding);
        }).ToList());
    }
}
