using Stepwise.Analytics.Numerics;
using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Comparators;

/// <summary>
/// Where a school's figure sits among its comparators' figures on one measure in one year.
/// </summary>
/// <param name="Published">How many comparators have a figure (missing and suppressed ones are left out).</param>
/// <param name="NotPublished">How many comparators have no figure.</param>
/// <param name="Median">The comparators' median (type 7 quantile at 0.5); null when none is published.</param>
/// <param name="LowerQuartile">The comparators' 25th percentile (type 7); null when none is published.</param>
/// <param name="UpperQuartile">The comparators' 75th percentile (type 7); null when none is published.</param>
/// <param name="PercentileRank">
/// 0–100: the share of published comparators the school does better than, ties counting half; null when the school's
/// own figure is missing or fewer than the minimum of comparators are published. "Better" follows the polarity (for
/// absence, lower is better); for a neutral measure it is the share with a lower figure.
/// </param>
/// <param name="Better">Comparators the school does better than; null when not ranked.</param>
/// <param name="Level">Comparators with exactly the school's figure; null when not ranked.</param>
/// <param name="Worse">Comparators the school does worse than; null when not ranked.</param>
public sealed record PositionAmongComparators(
    int Published,
    int NotPublished,
    double? Median,
    double? LowerQuartile,
    double? UpperQuartile,
    double? PercentileRank,
    int? Better,
    int? Level,
    int? Worse)
{
    /// <summary>True when the school has a percentile rank.</summary>
    public bool IsRanked => PercentileRank is not null;
}

/// <summary>
/// Positions a school among its comparator set on one measure: the comparators' median and quartiles and the
/// school's percentile rank. A missing or suppressed figure — the school's or a comparator's — is never ranked and
/// never counted as zero: it is simply not part of the distribution.
/// </summary>
public static class ComparatorPosition
{
    /// <summary>The fewest published comparator figures that a percentile rank is given for (default 5).</summary>
    public const int MinimumToRank = 5;

    /// <summary>Positions <paramref name="value"/> among <paramref name="comparators"/> (the school itself excluded).</summary>
    /// <param name="value">The school's figure, or null when it is missing or suppressed.</param>
    /// <param name="comparators">The comparators' figures; nulls (missing, suppressed) are left out.</param>
    /// <param name="polarity">Which direction is better.</param>
    /// <param name="minimumToRank">The fewest published comparator figures to rank against.</param>
    public static PositionAmongComparators Of(double? value, IEnumerable<double?> comparators, Polarity polarity, int minimumToRank = MinimumToRank)
    {
        ArgumentNullException.ThrowIfNull(comparators);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumToRank, 1);
        var published = new List<double>();
        var notPublished = 0;
        foreach (var c in comparators)
        {
            if (c is double v && double.IsFinite(v))
            {
                published.Add(v);
            }
            else
            {
                notPublished++;
            }
        }

        if (published.Count == 0)
        {
            return new PositionAmongComparators(0, notPublished, null, null, null, null, null, null, null);
        }

        var sorted = published.ToArray();
        Array.Sort(sorted);
        var median = Descriptive.QuantileOfSorted(sorted, 0.5);
        var q1 = Descriptive.QuantileOfSorted(sorted, 0.25);
        var q3 = Descriptive.QuantileOfSorted(sorted, 0.75);
        if (value is not double x || !double.IsFinite(x) || sorted.Length < minimumToRank)
        {
            return new PositionAmongComparators(sorted.Length, notPublished, median, q1, q3, null, null, null, null);
        }

        var below = sorted.Count(v => v < x);
        var level = sorted.Count(v => v == x);
        var above = sorted.Length - below - level;
        var (better, worse) = polarity == Polarity.Down ? (above, below) : (below, above);
        var rank = 100.0 * (better + 0.5 * level) / sorted.Length;
        return new PositionAmongComparators(sorted.Length, notPublished, median, q1, q3, rank, better, level, worse);
    }
}
