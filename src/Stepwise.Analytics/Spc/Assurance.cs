namespace Stepwise.Analytics.Spc;

/// <summary>
/// The Making Data Count assurance result of the latest limits against a target (NHSRplotthedots
/// <c>ptd_calculate_assurance_type</c>, methods.md §4.1).
/// </summary>
public enum Assurance
{
    /// <summary>No target, a neutral metric, or no limits to judge by. Code "none".</summary>
    None,

    /// <summary>The whole process range is on the good side of the target. Code "pass".</summary>
    ConsistentPass,

    /// <summary>The whole process range is on the bad side of the target. Code "fail".</summary>
    ConsistentFail,

    /// <summary>The target lies within the process limits: it will sometimes be met, sometimes not. Code "inconsistent".</summary>
    Inconsistent,
}
