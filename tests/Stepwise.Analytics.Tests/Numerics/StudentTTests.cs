using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.Tests.Numerics;

/// <summary>The Student t quantile, implemented here rather than approximated by the normal.</summary>
public class StudentTTests
{
    // Reference quantiles from mpmath at 40 digits (bisection on the exact CDF via the incomplete beta function).
    [Theory]
    [InlineData(0.975, 1, 12.7062047361747)]
    [InlineData(0.975, 2, 4.30265272974946)]
    [InlineData(0.975, 3, 3.18244630528371)]
    [InlineData(0.975, 5, 2.57058183563632)]
    [InlineData(0.975, 10, 2.22813885198627)]
    [InlineData(0.975, 30, 2.04227245630124)]
    [InlineData(0.975, 7.5, 2.33303962686497)]
    [InlineData(0.975, 1000, 1.96233908082641)]
    [InlineData(0.995, 4, 4.60409487134999)]
    [InlineData(0.05, 12, -1.78228755564932)]
    public void Quantile_matches_high_precision_reference_values(double p, double df, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(p, df), 11);
    }

    [Theory]
    [InlineData(0.6, 3)]
    [InlineData(0.9, 4.5)]
    [InlineData(0.999, 25)]
    [InlineData(0.01, 60)]
    public void Cdf_inverts_the_quantile(double p, double df)
    {
        Assert.Equal(p, StudentT.Cdf(StudentT.Quantile(p, df), df), 13);
    }

    [Fact]
    public void Is_symmetric_about_zero()
    {
        Assert.Equal(0, StudentT.Quantile(0.5, 9));
        Assert.Equal(-StudentT.Quantile(0.9, 9), StudentT.Quantile(0.1, 9), 12);
    }
}
