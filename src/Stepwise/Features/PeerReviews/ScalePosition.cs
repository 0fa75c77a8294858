namespace Stepwise.Features.PeerReviews;

/// <summary>How a peer review's estimate stands against a judgement made on a different scale.</summary>
public enum Comparison
{
    Agrees,

    /// <summary>The peer estimate is nearer the best end of its scale than the judgement is of its own.</summary>
    Higher,

    /// <summary>The peer estimate is nearer the worst end.</summary>
    Lower,
}

/// <summary>
/// Compares points of two scales of different lengths (a review scale's four points against a framework's five grades,
/// say) by where each sits on its own scale: rank 1 (best) is position 0, the last rank position 1. The two agree when
/// their positions are at most half a step of the coarser scale apart; otherwise the one nearer 0 is the higher.
/// On two scales of the same length this is plain equality of rank. Worked in whole numbers (no rounding).
/// </summary>
public static class ScalePosition
{
    /// <param name="rank">The peer estimate's rank (1 = best) on a scale of <paramref name="size"/> points.</param>
    /// <param name="otherRank">The judgement's rank on a scale of <paramref name="otherSize"/> points.</param>
    public static Comparison Compare(int rank, int size, int otherRank, int otherSize)
    {
        if (size < 1 || otherSize < 1 || rank < 1 || rank > size || otherRank < 1 || otherRank > otherSize)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), $"A rank must lie between 1 and its scale's size: {rank} of {size}, {otherRank} of {otherSize}.");
        }
        // Positions on a common denominator (size-1)(otherSize-1); a one-point scale sits at 0.
        var (steps, otherSteps) = (Math.Max(size - 1, 1), Math.Max(otherSize - 1, 1));
        long position = (long)(rank - 1) * otherSteps;
        long otherPosition = (long)(otherRank - 1) * steps;
        // Half a step of the coarser scale, doubled to stay whole: a step of a scale of n points is D/(n-1).
        long coarserStep = Math.Max(steps, otherSteps);
        var gap = position - otherPosition;
        if (2 * Math.Abs(gap) <= coarserStep)
        {
            return Comparison.Agrees;
        }
        return gap < 0 ? Comparison.Higher : Comparison.Lower;
    }

    public static string Code(Comparison comparison) => comparison switch
    {
        Comparison.Agrees => "agrees",
        Comparison.Higher => "higher",
        _ => "lower",
    };
}
