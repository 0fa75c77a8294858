namespace Stepwise.Analytics.Numerics;

/// <summary>Descriptive statistics over plain arrays (methods.md §1 spread; §4 centre lines).</summary>
public static class Descriptive
{
    /// <summary>The arithmetic mean; NaN for no values.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>The sample variance (denominator n − 1); NaN for fewer than two values.</summary>
    public static double SampleVariance(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            sum += d * d;
        }

        return sum / (values.Length - 1);
    }

    /// <summary>The sample standard deviation (denominator n − 1); NaN for fewer than two values.</summary>
    public static double SampleStandardDeviation(ReadOnlySpan<double> values) => Math.Sqrt(SampleVariance(values));

    /// <summary>
    /// The quantile by linear interpolation between order statistics — Hyndman &amp; Fan type 7, the default of R's
    /// <c>quantile()</c>, numpy's <c>percentile</c> and Excel's <c>QUARTILE.INC</c>: h = (n − 1)·p, result
    /// x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted values (0-based). NaN for no values.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> values, double probability)
    {
        if (probability is < 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "A probability lies between 0 and 1.");
        }

        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return QuantileOfSorted(sorted, probability);
    }

    /// <summary>The median (type 7 quantile at 0.5, i.e. the mean of the two middle values for an even count).</summary>
    public static double Median(ReadOnlySpan<double> values) => Quantile(values, 0.5);

    internal static double QuantileOfSorted(ReadOnlySpan<double> sorted, double probability)
    {
        var h = (sorted.Length - 1) * probability;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
