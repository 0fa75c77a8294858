using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.Tests.Numerics;

/// <summary>The F quantile used by Feldt's interval for Cronbach's alpha.</summary>
public class FisherFTests
{
    // Reference quantiles from mpmath at 40 digits.
    [Theory]
    [InlineData(0.975, 4, 8, 5.05263221736351)]
    [InlineData(0.025, 4, 8, 0.111363778014429)]
    [InlineData(0.95, 1, 10, 4.96460274373071)]
    [InlineData(0.99, 3, 20, 4.93819338231054)]
    [InlineData(0.5, 6, 6, 1.0)]
    [InlineData(0.975, 99, 198, 1.39497482599167)]
    public void Quantile_matches_high_precision_reference_values(double p, double d1, double d2, double expected)
    {
        Assert.Equal(expected, FisherF.Quantile(p, d1, d2), 11);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(40)]
    public void F_with_one_numerator_degree_is_the_square_of_t(double df)
    {
        var t = StudentT.Quantile(0.975, df);
        Assert.Equal(t * t, FisherF.Quantile(0.95, 1, df), 10);
    }

    [Fact]
    public void Cdf_has_the_closed_form_for_two_numerator_degrees()
    {
        // F(2, d2): P(F ≤ x) = 1 − (1 + 2x/d2)^(−d2/2).
        Assert.Equal(1 - Math.Pow(1 + 2 * 1.7 / 9, -4.5), FisherF.Cdf(1.7, 2, 9), 14);
    }
}
