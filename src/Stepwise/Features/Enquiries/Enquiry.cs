using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// A cycle of enquiry: a learning team's problem of practice, its aim (a measure, a target and a date) and its theory
/// of action ("when … then …"). Its driver diagram, measures and PDSA cycles hang off it; its progress score is
/// computed from them (ADR 0081), never typed in.
/// </summary>
public sealed class Enquiry : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int TeamId { get; set; }

    /// <summary>The school whose pupils the aim is about (one of the team's schools).</summary>
    public int SchoolId { get; set; }

    public required string Title { get; set; }
    public required string ProblemOfPractice { get; set; }

    /// <summary>The aim in words: "reading fluency in Year 3 from 62 % to 75 % at the expected standard by July".</summary>
    public required string Aim { get; set; }

    public double? AimBaseline { get; set; }
    public double? AimTarget { get; set; }
    public DateOnly? AimBy { get; set; }

    /// <summary>The theory of action: "when {TheoryWhen}, then {TheoryThen}".</summary>
    public string? TheoryWhen { get; set; }

    public string? TheoryThen { get; set; }

    /// <summary>The action in the school's plan the enquiry carries out, if any: the plan says what will change, the enquiry tests how.</summary>
    public int? PlanActionId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>A box of the driver diagram: a primary driver, a secondary driver or a change idea, under its parent.</summary>
public sealed class DriverNode : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int EnquiryId { get; set; }

    /// <summary>The driver this hangs off; none for a primary driver (which hangs off the aim).</summary>
    public int? ParentId { get; set; }

    public DriverNodeKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>For a change idea: how much difference the team expects it to make, 1 (low) to 3 (high).</summary>
    public int? Impact { get; set; }

    /// <summary>For a change idea: how easy it is to try, 1 (hard) to 3 (easy).</summary>
    public int? Ease { get; set; }

    public int Position { get; set; }

    /// <summary>Taken off the diagram: kept, so the history of what changed (and the cycles that tested it) stays.</summary>
    public DateTime? RemovedAt { get; set; }
}

public enum DriverNodeKind
{
    PrimaryDriver,
    SecondaryDriver,
    ChangeIdea,
}

/// <summary>
/// A measure of an enquiry: outcome (the aim), process (is the change happening) or balancing (is something else
/// getting worse), with its operational definition. It reads a school's metric series, or the team's own figures
/// entered week by week or lesson by lesson (a team measure).
/// </summary>
public sealed class EnquiryMeasure : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int EnquiryId { get; set; }
    public MeasureKind Kind { get; set; }
    public required string Name { get; set; }
    public required string OperationalDefinition { get; set; }

    /// <summary>For a measure on a metric series: the school, the metric's key and the pupil group.</summary>
    public int? SchoolId { get; set; }

    public string? MetricKey { get; set; }
    public string? Group { get; set; }

    /// <summary>For a team measure: its unit ("%", "pupils", "minutes"), which way is better, and how often it is taken.</summary>
    public string? Unit { get; set; }

    public string? Polarity { get; set; }
    public TeamMeasureFrequency? Frequency { get; set; }
    public double? Target { get; set; }
    public DateTime? RemovedAt { get; set; }

    public bool IsTeamMeasure => MetricKey is null;
}

public enum MeasureKind
{
    Outcome,
    Process,
    Balancing,
}

public enum TeamMeasureFrequency
{
    Weekly,
    Lesson,
}

/// <summary>One figure of a team measure: the week (its Monday) or the lesson's date, the value, and who entered it.</summary>
public sealed class TeamMeasureValue : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int MeasureId { get; set; }
    public DateOnly On { get; set; }

    /// <summary>For a lesson measure: which lesson ("P3 3B"), so two lessons on a day are two points.</summary>
    public string? Lesson { get; set; }

    public double Value { get; set; }
    public string? Note { get; set; }
    public DateTime EnteredAt { get; set; }
    public required string By { get; set; }
}

/// <summary>
/// A Plan-Do-Study-Act cycle testing one change idea: the question and prediction, the plan (who, what, when, where),
/// what happened, the study of results against the prediction, and the decision — adopt, adapt or abandon. An adapted
/// idea's next cycle names this one as its previous. A cycle runs in a unit; the same idea run in another unit or
/// school is its spread.
/// </summary>
public sealed class PdsaCycle : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int EnquiryId { get; set; }

    /// <summary>1, 2, 3 … within the enquiry, in the order the cycles were planned.</summary>
    public int Number { get; set; }

    public int ChangeIdeaId { get; set; }
    public int? PreviousCycleId { get; set; }

    /// <summary>Where the cycle runs: a unit of one of the team's schools.</summary>
    public int UnitId { get; set; }

    public int SchoolId { get; set; }
    public required string Question { get; set; }
    public required string Prediction { get; set; }
    public string? PlanWho { get; set; }
    public string? PlanWhat { get; set; }
    public string? PlanWhen { get; set; }
    public string? PlanWhere { get; set; }
    public DateOnly StartsOn { get; set; }

    /// <summary>Do: what happened, including what did not go to plan.</summary>
    public string? WhatHappened { get; set; }

    /// <summary>Study: the results set against the prediction.</summary>
    public string? Study { get; set; }

    public CycleDecision? Decision { get; set; }
    public DateOnly? DecidedOn { get; set; }

    /// <summary>Why the team decided as it did, and what the next cycle will change.</summary>
    public string? DecisionNote { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum CycleDecision
{
    Adopt,
    Adapt,
    Abandon,
}

/// <summary>A measure a cycle watches: its start and decision are marked on that measure's chart.</summary>
public sealed class CycleMeasure : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int CycleId { get; set; }
    public int MeasureId { get; set; }
}

/// <summary>
/// An activity of a school's whole-school programme ticked by hand, with a note saying what shows it happened. Activities
/// that a record shows (a learning team, a cycle) are ticked by the record and need no row.
/// </summary>
public sealed class ProgrammeTick : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public required string ActivityKey { get; set; }
    public required string Note { get; set; }
    public DateOnly On { get; set; }
    public DateTime TickedAt { get; set; }
    public required string By { get; set; }
}
