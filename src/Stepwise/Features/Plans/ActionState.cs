namespace Stepwise.Features.Plans;

/// <summary>
/// An action's state as a page shows it: what the owner said (not started, in progress, done, dropped), except that
/// an action not done or dropped after its due date is "overdue" — worked out from the dates, never typed.
/// </summary>
public static class ActionState
{
    public const string Overdue = "overdue";

    public static string Of(ActionStatus status, DateOnly dueOn, DateOnly today) => status switch
    {
        ActionStatus.Done => "done",
        ActionStatus.Dropped => "dropped",
        _ when dueOn < today => Overdue,
        ActionStatus.InProgress => "in-progress",
        _ => "not-started",
    };

    public static string Words(string state) => state switch
    {
        "done" => "Done",
        "dropped" => "Dropped",
        Overdue => "Overdue",
        "in-progress" => "In progress",
        _ => "Not started",
    };

    /// <summary>A symbol that goes with the words (never alone).</summary>
    public static string Icon(string state) => state switch
    {
        "done" => "✓",
        "dropped" => "✕",
        Overdue => "!",
        "in-progress" => "▸",
        _ => "○",
    };

    public static string MilestoneState(DateOnly dueOn, DateOnly? reachedOn, DateOnly today) =>
        reachedOn is not null ? "reached" : dueOn < today ? "missed" : "upcoming";
}

