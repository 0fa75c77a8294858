using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.Gaps;

/// <summary>
/// Difference in means with Welch's (unequal-variance) confidence interval, using the exact Student t quantile
/// (not a normal approximation), for the attainment and attendance gaps of methods.md §1 and issue 5.
/// </summary>
public static class MeanDifference
{
    /// <summary>
    /// mean(first) − mean(second) ± t₍₁₋α/2, ν₎ × SE, SE = √(s₁²/n₁ + s₂²/n₂), ν by Welch–Satterthwaite. Each group
    /// needs at least two values for an interval. When both variances are zero the interval collapses to the
    /// difference itself (SE = 0, ν = n₁ + n₂ − 2).
    /// </summary>
    /// <param name="first">Scores of the first group (e.g. everyone else).</param>
    /// <param name="second">Scores of the second group (e.g. disadvantaged pupils).</param>
    /// <param name="confidence">Confidence level strictly between 0 and 1; default 0.95.</param>
    public static MeanDifferenceResult Welch(ReadOnlySpan<double> first, ReadOnlySpan<double> second, double confidence = 0.95)
    {
        if (confidence is <= 0 or >= 1 || double.IsNaN(confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), "Confidence lies strictly between 0 and 1.");
        }

        int n1 = first.Length, n2 = second.Length;
        double? m1 = n1 > 0 ? Descriptive.Mean(first) : null;
        double? m2 = n2 > 0 ? Descriptive.Mean(second) : null;
        double? diff = m1 - m2;
        if (n1 < 2 || n2 < 2 || diff is not { } d)
        {
            return new MeanDifferenceResult(n1, n2, m1, m2, diff, null, null, confidence, null, null);
        }

        var a = Descriptive.SampleVariance(first) / n1;
        var b = Descriptive.SampleVariance(second) / n2;
        var se = Math.Sqrt(a + b);
        if (se == 0)
        {
            return new MeanDifferenceResult(n1, n2, m1, m2, d, 0, n1 + n2 - 2, confidence, d, d);
        }

        var df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        var t = StudentT.Quantile(1 - (1 - confidence) / 2, df);
        return new MeanDifferenceResult(n1, n2, m1, m2, d, se, df, confidence, d - t * se, d + t * se);
    }
}
