using Stepwise.Features.Plans;
using Stepwise.Analytics.Spc;
using Stepwise.Common;

namespace Stepwise.Tests.Features.Plans;

/// <summary>
/// A goal's status is worked out from its series: where the latest value stands against the straight line from
/// baseline to target, what the XmR chart says about the latest point, and whether the data is recent.
/// </summary>
public sealed class ComputingAGoalsStatus
{
    // Absence (lower is better) from 10% on 1 September 2025 to 8% by 1 September 2026.
    private static readonly GoalStatus.Figures Absence = new(10, new DateOnly(2025, 9, 1), 8, new DateOnly(2026, 9, 1));
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static GoalStatus.Point At(int year, int month, int day, double value) => new($"{year}-{month:00}-{day:00}", new DateOnly(year, month, day), value);

    [Fact]
    public void The_line_from_baseline_to_target_is_straight_and_flat_outside_its_dates()
    {
        Assert.Equal(10, GoalStatus.ExpectedOn(Absence, new DateOnly(2025, 6, 1)));
        Assert.Equal(8, GoalStatus.ExpectedOn(Absence, new DateOnly(2027, 1, 1)));
        // 1 March 2026 is 181 of the 365 days along the line.
        Assert.Equal(10 - 2 * 181 / 365.0, GoalStatus.ExpectedOn(Absence, new DateOnly(2026, 3, 1)), 9);
    }

    [Fact]
    public void A_value_at_or_better_than_the_line_is_on_trajectory_and_a_worse_one_is_off()
    {
        // On 1 March the line is at 9.008: 9.0 is better (lower) for absence, 9.1 is worse.
        var on = GoalStatus.Compute(Absence, Polarity.Down, [At(2025, 7, 20, 10.2), At(2026, 3, 1, 9.0)], Today);
        var off = GoalStatus.Compute(Absence, Polarity.Down, [At(2025, 7, 20, 10.2), At(2026, 3, 1, 9.1)], Today);
        Assert.Equal(Trajectory.On, on.Trajectory);
        Assert.Equal(Trajectory.Off, off.Trajectory);
        Assert.Equal(9.0, on.Latest);
        Assert.Equal(10 - 2 * 181 / 365.0, on.Expected!.Value, 9);
    }

    [Fact]
    public void For_a_measure_where_higher_is_better_the_comparison_turns_round()
    {
        var reading = new GoalStatus.Figures(60, new DateOnly(2025, 9, 1), 70, new DateOnly(2026, 9, 1));
        // The line is at 65 on 2 March 2026 (182 days in): 66 is on trajectory, 64 is not.
        Assert.Equal(Trajectory.On, GoalStatus.Compute(reading, Polarity.Up, [At(2026, 3, 2, 66)], Today).Trajectory);
        Assert.Equal(Trajectory.Off, GoalStatus.Compute(reading, Polarity.Up, [At(2026, 3, 2, 64)], Today).Trajectory);
    }

    [Fact]
    public void A_neutral_measure_takes_its_better_direction_from_baseline_to_target()
    {
        var goal = new GoalStatus.Figures(20, new DateOnly(2025, 9, 1), 30, new DateOnly(2026, 9, 1));
        Assert.Equal(Polarity.Up, GoalStatus.Better(goal, Polarity.Neutral));
        Assert.Equal(Polarity.Down, GoalStatus.Better(goal, Polarity.Down));
        Assert.Equal(Trajectory.On, GoalStatus.Compute(goal, Polarity.Neutral, [At(2026, 3, 2, 26)], Today).Trajectory);
    }

    [Fact]
    public void Nothing_measured_since_the_baseline_gives_no_trajectory()
    {
        var status = GoalStatus.Compute(Absence, Polarity.Down, [At(2025, 7, 20, 10.2)], new DateOnly(2025, 10, 1));
        Assert.Equal(Trajectory.NoData, status.Trajectory);
        Assert.Null(status.Expected);
        Assert.False(status.Stale);
    }

