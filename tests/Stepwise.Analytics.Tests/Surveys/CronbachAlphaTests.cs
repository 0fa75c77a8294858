using Stepwise.Analytics.Surveys;

namespace Stepwise.Analytics.Tests.Surveys;

/// <summary>Cronbach's alpha and Feldt's interval (methods.md §5).</summary>
public class CronbachAlphaTests
{
    private static readonly double?[][] Vector = [[4, 5, 4], [3, 4, 3], [5, 5, 4], [2, 3, 2], [4, 4, 5]];

    [Fact]
    public void Methods_vector_gives_alpha_0_90361()
    {
        var result = CronbachAlpha.Compute(Vector);

        Assert.Equal(3, result.Items);
        Assert.Equal(5, result.Respondents);
        Assert.Equal(0.90361, result.Alpha!.Value, 5);
        Assert.Equal(1.5 * (1 - 3.3 / 8.3), result.Alpha!.Value, 12);
    }

    [Fact]
    public void Feldt_interval_matches_an_independent_high_precision_computation()
    {
        // 1 − (1 − α)·F(0.975; 4, 8) and 1 − (1 − α)·F(0.025; 4, 8), computed in mpmath at 40 digits.
        var result = CronbachAlpha.Compute(Vector);

        Assert.Equal(0.512999304351, result.Low!.Value, 10);
        Assert.Equal(0.989266141878, result.High!.Value, 10);
    }

    [Fact]
    public void Leaves_out_respondents_with_a_missing_answer()
    {
        double?[][] withGap = [.. Vector, [5, null, 1]];

        Assert.Equal(CronbachAlpha.Compute(Vector), CronbachAlpha.Compute(withGap));
        Assert.Equal(5, CronbachAlpha.Compute(withGap).Respondents);
    }

    [Fact]
    public void Is_undefined_for_one_item_one_respondent_or_no_variance()
    {
        Assert.Null(CronbachAlpha.Compute([[1], [2], [3]]).Alpha);
        Assert.Null(CronbachAlpha.Compute([[1, 2, 3]]).Alpha);
        Assert.Null(CronbachAlpha.Compute([[3, 3], [3, 3]]).Alpha);
    }
}
