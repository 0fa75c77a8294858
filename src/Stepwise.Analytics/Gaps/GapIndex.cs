namespace Stepwise.Analytics.Gaps;

/// <summary>
/// The DfE disadvantage gap index (SFR 40/2014; methods.md §1.1): rank all pupils on the attainment measure (mid-ranks
/// for ties), convert to relative ranks rank/N, and take 20 × (mean relative rank of the others − mean relative rank
/// of the disadvantaged). Because it uses only ranks, it is unchanged by any increasing transformation of the scores.
/// DfE publishes it nationally only; a school-level figure is Stepwise's own analogue and should be labelled so.
/// </summary>
public static class GapIndex
{
    /// <summary>Computes the index; pupils without a valid score must be left out by the caller.</summary>
    /// <param name="scores">One attainment score per pupil (finite).</param>
    /// <param name="inGroup">True for pupils in the group of interest (e.g. disadvantaged), same length as scores.</param>
    /// <exception cref="ArgumentException">The lengths differ or a score is not finite.</exception>
    public static GapIndexResult Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> inGroup)
    {
        if (scores.Length != inGroup.Length)
        {
            throw new ArgumentException("There must be one group flag per score.", nameof(inGroup));
        }

        Numerics.MeasuredValue.EnsureAccepted(scores, nameof(scores));

        var n = scores.Length;
        var ranks = MidRanks.Compute(scores);
        double sumGroup = 0, sumOthers = 0;
        var nGroup = 0;
        for (var i = 0; i < n; i++)
        {
            if (inGroup[i])
            {
                sumGroup += ranks[i];
                nGroup++;
            }
            else
            {
                sumOthers += ranks[i];
            }
        }

        var nOthers = n - nGroup;
        double? meanGroup = nGroup > 0 ? sumGroup / nGroup : null;
        double? meanOthers = nOthers > 0 ? sumOthers / nOthers : null;
        double? index = meanGroup is { } g && meanOthers is { } o ? 20.0 * (o - g) / n : null;
        return new GapIndexResult(n, nGroup, meanGroup, meanOthers, index);
    }
}
