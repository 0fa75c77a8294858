using Stepwise.Data;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>
/// A judgement of one framework area for a school (its whole-school unit) or a unit of it: the grade, strengths,
/// areas for development, who made it (the school, the trust or an external review)
/// and when; the evidence behind it is attached to it in the shared evidence model (ADR 0066). Judgements are never overwritten: a new one is added, so the history stays, also across framework versions.
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
}

/// <summary>Who made a judgement.</summary>
public enum JudgementSource
{
    Self,
    Trust,
    External,
}
