using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.PeerReviews;

public sealed record ExcellenceInput
{
    /// <summary>The area of excellence the host school proposes.</summary>
    public string? AreaOfExcellence { get; init; }
}

/// <summary>The team's findings: an estimate per focus area, the finding on the area of excellence, strengths and next steps.</summary>
public sealed record FindingsInput
{
    public List<EstimateInput>? Areas { get; init; }
    public string? AreaOfExcellenceFinding { get; init; }

    /// <summary>What went well.</summary>
    public string? Strengths { get; init; }

    /// <summary>Even better if.</summary>
    public string? NextSteps { get; init; }
}

public sealed record EstimateInput
{
    /// <summary>The focus area's key.</summary>
    public string? Area { get; init; }

    /// <summary>A point of the review's scale: its key or its name; empty leaves the area not yet estimated.</summary>
    public string? Estimate { get; init; }

    public string? Rationale { get; init; }
}

/// <summary>
/// Conducting a review: the host school's leaders propose the area of excellence; the team records estimates and
/// findings; the lead reviewer (or whoever arranges reviews) completes it once every focus area has an estimate.
/// After completion only the lead reviewer and those who arrange reviews may correct it (every change is audited).
/// A review the person may not see is not found; one they may see but not change is forbidden.
/// </summary>
public sealed class ConductPeerReview(AppDbContext db, ReadPeerReviews read, TimeProvider clock)
{
    public Task<Outcome<PeerReview>> ProposeExcellenceAsync(int reviewId, ExcellenceInput input, CancellationToken ct) =>
        ActAsync(reviewId, can => can.ProposeExcellence, review =>
        {
            var problems = new Problems().Require("areaOfExcellence", input.AreaOfExcellence, "area of excellence", 1000);
            if (!problems.Any)
            {
                review.AreaOfExcellence = input.AreaOfExcellence!.Trim();
            }
            return Task.FromResult(problems);
        }, ct);

    public Task<Outcome<PeerReview>> RecordFindingsAsync(int reviewId, FindingsInput input, CancellationToken ct) =>
        ActAsync(reviewId, can => can.RecordFindings, async review =>
        {
            var problems = new Problems()
                .Optional("areaOfExcellenceFinding", input.AreaOfExcellenceFinding, "finding on the area of excellence", 4000)
                .Optional("strengths", input.Strengths, "strengths", 4000)
                .Optional("nextSteps", input.NextSteps, "next steps", 4000);
            var areas = await db.PeerReviewAreas.Where(a => a.PeerReviewId == review.Id)
                .Join(db.FrameworkAreas, a => a.FrameworkAreaId, f => f.Id, (a, f) => new { Row = a, f.Key, f.Name }).ToListAsync(ct);
            var points = await db.ReviewScalePoints.Where(p => p.ReviewScaleId == review.ReviewScaleId).OrderBy(p => p.Rank).ToListAsync(ct);
            var changes = new List<Action>();
            var inputs = input.Areas ?? [];
            for (var i = 0; i < inputs.Count; i++)
            {
                var given = inputs[i];
                var area = areas.FirstOrDefault(a => a.Key == given.Area?.Trim());
                if (area is null)
                {
                    problems.Add($"areas[{i}].area", $"\"{given.Area}\" is not a focus area of this review: choose one of {string.Join(", ", areas.Select(a => a.Key))}.");
                    continue;
                }
                problems.Optional($"areas[{i}].rationale", given.Rationale, $"rationale for {area.Name}", 4000);
                string? key = null;
                if (!string.IsNullOrWhiteSpace(given.Estimate))
                {
                    var point = points.FirstOrDefault(p => p.Key == given.Estimate.Trim() || string.Equals(p.Name, given.Estimate.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (point is null)
                    {
                        problems.Add($"areas[{i}].estimate", $"\"{given.Estimate}\" is not a point of the review's scale for {area.Name}: choose one of {string.Join(", ", points.Select(p => p.Name))}.");
                        continue;
                    }
                    key = point.Key;
                }
                var row = area.Row;
                var rationale = Text.Clean(given.Rationale);
                changes.Add(() => (row.Estimate, row.Rationale) = (key, rationale));
            }
            if (!problems.Any)
            {
                changes.ForEach(c => c());
                review.AreaOfExcellenceFinding = Text.Clean(input.AreaOfExcellenceFinding);
                review.Strengths = Text.Clean(input.Strengths);
                review.NextSteps = Text.Clean(input.NextSteps);
            }
            return problems;
        }, ct);

    /// <summary>Completes the review: refused, naming them, while any focus area has no estimate.</summary>
    public Task<Outcome<PeerReview>> CompleteAsync(int reviewId, CancellationToken ct) =>
        ActAsync(reviewId, can => can.Complete, async review =>
        {
            var missing = await db.PeerReviewAreas.Where(a => a.PeerReviewId == review.Id && a.Estimate == null)
                .Join(db.FrameworkAreas, a => a.FrameworkAreaId, f => f.Id, (a, f) => new { f.Name, f.Order }).OrderBy(a => a.Order).Select(a => a.Name).ToListAsync(ct);
            var problems = new Problems();
            if (missing.Count > 0)
            {
                problems.Add("areas", $"The review cannot be completed yet: {(missing.Count == 1 ? "this focus area has" : "these focus areas have")} no estimate: {string.Join(", ", missing)}.");
                return problems;
            }
            review.Status = PeerReviewStatus.Completed;
            review.CompletedAt = clock.UtcNow();
            return problems;
        }, ct);

    private async Task<Outcome<PeerReview>> ActAsync(int reviewId, Func<ReviewActions, bool> allowed, Func<PeerReview, Task<Problems>> change, CancellationToken ct)
    {
        var review = await db.PeerReviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null || !await read.CanSeeAsync(review, ct))
        {
            return Outcome<PeerReview>.NotFound();
        }
        if (!allowed(await read.ActionsAsync(review, ct)))
        {
            return Outcome<PeerReview>.Forbidden();
        }
        var problems = await change(review);
        if (problems.Any)
        {
            return Outcome<PeerReview>.Invalid(problems);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<PeerReview>.Ok(review);
    }
}
