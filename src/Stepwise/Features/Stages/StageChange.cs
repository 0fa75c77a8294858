using Stepwise.Data;

namespace Stepwise.Features.Stages;

/// <summary>
/// The four stages of the improvement journey, for a whole school or any unit of it. Each asks something different
/// of leaders (see <see cref="StageGuidance"/>).
/// </summary>
public enum Stage
{
    Stabilise = 1,
    Repair = 2,
    Improve = 3,
    Sustain = 4,
}

/// <summary>
/// A unit entering a stage on a date, and why. The unit's stage on any day is the latest change on or before it;
/// changes are only ever added, so the timeline keeps its history.
/// </summary>
public sealed class StageChange : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int UnitId { get; set; }
    public Stage Stage { get; set; }

    /// <summary>The day the unit entered the stage.</summary>
    public DateOnly From { get; set; }

    public required string Rationale { get; set; }
    public string? Evidence { get; set; }
    public int? PersonId { get; set; }
    public required string By { get; set; }
    public DateTime RecordedAt { get; set; }
}
