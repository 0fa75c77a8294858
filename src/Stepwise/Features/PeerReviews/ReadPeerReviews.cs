using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.PeerReviews;

public sealed record PeerReviewRow(int Id, int SchoolUrn, string SchoolName, DateOnly StartsOn, DateOnly EndsOn, string Status, string FrameworkName,
    int FocusAreas, int Estimated, string? LeadReviewer, List<string> ReviewingSchools, bool OnTeam);

public sealed record ReviewerView(int PersonId, string Name, string? JobTitle, int? FromSchoolUrn, string FromSchool, bool IsLead);

public sealed record ReviewAreaView(int AreaId, string Key, string Name, string? Estimate, string? EstimateName, int? Rank, string? Rationale);

/// <summary>What the reader may do with a review.</summary>
public sealed record ReviewActions(bool ProposeExcellence, bool RecordFindings, bool Complete);

public sealed record PeerReviewView(
    int Id,
    int SchoolUrn,
    string SchoolName,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string Status,
    string FrameworkKey,
    string FrameworkName,
    int FrameworkVersion,
    ScaleView Scale,
    string? AreaOfExcellence,
    string? AreaOfExcellenceFinding,
    string? Strengths,
    string? NextSteps,
    DateTime? CompletedAt,
    string CreatedBy,
    List<ReviewerView> Team,
    List<ReviewAreaView> Areas,
    ReviewActions Can);

/// <summary>A school's latest peer estimate of one framework area, as self-evaluation shows it beside its own and the trust's.</summary>
public sealed record PeerEstimateView(int ReviewId, string Estimate, string EstimateName, int Rank, int ScaleSize, DateOnly ReviewedOn,
    List<string> ReviewingSchools, string? Rationale);

