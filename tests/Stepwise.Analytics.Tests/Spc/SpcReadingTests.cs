using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Spc;

/// <summary>The one-sentence plain-English reading (issue 5).</summary>
public class SpcReadingTests
{
    [Fact]
    public void Reads_eight_points_below_the_mean_on_a_lower_is_better_metric_as_a_real_improvement()
    {
        // Baseline mean 10.5 (fixed after 8 points), then 8 half-terms just below it.
        double[] values = [10, 12, 9, 11, 10, 12, 9, 11, 9, 10, 9.5, 10, 9, 10, 9.5, 10];
        var result = XmrChart.Analyse(values, new SpcOptions { Polarity = Polarity.Down, BaselinePoints = 8 });

        Assert.Equal(
            "Persistent absence has been below the mean for 8 half-terms: a real improvement, not noise.",
            SpcReading.Describe(result, "Persistent absence", "half-term"));
    }

    [Fact]
    public void Reads_a_series_without_signals_as_expected_variation()
    {
        Assert.Equal(
            "No signal: the variation is within what is expected.",
            SpcReading.Describe(XmrChart.Analyse(MethodsVectors.V1), "Attendance", "month"));
    }

    [Fact]
    public void Reads_a_rising_trend_with_its_length()
    {
        double[] values = [14, 6, 14, 6, 14, 6, 7, 8, 9, 10, 11, 12, 13];
        var result = XmrChart.Analyse(values, new SpcOptions { Polarity = Polarity.Up });

        Assert.Equal(
            "Reading at the expected standard has risen steadily over the last 8 terms: a real improvement, not noise.",
            SpcReading.Describe(result, "reading at the expected standard", "term"));
    }

    [Fact]
    public void Reads_a_latest_point_above_the_upper_limit_on_a_neutral_metric_as_a_real_change()
    {
        var result = XmrChart.Analyse(MethodsVectors.V3.Take(7).ToArray(), new SpcOptions { ScreenMovingRanges = false });

        Assert.Equal(
            "Pupil numbers was above the upper process limit in the latest year: a real change, not noise.",
            SpcReading.Describe(result, "Pupil numbers", "year"));
    }

    [Fact]
    public void Reads_two_of_three_near_the_upper_limit_as_a_concern_when_lower_is_better()
    {
        double[] values = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 15, 12, 15];
        var result = XmrChart.Analyse(values, new SpcOptions { BaselinePoints = 10, Polarity = Polarity.Down });

        Assert.Equal(
            "Exclusions has been close to the upper process limit in two of the last three weeks: a real cause for concern, not noise.",
            SpcReading.Describe(result, "Exclusions", "week"));
    }

    [Fact]
    public void Mentions_an_earlier_signal_when_the_latest_point_is_common_cause()
    {
        Assert.Equal(
            "No signal in the latest year: the variation is within what is expected, though earlier years showed a signal.",
            SpcReading.Describe(XmrChart.Analyse(MethodsVectors.V3), "Attainment", "year"));
    }

    [Fact]
    public void Says_when_there_is_too_little_data()
    {
        Assert.Equal("Attendance: no data yet.", SpcReading.Describe(XmrChart.Analyse([]), "attendance", "month"));
        Assert.Equal(
            "Attendance: too few months yet to tell a signal from noise.",
            SpcReading.Describe(XmrChart.Analyse([95.2]), "attendance", "month"));
    }

    [Fact]
    public void Uses_a_given_plural_for_the_period()
    {
        double[] values = [10, 12, 9, 11, 10, 12, 9, 11, 9, 10, 9.5, 10, 9, 10, 9.5, 10];
        var result = XmrChart.Analyse(values, new SpcOptions { Polarity = Polarity.Neutral, BaselinePoints = 8 });

        Assert.Equal(
            "Lateness has been below the mean for 8 school days: a real change, not noise.",
            SpcReading.Describe(result, "Lateness", "school day", "school days"));
    }
}
