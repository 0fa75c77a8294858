using Stepwise.Data;

namespace Stepwise.Features.TrustEvaluation;

/// <summary>
/// The trust's judgement of itself on one area of a trust-level framework (the DfE's trust quality pillars): the grade,
/// strengths and areas for development. Never overwritten: a new judgement is added, so the history stays.
/// </summary>
public sealed class TrustJudgement : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int FrameworkAreaId { get; set; }

    /// <summary>The grade's key on the area's scale.</summary>
    public required string Grade { get; set; }

    public string? Strengths { get; set; }
    public string? AreasForDevelopment { get; set; }
    public DateOnly JudgedOn { get; set; }
    public int? PersonId { get; set; }
    public required string By { get; set; }
    public DateTime RecordedAt { get; set; }
}
