using Stepwise.Analytics.RunCharts;
using Stepwise.Analytics.Tests.Spc;

namespace Stepwise.Analytics.Tests.RunCharts;

/// <summary>Run-chart rules (methods.md §4.2): IHI shift, trend and runs; Anhøj longest run and crossings.</summary>
public class RunChartTests
{
    [Fact]
    public void V2_has_median_15_5_two_runs_one_crossing_and_a_longest_run_of_10()
    {
        var result = RunChart.Analyse(MethodsVectors.V2);

        Assert.Equal(15.5, result.Median);
        Assert.Equal(20, result.UsefulObservations);
        Assert.Equal(2, result.Runs);
        Assert.Equal(1, result.Crossings);
        Assert.Equal(10, result.LongestRun);
    }

    [Fact]
    public void V2_signals_a_shift_and_too_few_runs_by_the_IHI_rules()
    {
        var result = RunChart.Analyse(MethodsVectors.V2);

        Assert.True(result.Shift);
        Assert.Equal((7, 15), result.RunsLimits);
        Assert.True(result.TooFewRuns);
        Assert.False(result.TooManyRuns);
        Assert.True(result.IhiSignal);
    }

    [Fact]
    public void V2_signals_both_Anhoj_rules_with_a_maximum_run_of_7_and_at_least_6_crossings()
    {
        var result = RunChart.Analyse(MethodsVectors.V2);

        Assert.Equal(7, result.LongestRunLimit);
        Assert.Equal(6, result.MinimumCrossings);
        Assert.True(result.LongestRunSignal);
        Assert.True(result.CrossingsSignal);
    }

    [Fact]
    public void Flags_six_points_above_the_median_as_a_shift_skipping_points_on_the_median()
    {
        // Median 5; the 5s neither count towards nor break the run of six 6–8s.
        double[] values = [1, 2, 1, 2, 1, 6, 7, 5, 6, 8, 5, 7, 6, 2, 5, 5, 5];
        var result = RunChart.Analyse(values);

        Assert.Equal(5, result.Median);
        Assert.True(result.Shift);
        int[] inShift = [5, 6, 8, 9, 11, 12];
        Assert.All(result.Points, p => Assert.Equal(inShift.Contains(p.Index), p.InShift));
    }

    [Fact]
    public void Does_not_flag_five_points_above_the_median()
    {
        double[] values = [1, 2, 1, 2, 6, 7, 6, 8, 7, 2, 1, 2];
        Assert.False(RunChart.Analyse(values).Shift);
    }

    [Fact]
    public void Flags_five_rising_points_as_a_trend_counting_repeated_values_once()
    {
        // 3, 4, 4, 5, 6, 7: with the repeated 4 counted once, five rising values.
        double[] values = [9, 3, 4, 4, 5, 6, 7, 1];
        var result = RunChart.Analyse(values);

        Assert.True(result.Trend);
        Assert.Equal([false, true, true, true, true, true, true, false], result.Points.Select(p => p.InTrend));
    }

    [Fact]
    public void Does_not_flag_four_rising_values_even_with_repeats()
    {
        double[] values = [9, 3, 4, 4, 4, 5, 6, 1];
        Assert.False(RunChart.Analyse(values).Trend);
    }

    [Fact]
    public void Flags_too_many_runs_for_a_series_that_alternates()
    {
        double[] values = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9];
        var result = RunChart.Analyse(values);

        Assert.Equal(12, result.Runs);
        Assert.Equal((4, 10), result.RunsLimits);
        Assert.True(result.TooManyRuns);
    }

    [Fact]
    public void Handles_empty_and_single_point_series()
    {
        var empty = RunChart.Analyse([]);
        Assert.Null(empty.Median);
        Assert.False(empty.IhiSignal || empty.AnhojSignal);

        var one = RunChart.Analyse([4]);
        Assert.Equal(4, one.Median);
        Assert.Equal(0, one.UsefulObservations);
        Assert.Null(one.RunsLimits);
        Assert.False(one.IhiSignal || one.AnhojSignal);
    }
}
