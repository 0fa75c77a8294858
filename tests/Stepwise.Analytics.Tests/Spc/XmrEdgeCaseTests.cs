using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Spc;

/// <summary>Empty, single-point and constant series give sensible results without exceptions.</summary>
public class XmrEdgeCaseTests
{
    [Fact]
    public void An_empty_series_has_no_points_groups_or_limits()
    {
        var result = XmrChart.Analyse([], new SpcOptions { Target = 5, Polarity = Polarity.Up });

        Assert.Empty(result.Points);
        Assert.Empty(result.Groups);
        Assert.Null(result.Mean);
        Assert.Null(result.UpperProcessLimit);
        Assert.Equal(Assurance.None, result.Assurance);
    }

    [Fact]
    public void A_single_point_has_a_mean_but_no_limits_and_no_signal()
    {
        var result = XmrChart.Analyse([42], new SpcOptions { Target = 5, Polarity = Polarity.Up });
        var p = Assert.Single(result.Points);

        Assert.Equal(42, result.Mean);
        Assert.Null(result.MovingRangeMean);
        Assert.Null(p.UpperProcessLimit);
        Assert.Null(p.Rule);
        Assert.Equal(Variation.Common, p.Variation);
        Assert.Equal(Assurance.None, result.Assurance);
        Assert.True(result.TrialLimits);
    }

    [Fact]
    public void All_equal_values_give_zero_width_limits_and_no_signal()
    {
        var result = XmrChart.Analyse([7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);

        Assert.Equal(7, result.Mean);
        Assert.Equal(0, result.MovingRangeMean);
        Assert.Equal(7, result.UpperProcessLimit);
        Assert.Equal(7, result.LowerProcessLimit);
        Assert.All(result.Points, p => Assert.Null(p.Rule));
    }

    [Fact]
    public void After_a_constant_baseline_any_different_value_is_outside_the_limits()
    {
        var result = XmrChart.Analyse([7, 7, 7, 7, 8], new SpcOptions { BaselinePoints = 4, Polarity = Polarity.Up });

        Assert.Equal(SpcRule.OutsideLimits, result.Points[4].Rule);
        Assert.Equal(Variation.Improvement, result.Points[4].Variation);
    }

    [Fact]
    public void Rejects_values_that_are_not_numbers()
    {
        Assert.Throws<ArgumentException>(() => XmrChart.Analyse([1, double.NaN, 3]));
    }

    /// <summary>Issue 17 defect 5: 1e308 overflowed the moving range to infinity and the chart read it as a signal.</summary>
    [Theory]
    [InlineData(1e308)]
    [InlineData(-1e13)]
    public void A_value_too_large_for_the_arithmetic_is_refused_rather_than_charted(double huge)
    {
        var refused = Assert.Throws<ArgumentException>(() => XmrChart.Analyse([1, huge, 3]));
        Assert.Contains("Value 2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_accepted_value_still_gives_finite_limits()
    {
        var result = XmrChart.Analyse([Stepwise.Analytics.Numerics.MeasuredValue.Largest, -Stepwise.Analytics.Numerics.MeasuredValue.Largest, 0]);
        Assert.True(double.IsFinite(result.Points[0].UpperProcessLimit ?? 0));
        Assert.True(double.IsFinite(result.MovingRangeMean!.Value));
    }
}
