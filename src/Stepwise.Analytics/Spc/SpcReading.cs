using System.Globalization;

namespace Stepwise.Analytics.Spc;

/// <summary>
/// A one-sentence plain-English (British) reading of an XmR chart for headteachers (issue 5; methods.md §4.1), e.g.
/// "Persistent absence has been below the mean for 8 half-terms: a real improvement, not noise."
/// </summary>
public static class SpcReading
{
    /// <summary>
    /// Describes the latest point of the series: the rule that labels it (with the length of the run where there is
    /// one) and whether that is an improvement, a concern or a neutral change; otherwise that there is no signal.
    /// </summary>
    /// <param name="result">The chart from <see cref="XmrChart.Analyse"/>.</param>
    /// <param name="metricName">The metric as it starts a sentence, e.g. "Persistent absence".</param>
    /// <param name="periodNoun">The singular period, e.g. "half-term", "month", "year".</param>
    /// <param name="periodNounPlural">The plural period; defaults to <paramref name="periodNoun"/> + "s".</param>
    public static string Describe(SpcResult result, string metricName, string periodNoun, string? periodNounPlural = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricName);
        ArgumentException.ThrowIfNullOrWhiteSpace(periodNoun);
        var metric = Capitalise(metricName.Trim());
        var plural = string.IsNullOrWhiteSpace(periodNounPlural) ? periodNoun + "s" : periodNounPlural;
        var points = result.Points;
        if (points.Count == 0)
        {
            return $"{metric}: no data yet.";
        }

        if (result.Current is not { MovingRangeMean: not null } current)
        {
            return $"{metric}: too few {plural} yet to tell a signal from noise.";
        }

        var last = points[^1];
        if (last.Rule is { } rule)
        {
            var meaning = Meaning(last.Variation);
            var above = last.Value > last.Mean;
            return rule switch
            {
                SpcRule.OutsideLimits =>
                    $"{metric} was {(above ? "above the upper" : "below the lower")} process limit in the latest {periodNoun}: {meaning}.",
                SpcRule.Trend => TrendSentence(points, current, metric, plural, meaning),
                SpcRule.TwoOfThree =>
                    $"{metric} has been close to the {(above ? "upper" : "lower")} process limit in two of the last three {plural}: {meaning}.",
                _ => $"{metric} has been {(above ? "above" : "below")} the mean for {Count(RunOnSide(points, current, above))} {plural}: {meaning}.",
            };
        }

        for (var i = current.Start; i < points.Count; i++)
        {
            if (points[i].IsSignal)
            {
                return $"No signal in the latest {periodNoun}: the variation is within what is expected, though earlier {plural} showed a signal.";
            }
        }

        return "No signal: the variation is within what is expected.";
    }

    private static string TrendSentence(IReadOnlyList<SpcPoint> points, SpcGroup current, string metric, string plural, string meaning)
    {
        var rising = points[^1].Value > points[^2].Value;
        var length = 1;
        for (var i = points.Count - 1; i > current.Start && Math.Sign(points[i].Value - points[i - 1].Value) == (rising ? 1 : -1); i--)
        {
            length++;
        }

        return $"{metric} has {(rising ? "risen" : "fallen")} steadily over the last {Count(length)} {plural}: {meaning}.";
    }

    private static int RunOnSide(IReadOnlyList<SpcPoint> points, SpcGroup current, bool above)
    {
        var length = 0;
        for (var i = points.Count - 1; i >= current.Start && (above ? points[i].Value > points[i].Mean : points[i].Value < points[i].Mean); i--)
        {
            length++;
        }

        return length;
    }

    private static string Meaning(Variation variation) => variation switch
    {
        Variation.Improvement => "a real improvement, not noise",
        Variation.Concern => "a real cause for concern, not noise",
        _ => "a real change, not noise",
    };

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Capitalise(string s) =>
        char.ToUpperInvariant(s[0]) + s[1..];
}
