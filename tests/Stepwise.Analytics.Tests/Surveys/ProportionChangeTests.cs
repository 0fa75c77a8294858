using Stepwise.Analytics.Surveys;

namespace Stepwise.Analytics.Tests.Surveys;

/// <summary>Change since the last survey run: pooled two-proportion z-test.</summary>
public class ProportionChangeTests
{
    [Fact]
    public void A_rise_from_45_to_60_percent_of_100_is_significant_at_5_percent()
    {
        // Reference: mpmath, z = 0.15 / √(0.525 × 0.475 × 0.02), p = erfc(|z|/√2).
        var result = ProportionChange.TwoProportionZTest(45, 100, 60, 100);

        Assert.Equal(0.15, result.Difference, 12);
        Assert.Equal(2.12397697621, result.Z, 10);
        Assert.Equal(0.0336720688563, result.PValue, 12);
        Assert.True(result.IsSignificant());
    }

    [Fact]
    public void A_small_change_in_small_groups_is_not_significant()
    {
        var result = ProportionChange.TwoProportionZTest(6, 12, 8, 14);

        Assert.False(result.IsSignificant());
        Assert.True(result.PValue > 0.5);
    }

    [Fact]
    public void A_fall_gives_a_negative_z_with_the_same_p_value()
    {
        var up = ProportionChange.TwoProportionZTest(45, 100, 60, 100);
        var down = ProportionChange.TwoProportionZTest(60, 100, 45, 100);

        Assert.Equal(-up.Z, down.Z, 12);
        Assert.Equal(up.PValue, down.PValue, 14);
    }

    [Fact]
    public void No_variation_at_all_gives_p_of_one()
    {
        Assert.Equal(1, ProportionChange.TwoProportionZTest(20, 20, 30, 30).PValue);
    }

    [Fact]
    public void Rejects_a_run_with_no_respondents()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionChange.TwoProportionZTest(0, 0, 3, 10));
    }
}
