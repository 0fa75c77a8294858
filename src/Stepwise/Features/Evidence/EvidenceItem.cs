using Stepwise.Data;

namespace Stepwise.Features.Evidence;

/// <summary>
/// One piece of evidence: a measure (a metric for a pupil group), a survey result, a visit, an observation, a note,
/// a file or a link, with who added it and when. It is attached to what it supports — a judgement or a plan's
/// priority today — by the owner's kind and id (ADR 0066), so enquiry cycles, rounds and the practice library
/// attach theirs the same way, in the same table.
/// </summary>
public sealed class EvidenceItem : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>The school the owner belongs to; none for something that belongs to the whole trust.</summary>
    public int? SchoolId { get; set; }

    public EvidenceOwner OwnerKind { get; set; }
    public int OwnerId { get; set; }
    public EvidenceKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>A web address or a path in Stepwise ("/schools/990001/…").</summary>
    public string? Url { get; set; }

    /// <summary>For a measure: the metric's key and pupil group.</summary>
    public string? MetricKey { get; set; }

    public string? Group { get; set; }
    public string? Note { get; set; }
    public DateTime AddedAt { get; set; }
    public int? PersonId { get; set; }
    public required string By { get; set; }
}

/// <summary>What a piece of evidence supports. New owners (enquiry cycles, rounds, practices) are added here.</summary>
public enum EvidenceOwner
{
    Judgement,
    Priority,

    /// <summary>A PDSA cycle of an enquiry: what the team saw, measured and kept.</summary>
    Cycle,
}

/// <summary>What kind of thing the evidence is. The codes ("metric", "observation", …) are stored and sent as they are.</summary>
public enum EvidenceKind
{
    Metric,
    Survey,
    Observation,
    Note,
    Link,
    Visit,
    File,
}
