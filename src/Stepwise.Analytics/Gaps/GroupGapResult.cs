namespace Stepwise.Analytics.Gaps;

/// <summary>
/// Everything the gaps page and <c>stepwise analyse gap</c> show for one group against the rest (issue 5): the gap
/// index, the mean gap (others − group) with its 95% interval, and each side's spread. The convenience properties
/// map one-to-one onto the command's JSON (<c>n</c>, <c>nDisadvantaged</c>, <c>gapIndex</c>, <c>meanGap</c>,
/// <c>meanGapLow</c>, <c>meanGapHigh</c>).
/// </summary>
/// <param name="Ranks">The rank-based gap index with the mean ranks behind it.</param>
/// <param name="MeanDifference">mean(others) − mean(group) with a Welch interval: positive when the group scores lower.</param>
/// <param name="Group">Spread of the group's scores.</param>
/// <param name="Others">Spread of everyone else's scores.</param>
public sealed record GroupGapResult(GapIndexResult Ranks, MeanDifferenceResult MeanDifference, SpreadResult Group, SpreadResult Others)
{
    /// <summary>Pupils compared.</summary>
    public int N => Ranks.N;

    /// <summary>Pupils in the group of interest.</summary>
    public int NDisadvantaged => Ranks.NDisadvantaged;

    /// <summary>The gap index (0 = no gap, 10 = the group fills the bottom ranks); null if a side is empty.</summary>
    public double? GapIndex => Ranks.Index;

    /// <summary>mean(others) − mean(group); null if a side is empty.</summary>
    public double? MeanGap => MeanDifference.Difference;

    /// <summary>Lower bound of the mean gap's interval; null when a side has fewer than two pupils.</summary>
    public double? MeanGapLow => MeanDifference.Low;

    /// <summary>Upper bound of the mean gap's interval; null when a side has fewer than two pupils.</summary>
    public double? MeanGapHigh => MeanDifference.High;
}
