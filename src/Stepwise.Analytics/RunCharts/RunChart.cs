using Stepwise.Analytics.Numerics;

namespace Stepwise.Analytics.RunCharts;

/// <summary>
/// Run-chart analysis for short series (methods.md §4.2): median centre line; IHI shift (≥ 6), trend (≥ 5) and
/// number-of-runs rules with exact limits; Anhøj's longest-run and crossings rules as in qicharts2.
/// </summary>
public static class RunChart
{
    /// <summary>IHI shift: this many useful points on one side of the median.</summary>
    public const int ShiftLength = 6;

    /// <summary>IHI trend: this many points each higher (or lower) than the previous, repeats counted once.</summary>
    public const int TrendLength = 5;

    /// <summary>Analyses a series; an empty series gives an empty result without error.</summary>
    /// <param name="values">The series in time order; every value must be finite.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static RunChartResult Analyse(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Run-chart values must be finite numbers.", nameof(values));
            }
        }

        var n = values.Length;
        if (n == 0)
        {
            return new RunChartResult([], null, 0, 0, 0, 0, false, false, null, false, false, null, null, false, false);
        }

        var median = Descriptive.Median(values);
        var side = new int[n];
        for (var i = 0; i < n; i++)
        {
            side[i] = Math.Sign(values[i] - median);
        }

        // Runs, crossings and shifts over the useful points only: points on the median neither count nor break.
        var inShift = new bool[n];
        var useful = 0;
        var runs = 0;
        var longest = 0;
        var previousSide = 0;
        var runLength = 0;
        var runMembers = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (side[i] == 0)
            {
                continue;
            }

            useful++;
            if (side[i] != previousSide)
            {
                FlagShift(runMembers, inShift);
                runMembers.Clear();
                runs++;
                runLength = 0;
                previousSide = side[i];
            }

            runLength++;
            runMembers.Add(i);
            longest = Math.Max(longest, runLength);
        }

        FlagShift(runMembers, inShift);
        var crossings = Math.Max(0, runs - 1);

        var inTrend = Trends(values);
        var points = new RunChartPoint[n];
        for (var i = 0; i < n; i++)
        {
            points[i] = new RunChartPoint(i, values[i], side[i], inShift[i], inTrend[i]);
        }

        var limits = RunsLimits.For(useful);
        int? longestLimit = useful > 0 ? (int)Math.Round(Math.Log2(useful), MidpointRounding.ToEven) + 3 : null;
        int? minCrossings = useful > 0 ? Binomial.Quantile(0.05, useful - 1, 0.5) : null;
        return new RunChartResult(
            points,
            median,
            useful,
            runs,
            crossings,
            longest,
            inShift.Any(b => b),
            inTrend.Any(b => b),
            limits,
            limits is { } l1 && runs < l1.Lower,
            limits is { } l2 && runs > l2.Upper,
            longestLimit,
            minCrossings,
            longestLimit is { } ll && longest > ll,
            minCrossings is { } mc && crossings < mc);
    }

    private static void FlagShift(List<int> members, bool[] inShift)
    {
        if (members.Count >= ShiftLength)
        {
            foreach (var i in members)
            {
                inShift[i] = true;
            }
        }
    }

    /// <summary>Points in a run of ≥ 5 strictly rising (or falling) distinct values; repeated values count once.</summary>
    internal static bool[] Trends(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var result = new bool[n];

        // Collapse repeats: block b covers original indices [blockStart[b], blockStart[b + 1]).
        var blockStart = new List<int>();
        var blockValue = new List<double>();
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || values[i] != values[i - 1])
            {
                blockStart.Add(i);
                blockValue.Add(values[i]);
            }
        }

        blockStart.Add(n);
        var blocks = blockValue.Count;
        var b0 = 0;
        while (b0 < blocks - 1)
        {
            var step = Math.Sign(blockValue[b0 + 1] - blockValue[b0]);
            var b1 = b0 + 1;
            while (b1 + 1 < blocks && Math.Sign(blockValue[b1 + 1] - blockValue[b1]) == step)
            {
                b1++;
            }

            if (b1 - b0 + 1 >= TrendLength)
            {
                for (var i = blockStart[b0]; i < blockStart[b1 + 1]; i++)
                {
                    result[i] = true;
                }
            }

            b0 = b1;
        }

        return result;
    }
}
