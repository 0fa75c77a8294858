using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Spc;

/// <summary>
/// methods.md §4.1 vectors V1–V3. They were computed "all points as baseline, no outlier screening", so these tests
/// turn screening off; a separate test shows screening changes nothing for them (no mR reaches 3.267 × mR̄).
/// </summary>
public class XmrVectorTests
{
    private static readonly SpcOptions NoScreening = new() { ScreenMovingRanges = false };

    [Fact]
    public void V1_gives_the_published_centre_line_limits_and_two_sigma_band()
    {
        var result = XmrChart.Analyse(MethodsVectors.V1, NoScreening);
        var g = Assert.Single(result.Groups);

        Assert.Equal(52.25, g.Mean, 10);
        Assert.Equal(42.0 / 11.0, g.MovingRangeMean!.Value, 12);
        Assert.Equal(3.81818, g.MovingRangeMean!.Value, 5);
        Assert.Equal(62.4064, g.UpperProcessLimit!.Value, 4);
        Assert.Equal(42.0936, g.LowerProcessLimit!.Value, 4);
        Assert.Equal(45.4791, g.LowerTwoSigma!.Value, 4);
        Assert.Equal(59.0209, g.UpperTwoSigma!.Value, 4);
        // methods.md prints 12.4745, but its own constant gives 3.267 × 42/11 = 12.47400 (12.4745 would need a factor
        // of 3.26713, matching no published D₄). We keep the documented constant and test its exact product.
        Assert.Equal(12.4740, g.MovingRangeUpperLimit!.Value, 4);
        Assert.Equal(3.267 * 42 / 11, g.MovingRangeUpperLimit!.Value, 12);
    }

    [Fact]
    public void V1_is_all_common_cause()
    {
        var result = XmrChart.Analyse(MethodsVectors.V1, NoScreening with { Polarity = Polarity.Up });

        Assert.All(result.Points, p =>
        {
            Assert.Null(p.Rule);
            Assert.Equal(Variation.Common, p.Variation);
        });
    }

    [Fact]
    public void V2_gives_the_published_centre_line_and_limits()
    {
        var g = Assert.Single(XmrChart.Analyse(MethodsVectors.V2, NoScreening).Groups);

        Assert.Equal(15.1, g.Mean, 10);
        Assert.Equal(1.736842, g.MovingRangeMean!.Value, 6);
        Assert.Equal(10.48, g.LowerProcessLimit!.Value, 2);
        Assert.Equal(19.72, g.UpperProcessLimit!.Value, 2);
        Assert.Equal(12.0200, g.LowerTwoSigma!.Value, 4);
        Assert.Equal(18.1800, g.UpperTwoSigma!.Value, 4);
    }

    [Fact]
    public void V2_labels_two_in_three_below_then_seven_below_then_seven_above()
    {
        var points = XmrChart.Analyse(MethodsVectors.V2, NoScreening).Points;

        // methods.md numbers points from 1.
        int[] twoInThree = [1, 3, 9, 10];
        int[] shiftBelow = [2, 4, 5, 6, 7, 8];
        for (var n = 1; n <= 20; n++)
        {
            var p = points[n - 1];
            var expected = twoInThree.Contains(n) ? SpcRule.TwoOfThree : SpcRule.Shift;
            Assert.True(expected == p.Rule, $"point {n}: expected {expected}, got {p.Rule}");
            Assert.Equal(n <= 10, p.Value < p.Mean);
        }

        Assert.All(shiftBelow, n => Assert.Equal(SpcRule.Shift, points[n - 1].Rule));
    }

    [Fact]
    public void V2_below_the_mean_is_a_concern_and_above_an_improvement_when_higher_is_better()
    {
        var points = XmrChart.Analyse(MethodsVectors.V2, NoScreening with { Polarity = Polarity.Up }).Points;

        Assert.All(points.Take(10), p => Assert.Equal(Variation.Concern, p.Variation));
        Assert.All(points.Skip(10), p => Assert.Equal(Variation.Improvement, p.Variation));
    }

    [Fact]
    public void V3_gives_the_published_centre_line_and_limits()
    {
        var g = Assert.Single(XmrChart.Analyse(MethodsVectors.V3, NoScreening).Groups);

        Assert.Equal(13.3, g.Mean, 10);
        Assert.Equal(1.0, g.MovingRangeMean!.Value, 10);
        Assert.Equal(10.64, g.LowerProcessLimit!.Value, 2);
        Assert.Equal(15.96, g.UpperProcessLimit!.Value, 2);
    }

    [Fact]
    public void V3_outside_limits_takes_precedence_over_the_rising_trend()
    {
        var points = XmrChart.Analyse(MethodsVectors.V3, NoScreening with { Polarity = Polarity.Up }).Points;

        Assert.Equal(SpcRule.OutsideLimits, points[0].Rule);
        Assert.Equal(Variation.Concern, points[0].Variation);
        Assert.All(points.Skip(1).Take(5), p =>
        {
            Assert.Equal(SpcRule.Trend, p.Rule);
            Assert.Equal(Variation.Improvement, p.Variation);
        });
        Assert.Equal(SpcRule.OutsideLimits, points[6].Rule);
        Assert.Equal(Variation.Improvement, points[6].Variation);
        Assert.All(points.Skip(7), p => Assert.Null(p.Rule));
    }

    [Fact]
    public void Screening_changes_nothing_for_the_methods_vectors()
    {
        foreach (var v in new[] { MethodsVectors.V1, MethodsVectors.V2, MethodsVectors.V3 })
        {
            var screened = XmrChart.Analyse(v, new SpcOptions { ScreenMovingRanges = true });
            var unscreened = XmrChart.Analyse(v, NoScreening);

            Assert.Equal(0, screened.Groups[0].ScreenedMovingRanges);
            Assert.Equal(unscreened.MovingRangeMean, screened.MovingRangeMean);
            Assert.Equal(unscreened.Points.Select(p => p.Rule), screened.Points.Select(p => p.Rule));
        }
    }
}
