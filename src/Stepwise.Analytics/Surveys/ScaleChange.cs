using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.Surveys;

/// <summary>
/// Change in a multi-item scale since the previous run, tested on one score per respondent (methods.md §5; ADR 0072).
/// A respondent's answers to the items of one scale are not independent of one another, so pooling respondents × items
/// in a two-proportion test overstates the evidence (13–28 % false alarms under no change, issue 17). Each respondent's
/// score is their share of favourable answers over the scale's items they answered; the two runs' scores are compared by
/// Welch's t-test (unequal variances, Welch–Satterthwaite degrees of freedom, exact Student t). Single questions keep
/// the two-proportion test (<see cref="ProportionChange"/>): one answer per respondent.
/// </summary>
public static class ScaleChange
{
    /// <summary>A respondent's score: favourable answers over answers given to the scale's items (0 to 1); null with none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or more favourable answers than answers.</exception>
    public static double? Score(int favourable, int answered)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(favourable);
        ArgumentOutOfRangeException.ThrowIfNegative(answered);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(favourable, answered);
        return answered == 0 ? null : (double)favourable / answered;
    }

    /// <summary>
    /// Tests the change from the earlier run's respondent scores to the later run's. Before and After are the mean
    /// scores (the average respondent's share of favourable answers); Z holds Welch's t.
    /// </summary>
    /// <exception cref="ArgumentException">A run with fewer than two respondents, or a score outside 0 to 1.</exception>
    public static ProportionChangeResult Test(IReadOnlyList<double> before, IReadOnlyList<double> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Count < 2 || after.Count < 2)
        {
            throw new ArgumentException("Each run needs at least two respondents.", before.Count < 2 ? nameof(before) : nameof(after));
        }
        if (before.Concat(after).Any(s => s is < 0 or > 1 || double.IsNaN(s)))
        {
            throw new ArgumentException("A score is a share of favourable answers, from 0 to 1.");
        }
        double[] b = [.. before], a = [.. after];
        var (m1, m2) = (Descriptive.Mean(b), Descriptive.Mean(a));
        var v1 = Descriptive.SampleVariance(b) / b.Length;
        var v2 = Descriptive.SampleVariance(a) / a.Length;
        var se = Math.Sqrt(v1 + v2);
        if (se == 0)
        {
            // Every respondent scored the same in both runs: a difference, if any, cannot be told from chance this way.
            return new ProportionChangeResult(m1, m2, 0, m1 == m2 ? 1 : 0);
        }
        var t = (m2 - m1) / se;
        var df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (b.Length - 1) + v2 * v2 / (a.Length - 1));
        var p = 2 * StudentT.Cdf(-Math.Abs(t), df);
        return new ProportionChangeResult(m1, m2, t, Math.Min(1, p));
    }
}
