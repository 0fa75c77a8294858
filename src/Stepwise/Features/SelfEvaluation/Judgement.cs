using Stepwise.Data;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>
/// A judgement of one framework area for a school (its whole-school unit) or a unit of it: the grade, strengths,
/// areas for development and the evidence behind them, who made it (the school, the trust or an external review)
/// and when. Judgements are never overwritten: a new one is added, so the history stays, also across framework versions.
/// </summary>
public sealed class Judgement : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int UnitId { get; set; }
    public int FrameworkAreaId { get; set; }

    /// <summary>The grade's key on the area's scale, e.g. "strong-standard".</summary>
    public required string Grade { get; set; }

    public JudgementSource Source { get; set; }
    public string? Strengths { get; set; }
    public string? AreasForDevelopment { get; set; }
    public DateOnly JudgedOn { get; set; }
    public int? PersonId { get; set; }
    public required string By { get; set; }
    public DateTime RecordedAt { get; set; }
    public List<JudgementEvidence> Evidence { get; set; } = [];
}

/// <summary>Who made a judgement.</summary>
public enum JudgementSource
{
    Self,
    Trust,
    External,
}

/// <summary>What a judgement rests on: a metric series, a survey result, an observation, a note or a link.</summary>
public sealed class JudgementEvidence : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int JudgementId { get; set; }
    public EvidenceKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>A web address or a path in Stepwise ("/schools/990001/…").</summary>
    public string? Url { get; set; }

    /// <summary>For metric evidence: the metric's key and pupil group.</summary>
    public string? MetricKey { get; set; }

    public string? Group { get; set; }
    public string? Note { get; set; }
}

public enum EvidenceKind
{
    Metric,
    Survey,
    Observation,
    Note,
    Link,
}
