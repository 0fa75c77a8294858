namespace Stepwise.Analytics.Gaps;

/// <summary>Centre and spread of one group's scores (methods.md §1; issue 5 "raising the bar, narrowing the gap").</summary>
/// <param name="N">Number of values.</param>
/// <param name="Mean">Mean; null when N = 0.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1); null when N &lt; 2.</param>
/// <param name="LowerQuartile">25th percentile (type 7, see <see cref="Numerics.Descriptive.Quantile"/>); null when N = 0.</param>
/// <param name="Median">Median; null when N = 0.</param>
/// <param name="UpperQuartile">75th percentile (type 7); null when N = 0.</param>
public sealed record SpreadResult(
    int N,
    double? Mean,
    double? StandardDeviation,
    double? LowerQuartile,
    double? Median,
    double? UpperQuartile)
{
    /// <summary>Inter-quartile range, upper minus lower quartile; null when N = 0.</summary>
    public double? InterQuartileRange => UpperQuartile - LowerQuartile;
}
