namespace Stepwise.Analytics.Gaps;

/// <summary>A difference in means, first group minus second, with a Welch confidence interval (methods.md §1).</summary>
/// <param name="NFirst">Size of the first group.</param>
/// <param name="NSecond">Size of the second group.</param>
/// <param name="MeanFirst">Mean of the first group; null when it is empty.</param>
/// <param name="MeanSecond">Mean of the second group; null when it is empty.</param>
/// <param name="Difference">MeanFirst − MeanSecond; null when either group is empty.</param>
/// <param name="StandardError">√(s₁²/n₁ + s₂²/n₂); null when either group has fewer than two values.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom; null when the interval is undefined.</param>
/// <param name="Confidence">The confidence level, e.g. 0.95.</param>
/// <param name="Low">Lower bound of the interval; null when undefined.</param>
/// <param name="High">Upper bound of the interval; null when undefined.</param>
public sealed record MeanDifferenceResult(
    int NFirst,
    int NSecond,
    double? MeanFirst,
    double? MeanSecond,
    double? Difference,
    double? StandardError,
    double? DegreesOfFreedom,
    double Confidence,
    double? Low,
    double? High);
