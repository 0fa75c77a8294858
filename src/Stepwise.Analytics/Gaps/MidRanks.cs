namespace Stepwise.Analytics.Gaps;

/// <summary>Ranking with ties, as the DfE disadvantage gap index needs (methods.md §1.1 step 1).</summary>
public static class MidRanks
{
    /// <summary>
    /// Ascending 1-based ranks (the lowest value has rank 1); tied values share the mean of the ranks they span
    /// ("mid-ranks"), e.g. [100, 100, 90] → [2.5, 2.5, 1].
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = values.ToArray();
        Array.Sort(keys, order);
        var ranks = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && keys[end + 1] == keys[start])
            {
                end++;
            }

            // Positions start..end (0-based) hold ranks start+1..end+1; their mean is (start + end)/2 + 1.
            var mid = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = mid;
            }

            start = end + 1;
        }

        return ranks;
    }
}
