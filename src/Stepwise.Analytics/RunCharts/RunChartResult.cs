namespace Stepwise.Analytics.RunCharts;

/// <summary>
/// A run chart with the IHI (Perla, Provost &amp; Murray 2011) rules and Anhøj's rules (methods.md §4.2).
/// </summary>
/// <param name="Points">One entry per input value.</param>
/// <param name="Median">The centre line; null for an empty series.</param>
/// <param name="UsefulObservations">Points not on the median.</param>
/// <param name="Runs">Runs among the useful points (crossings + 1; 0 if none).</param>
/// <param name="Crossings">Times consecutive useful points are on opposite sides of the median.</param>
/// <param name="LongestRun">Longest run of useful points on one side of the median.</param>
/// <param name="Shift">IHI shift: 6 or more consecutive useful points on one side of the median.</param>
/// <param name="Trend">IHI trend: 5 or more points each higher (or lower) than the last, repeats counted once.</param>
/// <param name="RunsLimits">Exact 5% limits (L, U) for the number of runs; null for fewer than two useful points.</param>
/// <param name="TooFewRuns">Runs &lt; L.</param>
/// <param name="TooManyRuns">Runs &gt; U.</param>
/// <param name="LongestRunLimit">Anhøj: round(log₂ N) + 3; a longer run is a signal. Null when N = 0.</param>
/// <param name="MinimumCrossings">Anhøj: qbinom(0.05, N − 1, 0.5); fewer crossings is a signal. Null when N = 0.</param>
/// <param name="LongestRunSignal">Anhøj: LongestRun &gt; LongestRunLimit.</param>
/// <param name="CrossingsSignal">Anhøj: Crossings &lt; MinimumCrossings.</param>
public sealed record RunChartResult(
    IReadOnlyList<RunChartPoint> Points,
    double? Median,
    int UsefulObservations,
    int Runs,
    int Crossings,
    int LongestRun,
    bool Shift,
    bool Trend,
    (int Lower, int Upper)? RunsLimits,
    bool TooFewRuns,
    bool TooManyRuns,
    int? LongestRunLimit,
    int? MinimumCrossings,
    bool LongestRunSignal,
    bool CrossingsSignal)
{
    /// <summary>Any IHI rule fired (shift, trend, too few or too many runs).</summary>
    public bool IhiSignal => Shift || Trend || TooFewRuns || TooManyRuns;

    /// <summary>Any Anhøj rule fired (unusually long run or unusually few crossings).</summary>
    public bool AnhojSignal => LongestRunSignal || CrossingsSignal;
}
