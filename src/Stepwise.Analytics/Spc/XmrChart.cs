namespace Stepwise.Analytics.Spc;

/// <summary>
/// XmR (individuals and moving range) charts with the NHS England <i>Making Data Count</i> rules, a port of
/// NHSRplotthedots' <c>ptd_spc_standard</c>, <c>ptd_calculate_point_type</c> and
/// <c>ptd_calculate_assurance_type</c> (methods.md §4.1).
/// </summary>
public static class XmrChart
{
    /// <summary>Process limits sit at mean ± 2.66 × mR̄ (3 / d₂, d₂ = 1.128 for subgroups of two).</summary>
    public const double LimitFactor = 2.66;

    /// <summary>The 2σ ("near limit") lines sit at mean ± (2/3) × 2.66 × mR̄.</summary>
    public const double TwoSigmaFactor = 2.0 * LimitFactor / 3.0;

    /// <summary>The moving-range chart's upper limit is 3.267 × mR̄; moving ranges at or above it are screened.</summary>
    public const double MovingRangeLimitFactor = 3.267;

    /// <summary>Run length for the shift and trend rules (7 points).</summary>
    public const int RunLength = 7;

    /// <summary>Groups whose limits rest on fewer points than this have trial limits.</summary>
    public const int TrialLimitPoints = 12;

    /// <summary>
    /// Computes the chart. Empty series, a single point and all-equal values (mR̄ = 0) are handled without error: a
    /// group with one baseline point has no limits and no signals; with mR̄ = 0 the limits equal the mean and only a
    /// later, different value can fall outside them.
    /// </summary>
    /// <param name="values">The series in time order; every value must be finite and within ±10¹² (<see cref="Numerics.MeasuredValue"/>).</param>
    /// <param name="options">Polarity, target, baseline, rebasing and screening; <see cref="SpcOptions.Default"/> if null.</param>
    /// <exception cref="ArgumentException">A value is NaN, infinite or beyond ±10¹².</exception>
    /// <exception cref="ArgumentOutOfRangeException">BaselinePoints is below 1 or a rebase index is negative.</exception>
    public static SpcResult Analyse(ReadOnlySpan<double> values, SpcOptions? options = null)
    {
        options ??= SpcOptions.Default;
        Numerics.MeasuredValue.EnsureAccepted(values, nameof(values));

        if (options.BaselinePoints is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "BaselinePoints must be at least 1.");
        }

        if (options.RebaseAt.Any(i => i < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Rebase indices cannot be negative.");
        }

        var starts = new SortedSet<int> { 0 };
        foreach (var i in options.RebaseAt)
        {
            if (i > 0 && i < values.Length)
            {
                starts.Add(i);
            }
        }

        var points = new SpcPoint[values.Length];
        var groups = new List<SpcGroup>();
        if (values.Length > 0)
        {
            var startList = starts.ToArray();
            for (var g = 0; g < startList.Length; g++)
            {
                var start = startList[g];
                var end = g + 1 < startList.Length ? startList[g + 1] : values.Length;
                var group = ComputeGroup(g, start, values[start..end], options);
                groups.Add(group);
                LabelGroup(group, values[start..end], options.Polarity, points);
            }
        }

        return new SpcResult(points, groups, options.Polarity, options.Target, AssuranceOf(groups, options));
    }

    private static SpcGroup ComputeGroup(int index, int start, ReadOnlySpan<double> y, SpcOptions options)
    {
        var baselineCount = Math.Min(y.Length, options.BaselinePoints ?? y.Length);
        var baseline = y[..baselineCount];
        var mean = Numerics.Descriptive.Mean(baseline);
        var trial = baselineCount < TrialLimitPoints;
        if (baselineCount < 2)
        {
            return new SpcGroup(index, start, y.Length, baselineCount, mean, null, null, null, null, null, null, 0, trial);
        }

        var sum = 0.0;
        for (var i = 1; i < baselineCount; i++)
        {
            sum += Math.Abs(baseline[i] - baseline[i - 1]);
        }

        var ranges = baselineCount - 1;
        var amr = sum / ranges;
        var screened = 0;
        if (options.ScreenMovingRanges && amr > 0)
        {
            // As NHSRplotthedots: keep mR < 3.267 × mR̄, recompute mR̄ once. (With mR̄ = 0 there is nothing to screen.)
            var cut = MovingRangeLimitFactor * amr;
            var kept = 0.0;
            for (var i = 1; i < baselineCount; i++)
            {
                var mr = Math.Abs(baseline[i] - baseline[i - 1]);
                if (mr < cut)
                {
                    kept += mr;
                }
                else
                {
                    screened++;
                }
            }

            amr = kept / (ranges - screened);
        }

        return new SpcGroup(
            index,
            start,
            y.Length,
            baselineCount,
            mean,
            amr,
            mean + LimitFactor * amr,
            mean - LimitFactor * amr,
            mean + TwoSigmaFactor * amr,
            mean - TwoSigmaFactor * amr,
            MovingRangeLimitFactor * amr,
            screened,
            trial);
    }

