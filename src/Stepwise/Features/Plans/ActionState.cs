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

/// <summary>How a goal's computed status reads: words first, with a symbol.</summary>
public static class GoalWords
{
    public static string Trajectory(string code) => code switch
    {
        GoalStatus.On => "On trajectory",
        GoalStatus.Off => "Off trajectory",
        _ => "No data since the baseline",
    };

    public static string TrajectoryIcon(string code) => code switch
    {
        GoalStatus.On => "✓",
        GoalStatus.Off => "✗",
        _ => "?",
    };

    public static string Signal(string code) => code switch
    {
        "improvement" => "Improvement in the data",
        "concern" => "Concern in the data",
        "common" => "No signal (common variation)",
        _ => "Too few values for a signal",
    };

    public static string SignalIcon(string code) => code switch
    {
        "improvement" => "▲",
        "concern" => "▼",
        "common" => "–",
        _ => "?",
    };

    public static string Freshness(bool stale) => stale ? "Data is stale" : "Data is up to date";

    public static string FreshnessIcon(bool stale) => stale ? "◌" : "●";
}
