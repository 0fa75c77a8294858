using Stepwise.Data;

namespace Stepwise.Features.PeerReviews;

/// <summary>
/// One version of the scale a trust's peer reviews estimate on (e.g. leading / effective / working towards effective /
/// ineffective). Like a framework: a version a review has used never changes; the next version is written instead.
/// </summary>
public sealed class ReviewScale : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>1, 2, 3 …; the highest is the scale new reviews use.</summary>
    public int Number { get; set; }

    public required string Name { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public List<ReviewScalePoint> Points { get; set; } = [];
}

/// <summary>A point of a review scale; rank 1 is the best.</summary>
public sealed class ReviewScalePoint : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int ReviewScaleId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Rank { get; set; }
}

/// <summary>
/// A peer review of a school by colleagues from other schools of the trust: its focus areas (areas of the school's
/// framework), an estimate per area on the trust's scale, the area of excellence the host school proposed, and the
/// findings. Its estimates stand beside the school's own judgement and the trust's.
/// </summary>
public sealed class PeerReview : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>The school reviewed.</summary>
    public int SchoolId { get; set; }

    /// <summary>The framework version whose areas are the focus areas.</summary>
    public int FrameworkVersionId { get; set; }

    public int ReviewScaleId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public PeerReviewStatus Status { get; set; }

    /// <summary>The area of excellence the host school proposes, and what the reviewers found of it.</summary>
    public string? AreaOfExcellence { get; set; }
    public string? AreaOfExcellenceFinding { get; set; }

    /// <summary>What went well.</summary>
    public string? Strengths { get; set; }

    /// <summary>Even better if.</summary>
    public string? NextSteps { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>When the reviewers finished it: from then its estimates stand beside the school's self-evaluation.</summary>
    public DateTime? CompletedAt { get; set; }
}

public enum PeerReviewStatus
{
    Planned,
    Completed,
}

/// <summary>A member of the review team, from another school of the trust (or the trust's own staff).</summary>
public sealed class PeerReviewer : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PeerReviewId { get; set; }
    public int PersonId { get; set; }

    /// <summary>The school the reviewer comes from; null for trust staff.</summary>
    public int? FromSchoolId { get; set; }

    public bool IsLead { get; set; }
}

/// <summary>A focus area of a review and, once made, the team's estimate on the review's scale.</summary>
public sealed class PeerReviewArea : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PeerReviewId { get; set; }
    public int FrameworkAreaId { get; set; }

    /// <summary>The key of a point of the review's scale; null until estimated.</summary>
    public string? Estimate { get; set; }

    public string? Rationale { get; set; }
}
