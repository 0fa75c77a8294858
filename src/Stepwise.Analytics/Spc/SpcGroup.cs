namespace Stepwise.Analytics.Spc;

/// <summary>
/// One group (segment between rebases) of an XmR chart with its centre line and limits (methods.md §4.1). Limit fields
/// are null when the baseline has fewer than two points (no moving range exists).
/// </summary>
/// <param name="Index">Zero-based group number.</param>
/// <param name="Start">Index of the group's first point in the series.</param>
/// <param name="Count">Number of points in the group.</param>
/// <param name="BaselineCount">Number of points the mean and limits are computed from.</param>
/// <param name="Mean">Mean of the baseline points.</param>
/// <param name="MovingRangeMean">mR̄: mean moving range of the baseline, after screening if enabled.</param>
/// <param name="UpperProcessLimit">Mean + 2.66 × mR̄.</param>
/// <param name="LowerProcessLimit">Mean − 2.66 × mR̄.</param>
/// <param name="UpperTwoSigma">Mean + (2/3)·2.66 × mR̄.</param>
/// <param name="LowerTwoSigma">Mean − (2/3)·2.66 × mR̄.</param>
/// <param name="MovingRangeUpperLimit">Upper limit of the moving-range chart, 3.267 × mR̄.</param>
/// <param name="ScreenedMovingRanges">How many baseline moving ranges were screened out of mR̄.</param>
/// <param name="TrialLimits">True when the limits rest on fewer than 12 points (NHSRplotthedots' short-group warning).</param>
public sealed record SpcGroup(
    int Index,
    int Start,
    int Count,
    int BaselineCount,
    double Mean,
    double? MovingRangeMean,
    double? UpperProcessLimit,
    double? LowerProcessLimit,
    double? UpperTwoSigma,
    double? LowerTwoSigma,
    double? MovingRangeUpperLimit,
    int ScreenedMovingRanges,
    bool TrialLimits);
