namespace Stepwise.Analytics.Numerics;

/// <summary>
/// Snedecor's F distribution, computed from the regularised incomplete beta function; used for the Feldt confidence
/// interval of Cronbach's alpha (methods.md §5).
/// </summary>
public static class FisherF
{
    /// <summary>P(F ≤ x) for F ~ F(<paramref name="d1"/>, <paramref name="d2"/>).</summary>
    public static double Cdf(double x, double d1, double d2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d2);
        if (x <= 0)
        {
            return 0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 1;
        }

        return SpecialFunctions.RegularizedIncompleteBeta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2);
    }

    /// <summary>The quantile (inverse CDF): the x with P(F ≤ x) = <paramref name="probability"/>.</summary>
    public static double Quantile(double probability, double d1, double d2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d2);
        if (probability is < 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "A probability lies between 0 and 1.");
        }

        if (probability == 0)
        {
            return 0;
        }

        if (probability == 1)
        {
            return double.PositiveInfinity;
        }

        // x = d2·y / (d1·(1 − y)) with y = I⁻¹_p(d1/2, d2/2); solve via 1 − y = I⁻¹_{1−p}(d2/2, d1/2) for precision.
        var y = SpecialFunctions.InverseRegularizedIncompleteBeta(probability, d1 / 2, d2 / 2);
        if (y <= 0.5)
        {
            return d2 * y / (d1 * (1 - y));
        }

        var oneMinusY = SpecialFunctions.InverseRegularizedIncompleteBeta(1 - probability, d2 / 2, d1 / 2);
        return d2 * (1 - oneMinusY) / (d1 * oneMinusY);
    }
}
