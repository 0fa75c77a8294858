namespace Stepwise.Features.Enquiries;

/// <summary>
/// A new PDSA cycle (the Plan): the change idea it tests, the cycle it follows (an adapted idea's next try, or an
/// adopted idea spread to another unit), where it runs, the question, the prediction, the plan and the measures it
/// watches. The Do and the Study may be filled in at once when a cycle is recorded after the event.
/// </summary>
public sealed class CycleInput
{
    public int? ChangeIdeaId { get; set; }
    public int? PreviousCycleId { get; set; }
    public int? UnitId { get; set; }
    public string? Question { get; set; }
    public string? Prediction { get; set; }
    public string? PlanWho { get; set; }
    public string? PlanWhat { get; set; }
    public string? PlanWhen { get; set; }
    public string? PlanWhere { get; set; }
    public DateOnly? StartsOn { get; set; }
    public List<int> MeasureIds { get; set; } = [];
    public string? WhatHappened { get; set; }
    public string? Study { get; set; }
}

/// <summary>
/// Changes to a cycle's Plan, Do and Study. A field left out (null) stays as it is; an empty text clears it. The change
/// idea and the cycle it follows are fixed once planned.
/// </summary>
public sealed class CycleChanges
{
    public int? UnitId { get; set; }
    public string? Question { get; set; }
    public string? Prediction { get; set; }
    public string? PlanWho { get; set; }
    public string? PlanWhat { get; set; }
    public string? PlanWhen { get; set; }
    public string? PlanWhere { get; set; }
    public DateOnly? StartsOn { get; set; }
    public List<int>? MeasureIds { get; set; }
    public string? WhatHappened { get; set; }
    public string? Study { get; set; }
}

/// <summary>The Act: adopt, adapt or abandon (or null to take a decision back), the day it was decided, and why.</summary>
public sealed class DecisionInput
{
    public string? Decision { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Note { get; set; }
}
