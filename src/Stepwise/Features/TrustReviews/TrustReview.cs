using Stepwise.Analytics.Risk;
using Stepwise.Data;

namespace Stepwise.Features.TrustReviews;

/// <summary>
/// The trust's choices for reviewing its schools: where a risk score becomes medium or high, how often a school of each
/// band is reviewed, and what the trust calls its three support tiers. One row per trust; absent, the defaults in
/// <see cref="ReviewPolicyDefaults"/> apply.
/// </summary>
public sealed class ReviewPolicy : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>A score at or above this is medium risk.</summary>
    public double MediumRiskFrom { get; set; } = ReviewPolicyDefaults.MediumRiskFrom;

    /// <summary>A score at or above this is high risk.</summary>
    public double HighRiskFrom { get; set; } = ReviewPolicyDefaults.HighRiskFrom;

    /// <summary>Months between reviews for a school of each band (e.g. 4 = termly, 12 = yearly).</summary>
    public int HighRiskEveryMonths { get; set; } = ReviewPolicyDefaults.HighRiskEveryMonths;
    public int MediumRiskEveryMonths { get; set; } = ReviewPolicyDefaults.MediumRiskEveryMonths;
    public int LowRiskEveryMonths { get; set; } = ReviewPolicyDefaults.LowRiskEveryMonths;

    /// <summary>The trust's names for its tiers (mapped to RISE's minimal issues, targeted support and intervention).</summary>
    public string UniversalName { get; set; } = ReviewPolicyDefaults.UniversalName;
    public string TargetedName { get; set; } = ReviewPolicyDefaults.TargetedName;
    public string IntensiveName { get; set; } = ReviewPolicyDefaults.IntensiveName;

    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public static class ReviewPolicyDefaults
{
    public const double MediumRiskFrom = 3;
    public const double HighRiskFrom = 6;
    public const int HighRiskEveryMonths = 4;
    public const int MediumRiskEveryMonths = 6;
    public const int LowRiskEveryMonths = 12;
    public const string UniversalName = "Universal";
    public const string TargetedName = "Targeted";
    public const string IntensiveName = "Intensive";
}

/// <summary>The weight the trust gives one named component of the risk rating; a component without a row has its default weight.</summary>
public sealed class RiskWeight : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>The component's key, e.g. "spc-concern" (the method's ADR lists them).</summary>
    public required string Component { get; set; }

    public double Weight { get; set; }
}

/// <summary>
/// A trust review of one school: planned for a date with its reviewers, then completed with findings per framework
/// area and follow-ups that become actions in the school's plan.
/// </summary>
public sealed class SchoolReview : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }

    /// <summary>The framework version whose areas the findings are graded against.</summary>
    public int FrameworkVersionId { get; set; }

    public DateOnly ReviewOn { get; set; }
    public SchoolReviewStatus Status { get; set; }

    /// <summary>Who reviews, as names ("Helen Marsh (director of education), Marcus Reid (head, Brackenmoor)").</summary>
    public required string Reviewers { get; set; }

    public string? Focus { get; set; }

    /// <summary>The review's overall summary, written when it is completed.</summary>
    public string? Summary { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum SchoolReviewStatus
{
    Planned,
    Completed,
}

/// <summary>A review's finding on one framework area: a grade on the area's scale and what the reviewers found.</summary>
public sealed class ReviewFinding : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolReviewId { get; set; }
    public int FrameworkAreaId { get; set; }

    /// <summary>The grade's key on the area's scale.</summary>
    public required string Grade { get; set; }

    public string? Finding { get; set; }
}

/// <summary>A review's follow-up, kept as an action in the school's plan (a finding's, or the review's as a whole).</summary>
public sealed class ReviewFollowUp : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolReviewId { get; set; }
    public int? ReviewFindingId { get; set; }
    public int PlanActionId { get; set; }
}

/// <summary>The trust's differentiated support for a school, in three tiers mapped to RISE's categories.</summary>
public enum SupportTier
{
    /// <summary>RISE: minimal issues.</summary>
    Universal,

    /// <summary>RISE: targeted support.</summary>
    Targeted,

    /// <summary>RISE: intervention.</summary>
    Intensive,
}

/// <summary>
/// A person's decision to put a school in a support tier, with the risk rating as it stood beside it. Decisions are
/// never overwritten: the latest is the school's tier, and the history stays.
/// </summary>
public sealed class SupportTierDecision : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public SupportTier Tier { get; set; }
    public DateOnly DecidedOn { get; set; }
    public required string Reason { get; set; }

    /// <summary>The rating when the decision was made, so a later reader sees what the people had beside them.</summary>
    public double? RiskScore { get; set; }
    public RiskBand? RiskBand { get; set; }

    public int? PersonId { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}
