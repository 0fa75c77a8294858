using Stepwise.Analytics.Gaps;

namespace Stepwise.Analytics.Tests.Gaps;

/// <summary>The combined figures behind the gaps page and <c>analyse gap --json</c>.</summary>
public class GroupGapTests
{
    [Fact]
    public void Combines_the_index_the_mean_gap_and_each_sides_spread_with_consistent_signs()
    {
        double[] scores = [110, 108, 105, 104, 100, 100, 98, 95, 92, 90];
        bool[] disadvantaged = [false, false, true, false, false, true, false, true, false, true];
        var result = GroupGap.Compare(scores, disadvantaged);

        Assert.Equal(10, result.N);
        Assert.Equal(4, result.NDisadvantaged);
        Assert.Equal(3.75, result.GapIndex!.Value, 12);

        // Others: 110, 108, 104, 100, 98, 92 → 102; disadvantaged: 105, 100, 95, 90 → 97.5.
        Assert.Equal(102.0 - 97.5, result.MeanGap!.Value, 12);
        Assert.True(result.MeanGapLow < result.MeanGap && result.MeanGap < result.MeanGapHigh);
        Assert.Equal(MeanDifference.Welch([110, 108, 104, 100, 98, 92], [105, 100, 95, 90]), result.MeanDifference);
        Assert.Equal(4, result.Group.N);
        Assert.Equal(97.5, result.Group.Mean);
        Assert.Equal(6, result.Others.N);
    }
}
