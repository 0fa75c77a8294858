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
}
