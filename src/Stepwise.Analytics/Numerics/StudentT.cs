namespace Stepwise.Analytics.Numerics;

/// <summary>
/// Student's t distribution, computed from the regularised incomplete beta function (no normal approximation), as
/// needed for the small-sample confidence intervals of methods.md §1 (difference in means).
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) for T ~ t with <paramref name="degreesOfFreedom"/> (any positive real value).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (double.IsPositiveInfinity(t))
        {
            return 1;
        }

        if (double.IsNegativeInfinity(t))
        {
            return 0;
        }

        var x = degreesOfFreedom / (degreesOfFreedom + t * t);
        var tail = 0.5 * SpecialFunctions.RegularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>
    /// The quantile (inverse CDF): the t with P(T ≤ t) = <paramref name="probability"/>. Exact closed forms for 1
    /// and 2 degrees of freedom; otherwise the inverse incomplete beta function (relative error about 1e-13).
    /// </summary>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (probability is < 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "A probability lies between 0 and 1.");
        }

        if (probability == 0)
        {
            return double.NegativeInfinity;
        }

        if (probability == 1)
        {
            return double.PositiveInfinity;
        }

        if (probability == 0.5)
        {
            return 0;
        }

        if (degreesOfFreedom == 1)
        {
            return Math.Tan(Math.PI * (probability - 0.5));
        }

        if (degreesOfFreedom == 2)
        {
            return (2 * probability - 1) / Math.Sqrt(2 * probability * (1 - probability));
        }

        // With y = t²/(ν + t²): P(|T| ≤ t) = I_y(1/2, ν/2). Solving in y keeps precision for large ν.
        var upper = probability > 0.5;
        var central = upper ? 2 * probability - 1 : 1 - 2 * probability;
        var y = SpecialFunctions.InverseRegularizedIncompleteBeta(central, 0.5, degreesOfFreedom / 2);
        var t = Math.Sqrt(degreesOfFreedom * y / (1 - y));
        return upper ? t : -t;
    }
}
