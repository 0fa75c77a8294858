namespace Stepwise.Analytics.RunCharts;

/// <summary>One point of a run chart (methods.md §4.2).</summary>
/// <param name="Index">Zero-based position in the series.</param>
/// <param name="Value">The observed value.</param>
/// <param name="Side">+1 above the median, −1 below, 0 on it (not a useful observation).</param>
/// <param name="InShift">Part of a run of 6 or more useful points on one side of the median.</param>
/// <param name="InTrend">Part of 5 or more points each higher (or each lower) than the last, repeats counted once.</param>
public sealed record RunChartPoint(int Index, double Value, int Side, bool InShift, bool InTrend);
