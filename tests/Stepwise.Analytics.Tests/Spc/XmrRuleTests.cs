using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Spc;

/// <summary>The four Making Data Count rules and their precedence (methods.md §4.1).</summary>
public class XmrRuleTests
{
    // A wide, noisy baseline fixed after 10 points: mean 10, mR̄ 4, limits −0.64…20.64, 2σ band 2.907…17.093.
    private static readonly double[] Baseline = [8, 12, 8, 12, 8, 12, 8, 12, 8, 12];

    private static SpcResult Chart(double[] after, Polarity polarity = Polarity.Neutral) =>
        XmrChart.Analyse([.. Baseline, .. after], new SpcOptions { BaselinePoints = 10, Polarity = polarity });

    [Fact]
    public void Flags_seven_points_below_the_mean_as_a_shift()
    {
        var result = Chart([9, 9.5, 9, 9.5, 9, 9.5, 9]);

        Assert.All(result.Points.Skip(10), p => Assert.Equal(SpcRule.Shift, p.Rule));
    }

    [Fact]
    public void Does_not_flag_six_points_below_the_mean()
    {
        var result = Chart([9, 9.5, 9, 9.5, 9, 9.5, 11]);

        Assert.All(result.Points, p => Assert.Null(p.Rule));
    }

    [Fact]
    public void A_point_on_the_mean_breaks_a_shift()
    {
        var result = Chart([9, 9.5, 9, 10, 9, 9.5, 9, 9.5]);

        Assert.All(result.Points, p => Assert.Null(p.Rule));
    }

    [Fact]
    public void Flags_seven_rising_points_as_a_trend()
    {
        var result = Chart([7, 8, 9, 10, 11, 12, 13]);

        Assert.All(result.Points.Skip(10), p => Assert.Equal(SpcRule.Trend, p.Rule));
    }

    [Fact]
    public void Flags_seven_falling_points_as_a_trend()
    {
        var result = Chart([13, 12, 11, 10, 9, 8, 7], Polarity.Up);

        Assert.All(result.Points.Skip(10), p =>
        {
            Assert.Equal(SpcRule.Trend, p.Rule);
            Assert.Equal(Variation.Concern, p.Variation);
        });
    }

    [Fact]
    public void Does_not_flag_six_rising_points_or_a_rise_broken_by_an_equal_value()
    {
        Assert.All(Chart([7, 8, 9, 10, 11, 12]).Points.Skip(10), p => Assert.NotEqual(SpcRule.Trend, p.Rule));
        Assert.All(Chart([7, 8, 9, 9, 10, 11, 12]).Points.Skip(10), p => Assert.NotEqual(SpcRule.Trend, p.Rule));
    }

    [Fact]
    public void A_rising_trend_below_the_mean_is_an_improvement_when_higher_is_better()
    {
        var result = Chart([3.5, 4, 5, 6, 7, 8, 9.5], Polarity.Up);

        Assert.All(result.Points.Skip(10), p =>
        {
            Assert.Equal(SpcRule.Trend, p.Rule);
            Assert.Equal(Variation.Improvement, p.Variation);
        });
    }

    [Fact]
    public void A_peak_between_a_rising_and_a_falling_trend_takes_the_falling_direction()
    {
        // As NHSRplotthedots: a point in a trend on both sides takes the later (right-hand) trend's direction.
        var result = Chart([4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4], Polarity.Up);
        var peak = result.Points[16];

        Assert.Equal(10, peak.Value);
        Assert.Equal(SpcRule.Trend, peak.Rule);
        Assert.Equal(Variation.Concern, peak.Variation);
        Assert.Equal(Variation.Improvement, result.Points[15].Variation);
    }

    [Fact]
    public void Flags_two_of_three_points_beyond_two_sigma_on_the_same_side()
    {
        var result = Chart([18, 11, 18]);

        Assert.Equal(SpcRule.TwoOfThree, result.Points[10].Rule);
        Assert.Null(result.Points[11].Rule);
        Assert.Equal(SpcRule.TwoOfThree, result.Points[12].Rule);
    }

    [Fact]
    public void Does_not_flag_two_of_three_when_the_three_straddle_the_mean()
    {
        var result = Chart([18, 9, 18]);

        Assert.All(result.Points, p => Assert.Null(p.Rule));
    }

    [Fact]
    public void Does_not_flag_two_of_three_beyond_two_sigma_on_opposite_sides()
    {
        var result = Chart([18, 2.5, 18]);

        Assert.Null(result.Points[10].Rule);
        Assert.Null(result.Points[12].Rule);
    }

    [Fact]
    public void Flags_a_point_above_the_upper_limit()
    {
        var result = Chart([21, 10], Polarity.Down);

        Assert.Equal(SpcRule.OutsideLimits, result.Points[10].Rule);
        Assert.Equal(Variation.Concern, result.Points[10].Variation);
        Assert.Null(result.Points[11].Rule);
    }

    [Fact]
    public void A_point_exactly_on_a_limit_is_not_outside_it()
    {
        // Use the computed limit itself so the test does not depend on how 10 + 2.66 × 4 rounds.
        var first = XmrChart.Analyse(Baseline, new SpcOptions());
        var upl = first.UpperProcessLimit!.Value;
        var result = XmrChart.Analyse([.. Baseline, upl], new SpcOptions { BaselinePoints = 10 });

        Assert.NotEqual(SpcRule.OutsideLimits, result.Points[10].Rule);
    }

    [Fact]
    public void Outside_limits_outranks_trend_which_outranks_two_of_three_which_outranks_shift()
    {
        // Seven rising points above the mean, the last two beyond 2σ and the last outside the limits.
        var result = Chart([10.5, 11, 12, 13, 14, 17.5, 21]);
        var rules = result.Points.Skip(10).Select(p => p.Rule).ToArray();

        Assert.Equal(SpcRule.OutsideLimits, rules[6]);
        Assert.All(rules.Take(6), r => Assert.Equal(SpcRule.Trend, r));

        // Seven points above the mean (a shift) of which two of three are beyond 2σ: those two say two-of-three.
        var shift = Chart([11, 11.5, 11, 17.5, 11, 17.5, 11]).Points.Skip(10).Select(p => p.Rule).ToArray();
        Assert.Equal(
            [SpcRule.Shift, SpcRule.Shift, SpcRule.Shift, SpcRule.TwoOfThree, SpcRule.Shift, SpcRule.TwoOfThree, SpcRule.Shift],
            shift.Select(r => r!.Value).ToArray());
    }

    [Fact]
    public void Rules_do_not_run_across_a_rebase()
    {
        // Six points below the old mean, then a rebase, then one more: no run of 7 within a group.
        double[] values = [.. Baseline, 9, 9, 9, 9, 9, 9, 9];
        var result = XmrChart.Analyse(values, new SpcOptions { BaselinePoints = 10, RebaseAt = [16] });

        Assert.All(result.Points, p => Assert.Null(p.Rule));
    }
}
