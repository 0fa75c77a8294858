namespace Stepwise.Features.Coaching;

/// <summary>Where a working step stands against its check-back day.</summary>
public enum StepDue
{
    /// <summary>Secured or set aside: nothing is due.</summary>
    Closed,

    /// <summary>Being practised; the check-back is more than <see cref="CoachingRules.DueSoonDays"/> days away.</summary>
    NotDue,

    /// <summary>The check-back is today or within <see cref="CoachingRules.DueSoonDays"/> days.</summary>
    DueSoon,

    /// <summary>The check-back day has passed and no check-back was recorded.</summary>
    Overdue,
}

/// <summary>The numbers coaching runs on (ADR 0088).</summary>
public static class CoachingRules
{
    /// <summary>
    /// The fewest active pairs at a school for its leaders to see step and check-back counts: a count over one or two
    /// pairs is a figure about a person.
    /// </summary>
    public const int MinimumPairsForCounts = 3;

    /// <summary>A working step whose check-back falls within this many days is due soon.</summary>
    public const int DueSoonDays = 7;

    /// <summary>Where a step stands on <paramref name="today"/>.</summary>
    public static StepDue Due(CoachingStepStatus status, DateOnly checkBackOn, DateOnly today) =>
        status != CoachingStepStatus.Working ? StepDue.Closed
        : checkBackOn < today ? StepDue.Overdue
        : checkBackOn <= today.AddDays(DueSoonDays) ? StepDue.DueSoon
        : StepDue.NotDue;

    /// <summary>A pair is active from the day it starts until the day it ends (the day it ends, it no longer is).</summary>
    public static bool IsActive(DateOnly startedOn, DateOnly? endedOn, DateOnly today) =>
        startedOn <= today && (endedOn is null || endedOn > today);

    /// <summary>Words a person reads for a status or an outcome.</summary>
    public static string Words(CoachingStepStatus status) => status switch
    {
        CoachingStepStatus.Working => "Keep working",
        CoachingStepStatus.Secure => "Secure",
        _ => "Set aside",
    };

    public static string Words(StepDue due) => due switch
    {
        StepDue.Overdue => "Check-back overdue",
        StepDue.DueSoon => "Check-back due soon",
        StepDue.NotDue => "Working",
        _ => "Closed",
    };

    /// <summary>"working", "secure", "set-aside": the API's and the CSV's codes.</summary>
    public static string Code(CoachingStepStatus status) => status switch
    {
        CoachingStepStatus.Working => "working",
        CoachingStepStatus.Secure => "secure",
        _ => "set-aside",
    };

    public static string Code(StepDue due) => due switch
    {
        StepDue.Overdue => "overdue",
        StepDue.DueSoon => "due-soon",
        StepDue.NotDue => "not-due",
        _ => "closed",
    };

    /// <summary>Reads a status from its code or its name ("set-aside", "SetAside", "keep working").</summary>
    public static CoachingStepStatus? Parse(string? text) => text?.Trim().Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "working" or "keep-working" => CoachingStepStatus.Working,
        "secure" or "secured" => CoachingStepStatus.Secure,
        "set-aside" or "setaside" => CoachingStepStatus.SetAside,
        _ => null,
    };
}
