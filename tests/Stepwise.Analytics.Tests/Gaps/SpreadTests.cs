using Stepwise.Analytics.Gaps;

namespace Stepwise.Analytics.Tests.Gaps;

/// <summary>Spread: sample SD and type 7 quartiles (R's default quantile).</summary>
public class SpreadTests
{
    [Fact]
    public void Gives_sample_standard_deviation_and_type_7_quartiles()
    {
        // R: quantile(c(1,2,3,4,5,6,7,8,9,10)) → 3.25, 5.5, 7.75; sd → 3.02765.
        var result = Spread.Describe([7, 1, 10, 3, 5, 2, 9, 4, 8, 6]);

        Assert.Equal(5.5, result.Mean);
        Assert.Equal(3.0276503540974917, result.StandardDeviation!.Value, 12);
        Assert.Equal(3.25, result.LowerQuartile);
        Assert.Equal(5.5, result.Median);
        Assert.Equal(7.75, result.UpperQuartile);
        Assert.Equal(4.5, result.InterQuartileRange);
    }

    [Fact]
    public void Interpolates_between_order_statistics()
    {
        // n = 4: positions 0.75 and 2.25 → 1 + 0.75 × (2 − 1), 3 + 0.25 × (10 − 3).
        var result = Spread.Describe([1, 2, 3, 10]);

        Assert.Equal(1.75, result.LowerQuartile);
        Assert.Equal(4.75, result.UpperQuartile);
    }

    [Fact]
    public void Handles_no_values_and_one_value()
    {
        Assert.Null(Spread.Describe([]).Mean);
        var one = Spread.Describe([4]);
        Assert.Equal(4, one.Median);
        Assert.Null(one.StandardDeviation);
        Assert.Equal(0, one.InterQuartileRange);
    }
}