/// <summary>
/// Who may see a review, and the reads of reviews: trust leaders (who arrange reviews) see all; the host school's
/// staff and governors see its reviews once completed, its leaders the planned ones too; reviewers the reviews they are
/// on. A review the reader may not see is not found.
/// </summary>
public sealed class ReadPeerReviews(AppDbContext db, AccessControl access, ReviewScales scales)
{
    /// <summary>The reviews the reader may see, latest first; one school's when <paramref name="urn"/> is given.</summary>
    public async Task<List<PeerReviewRow>> ListAsync(int? urn, CancellationToken ct)
    {
        var reviews = await db.PeerReviews.AsNoTracking().OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.Id).ToListAsync(ct);
        var visible = new List<PeerReview>();
        foreach (var review in reviews)
        {
            if (await CanSeeAsync(review, ct))
            {
                visible.Add(review);
            }
        }
        var schools = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        if (urn is int u)
        {
            visible = visible.Where(r => schools[r.SchoolId].Urn == u).ToList();
        }
        var ids = visible.Select(r => r.Id).ToList();
        var team = await TeamAsync(ids, ct);
        var areas = await db.PeerReviewAreas.AsNoTracking().Where(a => ids.Contains(a.PeerReviewId)).ToListAsync(ct);
        var frameworks = await db.FrameworkVersions.AsNoTracking()
            .Join(db.Frameworks, v => v.FrameworkId, f => f.Id, (v, f) => new { v.Id, f.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return visible.Select(r =>
        {
            var mine = team.Where(t => t.ReviewId == r.Id).Select(t => t.View).ToList();
            var theirs = areas.Where(a => a.PeerReviewId == r.Id).ToList();
            return new PeerReviewRow(r.Id, schools[r.SchoolId].Urn, schools[r.SchoolId].Name, r.StartsOn, r.EndsOn, Codes.Of(r.Status), frameworks.GetValueOrDefault(r.FrameworkVersionId, ""),
                theirs.Count, theirs.Count(a => a.Estimate != null), mine.FirstOrDefault(t => t.IsLead)?.Name, Schools(mine),
                access.PersonId is int me && mine.Any(t => t.PersonId == me));
        }).ToList();
    }

    /// <summary>One review with its team, focus areas and estimates, and what the reader may do; null if not visible.</summary>
    public async Task<PeerReviewView?> OneAsync(int reviewId, CancellationToken ct)
    {
        var review = await db.PeerReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null || !await CanSeeAsync(review, ct))
        {
            return null;
        }
        var school = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == review.SchoolId, ct);
        var version = await db.FrameworkVersions.AsNoTracking().Include(v => v.Areas).FirstAsync(v => v.Id == review.FrameworkVersionId, ct);
        var framework = await db.Frameworks.AsNoTracking().FirstAsync(f => f.Id == version.FrameworkId, ct);
        var scale = (await scales.VersionAsync(review.ReviewScaleId, ct))!;
        var team = (await TeamAsync([review.Id], ct)).Select(t => t.View).ToList();
        var areas = await db.PeerReviewAreas.AsNoTracking().Where(a => a.PeerReviewId == review.Id).ToListAsync(ct);
        var areaViews = version.Areas.Where(a => areas.Any(x => x.FrameworkAreaId == a.Id)).OrderBy(a => a.Order).Select(a =>
        {
            var estimate = areas.First(x => x.FrameworkAreaId == a.Id);
            var point = scale.Points.FirstOrDefault(p => p.Key == estimate.Estimate);
            return new ReviewAreaView(a.Id, a.Key, a.Name, estimate.Estimate, point?.Name, point?.Rank, estimate.Rationale);
        }).ToList();
        return new PeerReviewView(review.Id, school.Urn, school.Name, review.StartsOn, review.EndsOn, Codes.Of(review.Status), framework.Key, framework.Name, version.Number,
            scale, review.AreaOfExcellence, review.AreaOfExcellenceFinding, review.Strengths, review.NextSteps, review.CompletedAt, review.CreatedBy,
            team, areaViews, await ActionsAsync(review, ct));
    }

    /// <summary>
    /// The latest completed review's estimate for each framework area of the school that a review estimated, keyed by
    /// the area's id (the caller follows areas across framework versions). Completed reviews are visible to whoever
    /// may see the school, so this read needs no more than the school.
    /// </summary>
    public async Task<Dictionary<int, PeerEstimateView>> LatestEstimatesAsync(int schoolId, IReadOnlyCollection<int> areaIds, CancellationToken ct)
    {
        var rows = await db.PeerReviewAreas.AsNoTracking()
            .Where(a => a.Estimate != null && areaIds.Contains(a.FrameworkAreaId))
            .Join(db.PeerReviews.Where(r => r.SchoolId == schoolId && r.Status == PeerReviewStatus.Completed), a => a.PeerReviewId, r => r.Id, (a, r) => new { Area = a, Review = r })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var reviewIds = rows.Select(r => r.Review.Id).Distinct().ToList();
        var team = await TeamAsync(reviewIds, ct);
        var scaleIds = rows.Select(r => r.Review.ReviewScaleId).Distinct().ToList();
        var points = await db.ReviewScalePoints.AsNoTracking().Where(p => scaleIds.Contains(p.ReviewScaleId)).ToListAsync(ct);
        var latest = new Dictionary<int, PeerEstimateView>();
        foreach (var row in rows.OrderBy(r => r.Review.EndsOn).ThenBy(r => r.Review.CompletedAt).ThenBy(r => r.Review.Id))
        {
            var scale = points.Where(p => p.ReviewScaleId == row.Review.ReviewScaleId).ToList();
            if (scale.FirstOrDefault(p => p.Key == row.Area.Estimate) is not { } point)
            {
                continue;
            }
            latest[row.Area.FrameworkAreaId] = new PeerEstimateView(row.Review.Id, point.Key, point.Name, point.Rank, scale.Count, row.Review.EndsOn,
                Schools(team.Where(t => t.ReviewId == row.Review.Id).Select(t => t.View).ToList()), row.Area.Rationale);
        }
        return latest;
    }

    public async Task<bool> CanSeeAsync(PeerReview review, CancellationToken ct) =>
        await access.CanAcrossTrustAsync(Permission.ArrangePeerReviews, ct)
        || await IsOnTeamAsync(review.Id, ct)
        || (review.Status == PeerReviewStatus.Completed && await access.CanAsync(Permission.ViewSchool, review.SchoolId, ct))
        || await access.CanAsync(Permission.EditSelfEvaluation, review.SchoolId, ct);

    public async Task<ReviewActions> ActionsAsync(PeerReview review, CancellationToken ct)
    {
        var arranges = await access.CanAcrossTrustAsync(Permission.ArrangePeerReviews, ct);
        var lead = await IsOnTeamAsync(review.Id, ct, lead: true);
        var planned = review.Status == PeerReviewStatus.Planned;
        var host = await access.CanAsync(Permission.EditSelfEvaluation, review.SchoolId, ct);
        return new ReviewActions(
            ProposeExcellence: planned && (host || arranges),
            RecordFindings: arranges || lead || (planned && await IsOnTeamAsync(review.Id, ct)),
            Complete: planned && (arranges || lead));
    }

    private async Task<bool> IsOnTeamAsync(int reviewId, CancellationToken ct, bool lead = false) =>
        access.PersonId is int me && await db.PeerReviewers.AnyAsync(t => t.PeerReviewId == reviewId && t.PersonId == me && (!lead || t.IsLead), ct);

    private async Task<List<(int ReviewId, ReviewerView View)>> TeamAsync(List<int> reviewIds, CancellationToken ct)
    {
        var rows = await db.PeerReviewers.AsNoTracking().Where(t => reviewIds.Contains(t.PeerReviewId))
            .Join(db.Users, t => t.PersonId, p => p.Id, (t, p) => new { t.PeerReviewId, t.PersonId, p.DisplayName, p.JobTitle, t.FromSchoolId, t.IsLead })
            .ToListAsync(ct);
        var schoolIds = rows.Where(r => r.FromSchoolId != null).Select(r => r.FromSchoolId!.Value).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return rows.OrderByDescending(r => r.IsLead).ThenBy(r => r.DisplayName).Select(r => (r.PeerReviewId, new ReviewerView(r.PersonId, r.DisplayName, r.JobTitle,
            r.FromSchoolId is int s ? schools[s].Urn : null, r.FromSchoolId is int t ? schools[t].Name : "The trust", r.IsLead))).ToList();
    }

    private static List<string> Schools(List<ReviewerView> team) => team.Select(t => t.FromSchool).Distinct().ToList();
}
