namespace Stepwise.Analytics.Surveys;

/// <summary>
/// Percentage favourable and mean score for Likert items (methods.md §5): favourable = the top options (two of five);
/// "don't know" and unanswered are excluded from the denominator; negatively worded items are reverse-scored
/// (option v becomes points + 1 − v) so that favourable always means positive.
/// </summary>
public static class Favourability
{
    /// <summary>Summarises raw answers: 1…points, or null for "don't know" / no answer.</summary>
    /// <exception cref="ArgumentException">An answer lies outside 1…points.</exception>
    public static ItemResult Summarise(ReadOnlySpan<int?> answers, LikertScale? scale = null, bool reverseScored = false)
    {
        scale ??= LikertScale.FivePoint;
        scale.Validate();
        var counts = new int[scale.Points];
        var excluded = 0;
        foreach (var answer in answers)
        {
            if (answer is not { } v)
            {
                excluded++;
                continue;
            }

            if (v < 1 || v > scale.Points)
            {
                throw new ArgumentException($"Answer {v} is outside the scale 1–{scale.Points}.", nameof(answers));
            }

            counts[(reverseScored ? scale.Points + 1 - v : v) - 1]++;
        }

        return new ItemResult(counts, excluded, scale.FavourableOptions, reverseScored);
    }

    /// <summary>Summarises a published distribution: counts per option (option 1 first) and the excluded count.</summary>
    public static ItemResult FromCounts(ReadOnlySpan<int> countsByOption, int excluded = 0, LikertScale? scale = null, bool reverseScored = false)
    {
        scale ??= LikertScale.FivePoint;
        scale.Validate();
        if (countsByOption.Length != scale.Points)
        {
            throw new ArgumentException($"Expected {scale.Points} counts, one per option.", nameof(countsByOption));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(excluded);
        var counts = new int[scale.Points];
        for (var i = 0; i < counts.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(countsByOption[i], nameof(countsByOption));
            counts[reverseScored ? counts.Length - 1 - i : i] = countsByOption[i];
        }

        return new ItemResult(counts, excluded, scale.FavourableOptions, reverseScored);
    }

    /// <summary>
    /// Pools a scale's items (already reverse-scored where needed): counts are added, so the scale's percentage
    /// favourable is all favourable answers over all valid answers.
    /// </summary>
    public static ItemResult Pool(IReadOnlyList<ItemResult> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("A scale needs at least one item.", nameof(items));
        }

        var points = items[0].Counts.Count;
        var top = items[0].FavourableOptions;
        if (items.Any(i => i.Counts.Count != points || i.FavourableOptions != top))
        {
            throw new ArgumentException("Pooled items must share one scale.", nameof(items));
        }

        var counts = new int[points];
        foreach (var item in items)
        {
            for (var k = 0; k < points; k++)
            {
                counts[k] += item.Counts[k];
            }
        }

        return new ItemResult(counts, items.Sum(i => i.Excluded), top);
    }
}
