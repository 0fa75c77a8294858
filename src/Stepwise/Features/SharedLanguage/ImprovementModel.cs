using Stepwise.Data;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// A school's or the trust's written improvement model, one version per row: what it assumes about leadership and
/// how pupils learn, the expertise its leaders need, how individuals, teams and the organisation learn, and its
/// shared language. Never overwritten: a review writes the next version, so the history stays.
/// </summary>
public sealed class ImprovementModel : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>The school whose model this is; null for the trust's own.</summary>
    public int? SchoolId { get; set; }

    /// <summary>1, 2, 3 … for this school (or the trust); the highest is the current model.</summary>
    public int Number { get; set; }

    public string? Leadership { get; set; }
    public string? HowPupilsLearn { get; set; }
    public string? LeadersExpertise { get; set; }
    public string? IndividualLearning { get; set; }
    public string? TeamLearning { get; set; }
    public string? OrganisationalLearning { get; set; }

    /// <summary>What the shared language is for here; its terms, look-fors and steps are the trust's language version.</summary>
    public string? SharedLanguage { get; set; }

    /// <summary>When it is next to be reviewed.</summary>
    public DateOnly ReviewOn { get; set; }

    /// <summary>What this version changed, or what the review found.</summary>
    public string? ReviewNote { get; set; }

    public DateTime WrittenAt { get; set; }
    public int? PersonId { get; set; }
    public required string WrittenBy { get; set; }
}
