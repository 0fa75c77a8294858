using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Spc;

/// <summary>Screening of large moving ranges out of mR̄, on by default as in NHSRplotthedots (methods.md §4.1).</summary>
public class XmrScreeningTests
{
    // Moving ranges: 1 ×10 and one of 20. Unscreened mR̄ = 30/11 = 2.7273; 20 ≥ 3.267 × 2.7273 = 8.91, so it is
    // screened and mR̄ becomes 10/10 = 1.
    private static readonly double[] WithJump = [10, 11, 10, 11, 10, 11, 31, 30, 31, 30, 31, 30];

    [Fact]
    public void Screens_a_moving_range_of_at_least_3_267_times_the_mean_moving_range_by_default()
    {
        var g = XmrChart.Analyse(WithJump).Groups[0];

        Assert.Equal(1, g.ScreenedMovingRanges);
        Assert.Equal(1.0, g.MovingRangeMean!.Value, 12);
        Assert.Equal(3.267, g.MovingRangeUpperLimit!.Value, 12);
    }

    [Fact]
    public void Keeps_every_moving_range_when_screening_is_turned_off()
    {
        var g = XmrChart.Analyse(WithJump, new SpcOptions { ScreenMovingRanges = false }).Groups[0];

        Assert.Equal(0, g.ScreenedMovingRanges);
        Assert.Equal(30.0 / 11.0, g.MovingRangeMean!.Value, 12);
    }

    [Fact]
    public void Screening_narrows_the_limits_so_the_jump_shows_as_special_cause()
    {
        var screened = XmrChart.Analyse(WithJump);

        Assert.Equal(SpcRule.OutsideLimits, screened.Points[0].Rule);
        Assert.Equal(SpcRule.OutsideLimits, screened.Points[11].Rule);
    }
}
