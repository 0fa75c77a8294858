using Stepwise.Data;

namespace Stepwise.Features.Plans;

/// <summary>A school's improvement plan: the plan for an academic year, or a 100-day plan.</summary>
public sealed class Plan : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public PlanKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>For a year plan: the academic year, "2025/26".</summary>
    public string? AcademicYear { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>What the plan is for, in a sentence or two (shown at the top of the plan on a page).</summary>
    public string? Summary { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum PlanKind
{
    Year,
    HundredDay,
}

/// <summary>
/// What the school will improve, linked to a framework area and a unit; at the end of the cycle it gets an impact
/// review (what changed, what we learned, and whether to continue, modify or stop).
/// </summary>
public sealed class Priority : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int PlanId { get; set; }
    public required string Title { get; set; }
    public string? Why { get; set; }
    public int? FrameworkAreaId { get; set; }
    public int? UnitId { get; set; }
    public string? Lead { get; set; }
    public int Order { get; set; }

    public string? WhatChanged { get; set; }
    public string? WhatWeLearned { get; set; }
    public ReviewDecision? Decision { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    public string? ReviewedBy { get; set; }
}

public enum ReviewDecision
{
    Continue,
    Modify,
    Stop,
}

/// <summary>
/// A measurable goal on a metric series (for all pupils or a group): from a baseline on a date to a target by a date.
/// Its status is never typed: it is computed from the series (<see cref="GoalStatus"/>).
/// </summary>
public sealed class Goal : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int PriorityId { get; set; }
    public required string MetricKey { get; set; }

    /// <summary>"all" or a pupil group code (see SchoolData's PupilGroups).</summary>
    public required string Group { get; set; }

    public double Baseline { get; set; }
    public DateOnly BaselineOn { get; set; }
    public double Target { get; set; }
    public DateOnly TargetOn { get; set; }
    public string? Description { get; set; }
}

/// <summary>Something someone will do for a priority, by a date. Overdue is worked out from the due date, not typed.</summary>
public sealed class PlanAction : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int PriorityId { get; set; }
    public required string Title { get; set; }
    public required string Owner { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public decimal? Cost { get; set; }
    public DateOnly? DoneOn { get; set; }
}

/// <summary>What a person says about an action; "overdue" is never stored, it is computed.</summary>
public enum ActionStatus
{
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

/// <summary>A checkpoint on the way: what should be true by a date.</summary>
public sealed class Milestone : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int PriorityId { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? ReachedOn { get; set; }
}

/// <summary>A comment on a plan (or one of its priorities) by someone who may change the plan.</summary>
public sealed class PlanComment : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int PlanId { get; set; }
    public int? PriorityId { get; set; }
    public int? PersonId { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
}
