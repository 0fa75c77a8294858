using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.Tests.Numerics;

/// <summary>Normal and binomial helpers.</summary>
public class DistributionTests
{
    [Fact]
    public void Normal_cdf_matches_known_values()
    {
        Assert.Equal(0.975002104851780, StandardNormal.Cdf(1.96), 14);
        Assert.Equal(0.5, StandardNormal.Cdf(0), 15);
        Assert.Equal(2.866515718791939e-7, StandardNormal.Cdf(-5), 2.866515718791939e-7 * 1e-12);
        Assert.Equal(0.05, StandardNormal.TwoSidedPValue(1.959963984540054), 12);
    }

    [Theory]
    [InlineData(10, 2)]
    [InlineData(11, 2)]
    [InlineData(12, 3)]
    [InlineData(15, 4)]
    [InlineData(20, 6)]
    [InlineData(25, 8)]
    [InlineData(30, 10)]
    [InlineData(50, 19)]
    [InlineData(100, 41)]
    public void Binomial_quantile_gives_Anhoj_minimum_crossings(int n, int expected)
    {
        // qbinom(0.05, n − 1, 0.5), checked against exact sums in mpmath and Anhøj's published table.
        Assert.Equal(expected, Binomial.Quantile(0.05, n - 1, 0.5));
    }
}
