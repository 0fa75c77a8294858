using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Spc;

/// <summary>Baselines fixed after N points, rebasing, and the trial-limits flag (methods.md §4.1).</summary>
public class XmrBaselineAndRebaseTests
{
    [Fact]
    public void Fixes_the_limits_after_the_baseline_points()
    {
        var result = XmrChart.Analyse(MethodsVectors.V2, new SpcOptions { BaselinePoints = 12, ScreenMovingRanges = false });
        var g = Assert.Single(result.Groups);

        // First 12 points sum to 160; their 11 moving ranges sum to 23.
        Assert.Equal(12, g.BaselineCount);
        Assert.Equal(160.0 / 12, g.Mean, 12);
        Assert.Equal(23.0 / 11, g.MovingRangeMean!.Value, 12);
        Assert.All(result.Points, p => Assert.Equal(160.0 / 12, p.Mean, 12));

        // UPL = 13.333 + 2.66 × 2.0909 = 18.895: the later 19s are now outside it.
        Assert.Equal(SpcRule.OutsideLimits, result.Points[14].Rule);
        Assert.Equal(SpcRule.OutsideLimits, result.Points[19].Rule);
    }

    [Fact]
    public void Rebasing_starts_a_new_group_with_its_own_limits()
    {
        var result = XmrChart.Analyse(MethodsVectors.V2, new SpcOptions { RebaseAt = [10], ScreenMovingRanges = false });

        Assert.Equal(2, result.Groups.Count);
        Assert.Equal(12.7, result.Groups[0].Mean, 12);
        Assert.Equal(17.0 / 9, result.Groups[0].MovingRangeMean!.Value, 12);
        Assert.Equal(17.5, result.Groups[1].Mean, 12);
        Assert.Equal(11.0 / 9, result.Groups[1].MovingRangeMean!.Value, 12);
        Assert.Equal(10, result.Groups[1].Start);
        Assert.All(result.Points.Skip(10), p => Assert.Equal(1, p.Group));
        Assert.Null(result.Points[10].MovingRange);

        // The two steady periods are each common cause once the change is recognised.
        Assert.All(result.Points, p => Assert.Null(p.Rule));
    }

    [Fact]
    public void Ignores_rebase_indices_at_the_start_or_beyond_the_end()
    {
        var result = XmrChart.Analyse(MethodsVectors.V1, new SpcOptions { RebaseAt = [0, 12, 40, 12] });

        Assert.Single(result.Groups);
    }

    [Fact]
    public void Flags_trial_limits_when_a_group_rests_on_fewer_than_12_points()
    {
        Assert.False(XmrChart.Analyse(MethodsVectors.V1).TrialLimits);
        Assert.True(XmrChart.Analyse(MethodsVectors.V3).TrialLimits);

        var rebased = XmrChart.Analyse(MethodsVectors.V2, new SpcOptions { RebaseAt = [10] });
        Assert.All(rebased.Groups, g => Assert.True(g.TrialLimits));

        var fixedEarly = XmrChart.Analyse(MethodsVectors.V2, new SpcOptions { BaselinePoints = 8 });
        Assert.True(fixedEarly.Groups[0].TrialLimits);
    }

    [Fact]
    public void Rejects_a_baseline_of_no_points()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => XmrChart.Analyse(MethodsVectors.V1, new SpcOptions { BaselinePoints = 0 }));
    }
}