    private static void LabelGroup(SpcGroup group, ReadOnlySpan<double> y, Polarity polarity, SpcPoint[] output)
    {
        var n = y.Length;
        var side = new int[n];
        var outside = new bool[n];
        var close = new bool[n];
        var hasLimits = group.UpperProcessLimit is not null;
        for (var i = 0; i < n; i++)
        {
            side[i] = Math.Sign(y[i] - group.Mean);
            if (hasLimits)
            {
                outside[i] = y[i] > group.UpperProcessLimit || y[i] < group.LowerProcessLimit;
                close[i] = !outside[i] && (y[i] < group.LowerTwoSigma || y[i] > group.UpperTwoSigma);
            }
        }

        var trend = hasLimits ? TrendDirections(y) : new int[n];
        var twoOfThree = hasLimits ? TwoOfThree(side, close) : new bool[n];
        var shift = hasLimits ? Shifts(side) : new bool[n];

        for (var i = 0; i < n; i++)
        {
            SpcRule? rule = null;
            var direction = 0;
            if (outside[i])
            {
                rule = SpcRule.OutsideLimits;
                direction = side[i];
            }
            else if (trend[i] != 0)
            {
                rule = SpcRule.Trend;
                direction = trend[i];
            }
            else if (twoOfThree[i])
            {
                rule = SpcRule.TwoOfThree;
                direction = side[i];
            }
            else if (shift[i])
            {
                rule = SpcRule.Shift;
                direction = side[i];
            }

            var variation = rule is null ? Variation.Common : Classify(direction, polarity);
            output[group.Start + i] = new SpcPoint(
                group.Start + i,
                y[i],
                group.Index,
                group.Mean,
                i == 0 ? null : Math.Abs(y[i] - y[i - 1]),
                group.UpperProcessLimit,
                group.LowerProcessLimit,
                group.UpperTwoSigma,
                group.LowerTwoSigma,
                rule,
                variation);
        }
    }

    private static Variation Classify(int direction, Polarity polarity)
    {
        if (polarity == Polarity.Neutral)
        {
            return Variation.Neutral;
        }

        // direction is never 0 for a signalled point: outside, two-of-three and shift points are off the mean
        // (with mR̄ = 0, "outside" means different from the mean); trend points carry the trend's direction.
        return direction * (int)polarity > 0 ? Variation.Improvement : Variation.Concern;
    }

    /// <summary>
    /// +1 / −1 for points in a run of at least 7 points each strictly higher / lower than the previous; 0 otherwise.
    /// A point ending one trend and starting the opposite one takes the later trend's direction, as NHSRplotthedots
    /// ("if a point is part of a trend either side, use right side").
    /// </summary>
    internal static int[] TrendDirections(ReadOnlySpan<double> y)
    {
        var n = y.Length;
        var result = new int[n];
        var i = 0;
        while (i < n - 1)
        {
            var step = Math.Sign(y[i + 1] - y[i]);
            if (step == 0)
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j + 1 < n && Math.Sign(y[j + 1] - y[j]) == step)
            {
                j++;
            }

            if (j - i + 1 >= RunLength)
            {
                for (var k = i; k <= j; k++)
                {
                    result[k] = step;
                }
            }

            i = j;
        }

        return result;
    }

    /// <summary>Points in a run of at least 7 consecutive points on the same side of the mean (on the mean breaks it).</summary>
    internal static bool[] Shifts(ReadOnlySpan<int> side)
    {
        var n = side.Length;
        var result = new bool[n];
        var i = 0;
        while (i < n)
        {
            if (side[i] == 0)
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < n && side[j + 1] == side[i])
            {
                j++;
            }

            if (j - i + 1 >= RunLength)
            {
                for (var k = i; k <= j; k++)
                {
                    result[k] = true;
                }
            }

            i = j + 1;
        }

        return result;
    }

    /// <summary>
    /// Points beyond a 2σ line (within the limits) that lie in a window of three consecutive points, all on the same
    /// side of the mean, at least two of which are beyond the 2σ line (NHSRplotthedots <c>ptd_two_in_three</c>).
    /// </summary>
    internal static bool[] TwoOfThree(ReadOnlySpan<int> side, ReadOnlySpan<bool> close)
    {
        var n = side.Length;
        var result = new bool[n];
        for (var s = 0; s + 2 < n; s++)
        {
            var sameSide = side[s] != 0 && side[s] == side[s + 1] && side[s] == side[s + 2];
            var closeCount = (close[s] ? 1 : 0) + (close[s + 1] ? 1 : 0) + (close[s + 2] ? 1 : 0);
            if (sameSide && closeCount >= 2)
            {
                for (var k = s; k <= s + 2; k++)
                {
                    result[k] |= close[k];
                }
            }
        }

        return result;
    }

    private static Assurance AssuranceOf(List<SpcGroup> groups, SpcOptions options)
    {
        if (options.Target is not { } target || options.Polarity == Polarity.Neutral || groups.Count == 0)
        {
            return Assurance.None;
        }

        var last = groups[^1];
        if (last.UpperProcessLimit is not { } upl || last.LowerProcessLimit is not { } lpl)
        {
            return Assurance.None;
        }

        var up = options.Polarity == Polarity.Up;
        if (target > upl)
        {
            return up ? Assurance.ConsistentFail : Assurance.ConsistentPass;
        }

        if (target < lpl)
        {
            return up ? Assurance.ConsistentPass : Assurance.ConsistentFail;
        }

        return Assurance.Inconsistent;
    }
}
