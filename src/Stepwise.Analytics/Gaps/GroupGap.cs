namespace Stepwise.Analytics.Gaps;

/// <summary>Compares one group of pupils (disadvantaged, SEN, EAL, boys, girls…) with the rest (methods.md §1).</summary>
public static class GroupGap
{
    /// <summary>
    /// Computes the gap index, the mean gap others − group with a Welch interval at <paramref name="confidence"/>,
    /// and the spread of each side. Signs agree: both are positive when the group is behind.
    /// </summary>
    public static GroupGapResult Compare(ReadOnlySpan<double> scores, ReadOnlySpan<bool> inGroup, double confidence = 0.95)
    {
        var index = GapIndex.Compute(scores, inGroup);
        var group = new double[index.NDisadvantaged];
        var others = new double[index.N - index.NDisadvantaged];
        int g = 0, o = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (inGroup[i])
            {
                group[g++] = scores[i];
            }
            else
            {
                others[o++] = scores[i];
            }
        }

        return new GroupGapResult(index, MeanDifference.Welch(others, group, confidence), Spread.Describe(group), Spread.Describe(others));
    }
}
