namespace Stepwise.Analytics.Surveys;

/// <summary>Summary of answers to one item (or pooled over a scale's items) on a Likert scale (methods.md §5).</summary>
/// <param name="Counts">Answers per option, index 0 = option 1 (most negative), after any reverse scoring.</param>
/// <param name="Excluded">"Don't know", not applicable or unanswered: left out of every figure.</param>
/// <param name="FavourableOptions">How many top options count as favourable.</param>
/// <param name="Reversed">True when <paramref name="Counts"/> were reverse-scored: option v was counted at points + 1 − v.</param>
public sealed record ItemResult(IReadOnlyList<int> Counts, int Excluded, int FavourableOptions, bool Reversed = false)
{
    /// <summary>
    /// Answers per option as respondents picked them, index 0 = option 1 (strongly disagree): what a chart and its labels
    /// must say. Differs from <see cref="Counts"/> only for a reverse-scored item, whose favourable figures count the
    /// other direction.
    /// </summary>
    public IReadOnlyList<int> AsAnswered => Reversed ? Counts.Reverse().ToArray() : Counts;

    /// <summary>Valid answers (the denominator).</summary>
    public int N => Counts.Sum();

    /// <summary>Answers in the favourable (top) options.</summary>
    public int Favourable => Counts.Skip(Counts.Count - FavourableOptions).Sum();

    /// <summary>Favourable / N × 100; null when there are no valid answers.</summary>
    public double? PercentFavourable => N == 0 ? null : 100.0 * Favourable / N;

    /// <summary>Mean of the option codes 1…points; null when there are no valid answers.</summary>
    public double? Mean
    {
        get
        {
            if (N == 0)
            {
                return null;
            }

            var sum = 0L;
            for (var i = 0; i < Counts.Count; i++)
            {
                sum += (long)(i + 1) * Counts[i];
            }

            return (double)sum / N;
        }
    }
}
