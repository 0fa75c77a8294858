using Stepwise.Data;

namespace Stepwise.Features.Schools;

/// <summary>A school in a trust, known by its DfE unique reference number (URN).</summary>
public sealed class School : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>The DfE unique reference number: six digits, unique across all trusts.</summary>
    public int Urn { get; set; }

    public required string Name { get; set; }
    public Phase Phase { get; set; }

    /// <summary>Type of establishment as GIAS names it, e.g. "Academy converter", "Community school".</summary>
    public string? Type { get; set; }

    public string? LocalAuthority { get; set; }
    public string? Postcode { get; set; }
    public SchoolStatus Status { get; set; } = SchoolStatus.Open;

    public int? Pupils { get; set; }
    public double? PercentFreeSchoolMeals { get; set; }
    public double? PercentDisadvantaged { get; set; }
    public double? PercentSen { get; set; }
    public double? PercentEal { get; set; }

    /// <summary>Set when the trust archives the school: it leaves lists but its history stays.</summary>
    public DateTime? ArchivedAt { get; set; }

    public bool IsArchived => ArchivedAt is not null;
}

public enum Phase
{
    Nursery,
    Primary,
    Middle,
    Secondary,
    AllThrough,
    Special,
    AlternativeProvision,
    SixteenPlus,
}

public enum SchoolStatus
{
    Open,
    Proposed,
    Closing,
    Closed,
}
