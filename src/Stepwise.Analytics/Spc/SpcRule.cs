namespace Stepwise.Analytics.Spc;

/// <summary>
/// The four Making Data Count special-cause rules (methods.md §4.1). When a point meets several, it is labelled with
/// the first in precedence order: outside limits, trend, two of three, shift.
/// </summary>
public enum SpcRule
{
    /// <summary>A point above the upper or below the lower process limit. Code "outside-limits".</summary>
    OutsideLimits,

    /// <summary>Part of 7 consecutive points each higher (or each lower) than the previous. Code "trend".</summary>
    Trend,

    /// <summary>
    /// Beyond the 2σ line (but within the limits) in a run of three points, all on the same side of the mean, of
    /// which at least two are beyond that line. Code "two-of-three".
    /// </summary>
    TwoOfThree,

    /// <summary>Part of 7 or more consecutive points on the same side of the mean. Code "shift".</summary>
    Shift,
}
