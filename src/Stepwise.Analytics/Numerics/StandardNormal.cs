namespace Stepwise.Analytics.Numerics;

/// <summary>The standard normal distribution, used by the two-proportion z-test of methods.md §5.</summary>
public static class StandardNormal
{
    /// <summary>Φ(z) = P(Z ≤ z), via the complementary error function (full precision in both tails).</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>The two-sided p-value P(|Z| ≥ |z|) = erfc(|z|/√2).</summary>
    public static double TwoSidedPValue(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));
}
