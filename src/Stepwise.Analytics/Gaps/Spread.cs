using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.Gaps;

/// <summary>Spread of a set of scores: sample SD and quartiles by linear interpolation (Hyndman &amp; Fan type 7).</summary>
public static class Spread
{
    /// <summary>
    /// Describes <paramref name="values"/>. Quartiles use type 7 (R's default, numpy's default, Excel
    /// <c>QUARTILE.INC</c>): the p-quantile of sorted x₀…xₙ₋₁ is x at position (n − 1)·p, interpolated linearly.
    /// </summary>
    public static SpreadResult Describe(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return new SpreadResult(0, null, null, null, null, null);
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        double? sd = values.Length >= 2 ? Descriptive.SampleStandardDeviation(values) : null;
        return new SpreadResult(
            values.Length,
            Descriptive.Mean(values),
            sd,
            Descriptive.QuantileOfSorted(sorted, 0.25),
            Descriptive.QuantileOfSorted(sorted, 0.5),
            Descriptive.QuantileOfSorted(sorted, 0.75));
    }
}
