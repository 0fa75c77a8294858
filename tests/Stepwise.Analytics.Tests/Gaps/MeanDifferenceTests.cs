using Stepwise.Analytics.Gaps;

namespace Stepwise.Analytics.Tests.Gaps;

/// <summary>Difference in means with a Welch 95% interval using the exact t quantile (methods.md §1).</summary>
public class MeanDifferenceTests
{
    [Fact]
    public void Welch_interval_matches_an_independent_high_precision_computation()
    {
        // Reference values from mpmath (40 digits): others 110,108,104,98,92 vs disadvantaged 105,100,95,90.
        var result = MeanDifference.Welch([110, 108, 104, 98, 92], [105, 100, 95, 90]);

        Assert.Equal(4.9, result.Difference!.Value, 10);
        Assert.Equal(4.62349074474, result.StandardError!.Value, 10);
        Assert.Equal(6.90281189267, result.DegreesOfFreedom!.Value, 10);
        Assert.Equal(-6.06409996198, result.Low!.Value, 9);
        Assert.Equal(15.864099962, result.High!.Value, 9);
    }

    [Fact]
    public void Small_samples_get_a_wider_interval_than_a_normal_approximation_would_give()
    {
        var result = MeanDifference.Welch([10, 12, 14], [1, 3, 5]);
        var halfWidth = (result.High!.Value - result.Low!.Value) / 2;

        Assert.True(halfWidth > 1.96 * result.StandardError!.Value * 1.3);
    }

    [Fact]
    public void Has_no_interval_when_a_group_has_fewer_than_two_values()
    {
        var result = MeanDifference.Welch([10, 12, 14], [5]);

        Assert.Equal(7, result.Difference);
        Assert.Null(result.Low);
        Assert.Null(result.High);
        Assert.Null(MeanDifference.Welch([], [5, 6]).Difference);
    }

    [Fact]
    public void Collapses_to_the_difference_when_both_groups_are_constant()
    {
        var result = MeanDifference.Welch([4, 4, 4], [1, 1]);

        Assert.Equal(3, result.Low);
        Assert.Equal(3, result.High);
    }
}
