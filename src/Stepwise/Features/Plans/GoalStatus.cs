using Stepwise.Analytics.Spc;
using Stepwise.Common;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Plans;

/// <summary>
/// A goal's status, computed from its metric series — never typed. Three independent readings:
/// <list type="bullet">
/// <item><b>trajectory</b> — is the latest value (measured after the baseline date) at least as good as the straight
/// line from baseline to target says it should be by then? On, off, or no data when nothing has been measured
/// since the baseline.</item>
/// <item><b>signal</b> — the XmR chart of the whole series (Making Data Count rules): is the latest point an
/// improvement, a concern or common variation? Few with fewer than <see cref="MinimumPointsForSignal"/> values, no data with none.</item>
/// <item><b>stale</b> — true when the latest value's period ended more than <see cref="StaleAfterDays"/> days ago
/// (about a term), or there is no value at all.</item>
/// </list>
/// "Better" follows the metric's polarity; for a neutral metric it is the direction from baseline to target.
/// The page draws it as a <see cref="Common.Reading"/> (<see cref="ToReading"/>).
/// See docs/decisions/0042-goal-status-from-the-data.md.
/// </summary>
public sealed record GoalStatus(
    Trajectory Trajectory,
    Signal Signal,
    bool Stale,
    double? Latest,
    string? LatestPeriod,
    DateOnly? LatestPeriodEnds,
    double? Expected,
    int Points,
    string Reading)
{
    public const int StaleAfterDays = 120;
    public const int MinimumPointsForSignal = 6;

    /// <summary>What the goal's data says, as every page draws it.</summary>
    public Reading ToReading() => new(Signal, Reading) { Trajectory = Trajectory, Stale = Stale, High = High };

    /// <summary>The latest value is above the series' mean (the icon's H).</summary>
    public bool High { get; init; }

    /// <summary>One measured value of the series: its period, when the period ends, and the value.</summary>
    public sealed record Point(string Period, DateOnly Ends, double Value);

    /// <summary>The goal's numbers: from <paramref name="Baseline"/> on <paramref name="BaselineOn"/> to <paramref name="Target"/> by <paramref name="TargetOn"/>.</summary>
    public sealed record Figures(double Baseline, DateOnly BaselineOn, double Target, DateOnly TargetOn);

    public static GoalStatus Compute(Figures goal, Polarity metricPolarity, IReadOnlyList<Point> points, DateOnly today, string metricName = "The measure", string periodNoun = "period")
    {
        var ordered = points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.Ends).ToList();
        var polarity = Better(goal, metricPolarity);
        var latest = ordered.LastOrDefault();
        var stale = latest is null || latest.Ends.AddDays(StaleAfterDays) < today;

        // Trajectory: the latest value measured after the baseline date against the line from baseline to target.
        var since = ordered.LastOrDefault(p => p.Ends > goal.BaselineOn);
        Trajectory trajectory;
        double? expected = null;
        if (since is null)
        {
            trajectory = Trajectory.NoData;
        }
        else
        {
            expected = ExpectedOn(goal, since.Ends);
            trajectory = IsOnTrack(goal, polarity, since.Value, expected.Value) ? Trajectory.On : Trajectory.Off;
        }

        // Signal: the latest point of the XmR chart over the whole series.
        Signal signal;
        string reading;
        var high = false;
        if (ordered.Count < MinimumPointsForSignal)
        {
            signal = ordered.Count == 0 ? Signal.NoData : Signal.Few;
            reading = ordered.Count == 0
                ? "No values yet."
                : $"Only {ordered.Count} value{(ordered.Count == 1 ? "" : "s")} so far: at least {MinimumPointsForSignal} are needed to tell a signal from noise.";
        }
        else
        {
            var chart = XmrChart.Analyse(ordered.Select(p => p.Value).ToArray(), new SpcOptions { Polarity = polarity });
            var last = chart.Points[^1];
            // Only a goal to hold a neutral measure steady has no better direction: moving away from it is the concern.
            signal = last.Variation == Variation.Neutral ? Signal.Concern : Common.Reading.SignalOf(last.Variation);
            high = last.Value >= (chart.Mean ?? last.Value);
            reading = SpcReading.Describe(chart, metricName, periodNoun);
        }

        return new GoalStatus(trajectory, signal, stale, since?.Value ?? latest?.Value, (since ?? latest)?.Period, (since ?? latest)?.Ends, expected, ordered.Count, reading) { High = high };
    }

    /// <summary>Where the straight line from baseline to target is on a day (the baseline before it starts, the target after it ends).</summary>
    public static double ExpectedOn(Figures goal, DateOnly day)
    {
        if (day <= goal.BaselineOn)
        {
            return goal.Baseline;
        }
        if (day >= goal.TargetOn)
        {
            return goal.Target;
        }
        var fraction = (day.DayNumber - goal.BaselineOn.DayNumber) / (double)(goal.TargetOn.DayNumber - goal.BaselineOn.DayNumber);
        return goal.Baseline + (goal.Target - goal.Baseline) * fraction;
    }

    /// <summary>The direction that counts as better: the metric's polarity, or for a neutral metric the way from baseline to target.</summary>
    public static Polarity Better(Figures goal, Polarity metricPolarity) =>
        metricPolarity != Polarity.Neutral ? metricPolarity
        : goal.Target > goal.Baseline ? Polarity.Up
        : goal.Target < goal.Baseline ? Polarity.Down
        : Polarity.Neutral;

    private static bool IsOnTrack(Figures goal, Polarity better, double value, double expected)
    {
        // Values are compared to a tolerance of a millionth of the scale, so 12.3 on a line at 12.3000000001 is on it.
        var tolerance = 1e-6 * Math.Max(1, Math.Max(Math.Abs(goal.Baseline), Math.Abs(goal.Target)));
        return better switch
        {
            Polarity.Up => value >= expected - tolerance,
            Polarity.Down => value <= expected + tolerance,
            _ => Math.Abs(value - goal.Target) <= tolerance,
        };
    }

    /// <summary>The points of a metric series that have values, each dated by the end of its period.</summary>
    public static List<Point> PointsOf(Series series) => series.Points
        .Where(p => p.Value is double)
        .Select(p => new Point(p.Period, PeriodEnds.Of(p.PeriodKind, p.PeriodStart), p.Value!.Value))
        .ToList();
}

/// <summary>When a period ends, by the nominal term and half-term starts of <see cref="AcademicYear"/>.</summary>
public static class PeriodEnds
{
    public static DateOnly Of(PeriodKind kind, DateOnly start) => kind switch
    {
        PeriodKind.Year => AcademicYear.Of(start).EndsOn,
        PeriodKind.Term => AcademicYear.Of(start).TermEnd(AcademicYear.TermOf(start)),
        PeriodKind.HalfTerm => AcademicYear.Of(start).HalfTermEnd(AcademicYear.HalfTermOf(start)),
        PeriodKind.Week => start.AddDays(6),
        _ => start,
    };
}
