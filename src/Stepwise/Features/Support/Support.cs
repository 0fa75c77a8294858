using Stepwise.Data;

namespace Stepwise.Features.Support;

/// <summary>A group of the trust's schools that share practice: rounds, learning teams and support episodes can belong to one.</summary>
public sealed class Network : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public required string Name { get; set; }
    public string? Purpose { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ArchivedAt { get; set; }
}

public sealed class NetworkSchool : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int NetworkId { get; set; }
    public int SchoolId { get; set; }
}

/// <summary>How many support episodes a school can give in a term; a school without a row can give <see cref="SupportRules.DefaultEpisodesPerTerm"/>.</summary>
public sealed class SupportCapacity : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int EpisodesPerTerm { get; set; }
    public string? Note { get; set; }
}

public static class SupportRules
{
    public const int DefaultEpisodesPerTerm = 2;
}

/// <summary>What a school needs help with: an evaluation area of its framework and, where there is one, the measure that should move.</summary>
public sealed class SupportNeed : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>The school that needs the help (the receiver).</summary>
    public int SchoolId { get; set; }

    public int FrameworkAreaId { get; set; }

    /// <summary>The measure (a metric's key) whose data should show the help worked; null when there is none.</summary>
    public string? MetricKey { get; set; }

    public required string Description { get; set; }
    public SupportNeedStatus Status { get; set; }
    public DateOnly RaisedOn { get; set; }
    public required string RaisedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum SupportNeedStatus
{
    Open,
    Met,
    Withdrawn,
}

/// <summary>
/// Support one school gives another, agreed by the trust: who gives, who receives, the area and the measure, the dates
/// and the people. At its end the impact is read from the receiver's data on the measure and recorded.
/// </summary>
public sealed class SupportEpisode : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int? SupportNeedId { get; set; }
    public int GiverSchoolId { get; set; }
    public int ReceiverSchoolId { get; set; }
    public int FrameworkAreaId { get; set; }
    public string? MetricKey { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>The people who give and receive ("Daniel Hughes (maths lead) with Year 4 team").</summary>
    public required string People { get; set; }

    public string? Aims { get; set; }
    public int? NetworkId { get; set; }
    public SupportEpisodeStatus Status { get; set; }
    public DateTime AgreedAt { get; set; }
    public required string AgreedBy { get; set; }

    /// <summary>The impact read from the receiver's data (a signal on the measure within two terms of the start), once recorded.</summary>
    public SupportImpact? Impact { get; set; }
    public string? ImpactSentence { get; set; }
    public string? ImpactNote { get; set; }
    public DateTime? ImpactRecordedAt { get; set; }
    public string? ImpactRecordedBy { get; set; }
}

public enum SupportEpisodeStatus
{
    Agreed,
    Ended,
    Cancelled,
}

public enum SupportImpact
{
    /// <summary>An improvement signal on the measure within two terms.</summary>
    Improvement,

    /// <summary>Figures, but no signal either way.</summary>
    NoSignal,

    /// <summary>A concern signal on the measure.</summary>
    Concern,

    /// <summary>No measure, or no figures to read.</summary>
    NoData,
}
