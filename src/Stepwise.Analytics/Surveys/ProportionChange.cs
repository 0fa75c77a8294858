using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.Surveys;

/// <summary>
/// Change in percentage favourable since the previous run of a survey: the pooled two-proportion z-test,
/// z = (p₂ − p₁) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)), p̂ = (x₁ + x₂)/(n₁ + n₂), two-sided p = erfc(|z|/√2). Equivalent to
/// the 2 × 2 chi-square test without continuity correction (χ² = z²).
/// </summary>
public static class ProportionChange
{
    /// <summary>Tests the change from x₁/n₁ (before) to x₂/n₂ (after). Both runs need respondents.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, exceeds its n, or an n is zero.</exception>
    public static ProportionChangeResult TwoProportionZTest(int favourableBefore, int nBefore, int favourableAfter, int nAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nBefore);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nAfter);
        ArgumentOutOfRangeException.ThrowIfNegative(favourableBefore);
        ArgumentOutOfRangeException.ThrowIfNegative(favourableAfter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(favourableBefore, nBefore);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(favourableAfter, nAfter);

        var p1 = (double)favourableBefore / nBefore;
        var p2 = (double)favourableAfter / nAfter;
        var pooled = (double)(favourableBefore + favourableAfter) / (nBefore + nAfter);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / nBefore + 1.0 / nAfter));
        if (se == 0)
        {
            // Everyone (or no one) favourable in both runs: no evidence of change.
            return new ProportionChangeResult(p1, p2, 0, 1);
        }

        var z = (p2 - p1) / se;
        return new ProportionChangeResult(p1, p2, z, StandardNormal.TwoSidedPValue(z));
    }
}