    [Fact]
    public void Data_whose_latest_period_ended_more_than_a_term_ago_is_stale()
    {
        var points = new[] { At(2025, 10, 31, 9.8) };
        Assert.False(GoalStatus.Compute(Absence, Polarity.Down, points, new DateOnly(2025, 10, 31).AddDays(GoalStatus.StaleAfterDays)).Stale);
        Assert.True(GoalStatus.Compute(Absence, Polarity.Down, points, new DateOnly(2025, 10, 31).AddDays(GoalStatus.StaleAfterDays + 1)).Stale);
        Assert.True(GoalStatus.Compute(Absence, Polarity.Down, [], Today).Stale);
    }

    [Fact]
    public void Fewer_than_six_values_are_too_few_for_a_signal()
    {
        var five = Enumerable.Range(0, 5).Select(i => At(2025, 1 + i, 28, 10 + i % 2 * 0.2)).ToList();
        var status = GoalStatus.Compute(Absence, Polarity.Down, five, Today);
        Assert.Equal(Signal.Few, status.Signal);
        Assert.Contains("at least 6", status.Reading, StringComparison.Ordinal);
    }

    /// <summary>Eight steady half-terms of absence, then one value far from them.</summary>
    private static List<GoalStatus.Point> SteadyThen(double last)
    {
        double[] steady = [10.0, 10.2, 9.9, 10.1, 9.8, 10.0, 10.1, 9.9];
        var points = steady.Select((v, i) => At(2024, 1 + i, 20, v)).ToList();
        points.Add(At(2026, 3, 1, last));
        return points;
    }

    [Fact]
    public void A_point_beyond_the_process_limits_in_the_better_direction_is_an_improvement()
    {
        var status = GoalStatus.Compute(Absence, Polarity.Down, SteadyThen(7.0), Today, "Overall absence", "half-term");
        Assert.Equal(Signal.Improvement, status.Signal);
        Assert.Equal(Trajectory.On, status.Trajectory);
        Assert.Contains("Overall absence", status.Reading, StringComparison.Ordinal);
    }

    [Fact]
    public void A_point_beyond_the_process_limits_in_the_worse_direction_is_a_concern()
    {
        var status = GoalStatus.Compute(Absence, Polarity.Down, SteadyThen(13.0), Today);
        Assert.Equal(Signal.Concern, status.Signal);
        Assert.Equal(Trajectory.Off, status.Trajectory);
    }

    [Fact]
    public void Ordinary_variation_is_common_cause()
    {
        Assert.Equal(Signal.Common, GoalStatus.Compute(Absence, Polarity.Down, SteadyThen(10.0), Today).Signal);
    }

    [Fact]
    public void The_signal_agrees_with_the_analysis_library()
    {
        var points = SteadyThen(7.0);
        var chart = XmrChart.Analyse(points.Select(p => p.Value).ToArray(), new SpcOptions { Polarity = Polarity.Down });
        Assert.Equal(Variation.Improvement, chart.Points[^1].Variation);
    }

    [Theory]
    [InlineData(ActionStatus.NotStarted, -1, "overdue")]
    [InlineData(ActionStatus.InProgress, -1, "overdue")]
    [InlineData(ActionStatus.InProgress, 0, "in-progress")]
    [InlineData(ActionStatus.NotStarted, 5, "not-started")]
    [InlineData(ActionStatus.Done, -30, "done")]
    [InlineData(ActionStatus.Dropped, -30, "dropped")]
    public void An_action_is_overdue_when_its_due_date_has_passed_and_it_is_neither_done_nor_dropped(ActionStatus status, int dueInDays, string expected)
    {
        Assert.Equal(expected, ActionState.Of(status, Today.AddDays(dueInDays), Today));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Reading, writing", "\"Reading, writing\"")]
    [InlineData("Plain text", "Plain text")]
    public void A_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string text, string cell)
    {
        Assert.Equal(cell, PlanCsv.Cell(text));
    }

    [Fact]
    public void Numbers_in_a_csv_are_written_as_numbers_even_when_negative()
    {
        Assert.Equal("-0.5", PlanCsv.Cell(-0.5));
        Assert.Equal("1500.00", PlanCsv.Cell(1500m));
    }
}
