namespace Stepwise.Analytics.Support;

/// <summary>One kind of evidence that a school is strong where another needs help (ADR 0091).</summary>
public enum GiverStrength
{
    /// <summary>The latest self or trust judgement in the area is in the top two grades of its scale.</summary>
    Judgement,

    /// <summary>A completed peer review's estimate in the area is in the top half of its scale.</summary>
    PeerReview,

    /// <summary>A completed trust review's finding in the area is in the top two grades.</summary>
    TrustReview,

    /// <summary>An improvement signal on the need's measure.</summary>
    ImprovementSignal,

    /// <summary>A position in the top quarter of its similar schools on the need's measure.</summary>
    TopQuartile,

    /// <summary>The whole school is at the Sustain stage.</summary>
    Sustain,

    /// <summary>A change idea adopted on the need's measure.</summary>
    AdoptedChange,
}

/// <param name="Id">The school's id (the caller's).</param>
/// <param name="Strengths">The kinds of evidence found (repeats count once).</param>
/// <param name="Similar">Whether the school is among the receiver's similar schools.</param>
/// <param name="EpisodesPerTerm">How many episodes the school can give in a term.</param>
/// <param name="GivingThisTerm">The episodes it gives that overlap this term.</param>
public sealed record GiverCandidate(int Id, IReadOnlyCollection<GiverStrength> Strengths, bool Similar, int EpisodesPerTerm, int GivingThisTerm)
{
    /// <summary>The episodes it can still give this term (never below zero).</summary>
    public int CapacityLeft => Math.Max(0, EpisodesPerTerm - GivingThisTerm);

    /// <summary>Whether it gives all it can this term.</summary>
    public bool AtCapacity => CapacityLeft == 0;
}

/// <summary>A school suggested to give, with its score.</summary>
/// <param name="Candidate">The school as the caller described it.</param>
/// <param name="Score">The kinds of evidence, plus one for a similar school.</param>
public sealed record RankedGiver(GiverCandidate Candidate, int Score);

/// <summary>
/// Ranks the schools that could give support for a need. A school with no evidence of strength, or with no capacity
/// left this term, is never suggested. The rest are ranked by score (each distinct kind of evidence counts one, and a
/// similar school one more), then similar schools first, then more capacity left, then the caller's order.
/// </summary>
public static class GiverRanking
{
    /// <summary>The schools to suggest, best first.</summary>
    public static IReadOnlyList<RankedGiver> Rank(IEnumerable<GiverCandidate> candidates) =>
        candidates
            .Select((c, i) => (Candidate: c, Order: i))
            .Where(x => x.Candidate.Strengths.Count > 0 && !x.Candidate.AtCapacity)
            .Select(x => (Ranked: new RankedGiver(x.Candidate, x.Candidate.Strengths.Distinct().Count() + (x.Candidate.Similar ? 1 : 0)), x.Order))
            .OrderByDescending(x => x.Ranked.Score)
            .ThenByDescending(x => x.Ranked.Candidate.Similar)
            .ThenByDescending(x => x.Ranked.Candidate.CapacityLeft)
            .ThenBy(x => x.Order)
            .Select(x => x.Ranked)
            .ToList();

    /// <summary>Whether a grade of rank <paramref name="rank"/> (1 best) is in the top two grades of a scale.</summary>
    public static bool InTopTwo(int rank) => rank is 1 or 2;

    /// <summary>Whether a point of rank <paramref name="rank"/> (1 best) is in the top half of a scale of <paramref name="size"/> points (the middle of an odd scale is not).</summary>
    public static bool InTopHalf(int rank, int size) => rank >= 1 && rank * 2 <= size;
}

/// <summary>What a support episode's impact was, read from the receiver's points on the measure within the window.</summary>
public enum ImpactSignal
{
    /// <summary>An improvement signal in the window.</summary>
    Improvement,

    /// <summary>Points in the window, none a special cause either way.</summary>
    NoSignal,

    /// <summary>A concern signal in the window.</summary>
    Concern,

    /// <summary>No points in the window.</summary>
    NoData,
}

/// <summary>
/// Reads a support episode's impact from the variations (on the receiver's XmR chart of the measure) of the points that
/// fall within two terms of the episode's start: no points is no data; otherwise the latest special cause decides
/// (improvement or concern), and none (or one on a measure with no better direction) is no signal.
/// </summary>
public static class ImpactReading
{
    /// <summary>The impact, from the variations of the points in the window in time order.</summary>
    public static ImpactSignal Of(IReadOnlyList<Spc.Variation> inWindow)
    {
        if (inWindow.Count == 0)
        {
            return ImpactSignal.NoData;
        }
        for (var i = inWindow.Count - 1; i >= 0; i--)
        {
            switch (inWindow[i])
            {
                case Spc.Variation.Improvement:
                    return ImpactSignal.Improvement;
                case Spc.Variation.Concern:
                    return ImpactSignal.Concern;
            }
        }
        return ImpactSignal.NoSignal;
    }
}
