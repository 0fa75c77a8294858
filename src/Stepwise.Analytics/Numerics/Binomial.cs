namespace Stepwise.Analytics.Numerics;

/// <summary>The binomial distribution, for Anhøj's crossings rule (methods.md §4.2).</summary>
public static class Binomial
{
    /// <summary>
    /// The quantile as R's <c>qbinom(probability, trials, successProbability)</c>: the smallest x with
    /// P(X ≤ x) ≥ <paramref name="probability"/>.
    /// </summary>
    public static int Quantile(double probability, int trials, double successProbability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (probability is < 0 or > 1 || successProbability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "Probabilities lie between 0 and 1.");
        }

        if (successProbability == 0 || trials == 0)
        {
            return 0;
        }

        if (successProbability == 1)
        {
            return trials;
        }

        // R applies a relative fuzz of 64·DBL_EPSILON so that a cumulative sum equal to p up to rounding counts.
        const double machineEpsilon = 2.220446049250313e-16;
        var target = probability * (1 - 64 * machineEpsilon);
        var logP = Math.Log(successProbability);
        var logQ = Math.Log(1 - successProbability);
        var cumulative = 0.0;
        for (var x = 0; x <= trials; x++)
        {
            cumulative += Math.Exp(SpecialFunctions.LogChoose(trials, x) + x * logP + (trials - x) * logQ);
            if (cumulative >= target)
            {
                return x;
            }
        }

        return trials;
    }
}
