using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.RunCharts;

/// <summary>
/// Exact limits for the number of runs about the median (Swed &amp; Eisenhart's runs distribution), computed rather
/// than read from a printed table (methods.md §4.2): n₁ = ⌊N/2⌋, n₂ = ⌈N/2⌉, α/2 in each tail.
/// </summary>
public static class RunsLimits
{
    /// <summary>
    /// The lower limit L and upper limit U for <paramref name="usefulObservations"/> points not on the median: there
    /// are "too few" runs if runs &lt; L and "too many" if runs &gt; U, where L is the largest value with
    /// P(R &lt; L) ≤ α/2 and U the smallest with P(R &gt; U) ≤ α/2. Null for fewer than two observations.
    /// </summary>
    /// <param name="usefulObservations">N, the number of points not on the median.</param>
    /// <param name="alpha">Two-sided risk; default 0.05.</param>
    public static (int Lower, int Upper)? For(int usefulObservations, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(usefulObservations);
        if (alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "alpha lies strictly between 0 and 1.");
        }

        if (usefulObservations < 2)
        {
            return null;
        }

        var pmf = Distribution(usefulObservations);
        var tail = alpha / 2;

        // Lower: grow L while P(R < L + 1) = P(R ≤ L) stays within the tail.
        var lower = 2;
        var below = 0.0;
        while (lower < usefulObservations && below + pmf[lower] <= tail)
        {
            below += pmf[lower];
            lower++;
        }

        // Upper: shrink U while P(R > U − 1) = P(R ≥ U) stays within the tail.
        var upper = usefulObservations;
        var above = 0.0;
        while (upper > 2 && above + pmf[upper] <= tail)
        {
            above += pmf[upper];
            upper--;
        }

        return (lower, upper);
    }

    /// <summary>
    /// P(R = r) for r = 0…N (entries 0 and 1 are zero) when ⌊N/2⌋ points lie on one side of the median and ⌈N/2⌉ on
    /// the other, all arrangements equally likely.
    /// </summary>
    public static double[] Distribution(int usefulObservations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(usefulObservations, 2);
        var n = usefulObservations;
        var n1 = n / 2;
        var n2 = n - n1;
        var logTotal = SpecialFunctions.LogChoose(n, n1);
        var pmf = new double[n + 1];
        for (var r = 2; r <= n; r++)
        {
            var k = r / 2;
            double p;
            if (r % 2 == 0)
            {
                p = 2 * Math.Exp(SpecialFunctions.LogChoose(n1 - 1, k - 1) + SpecialFunctions.LogChoose(n2 - 1, k - 1) - logTotal);
            }
            else
            {
                p = Math.Exp(SpecialFunctions.LogChoose(n1 - 1, k - 1) + SpecialFunctions.LogChoose(n2 - 1, k) - logTotal)
                    + Math.Exp(SpecialFunctions.LogChoose(n1 - 1, k) + SpecialFunctions.LogChoose(n2 - 1, k - 1) - logTotal);
            }

            pmf[r] = p;
        }

        return pmf;
    }
}
