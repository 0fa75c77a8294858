namespace Stepwise.Analytics.Spc;

/// <summary>One point of an XmR chart with the limits of its group and its special-cause label (methods.md §4.1).</summary>
/// <param name="Index">Zero-based position in the series.</param>
/// <param name="Value">The observed value.</param>
/// <param name="Group">Zero-based group (rebase segment) the point belongs to.</param>
/// <param name="Mean">The centre line of the group.</param>
/// <param name="MovingRange">|xᵢ − xᵢ₋₁| within the group; null for the group's first point.</param>
/// <param name="UpperProcessLimit">Mean + 2.66 × mR̄; null when the group's baseline has fewer than two points.</param>
/// <param name="LowerProcessLimit">Mean − 2.66 × mR̄; null when the group's baseline has fewer than two points.</param>
/// <param name="UpperTwoSigma">Mean + (2/3)·2.66 × mR̄ (the "near" line); null without limits.</param>
/// <param name="LowerTwoSigma">Mean − (2/3)·2.66 × mR̄; null without limits.</param>
/// <param name="Rule">The rule that labels the point (highest precedence), or null for common cause.</param>
/// <param name="Variation">Improvement, concern, neutral (signal on a neutral metric) or common.</param>
public sealed record SpcPoint(
    int Index,
    double Value,
    int Group,
    double Mean,
    double? MovingRange,
    double? UpperProcessLimit,
    double? LowerProcessLimit,
    double? UpperTwoSigma,
    double? LowerTwoSigma,
    SpcRule? Rule,
    Variation Variation)
{
    /// <summary>The rule as a JSON code: null, "outside-limits", "trend", "two-of-three" or "shift".</summary>
    public string? RuleCode => Rule.ToCode();

    /// <summary>The variation as a JSON code: "improvement", "concern", "neutral" or "common".</summary>
    public string VariationCode => Variation.ToCode();

    /// <summary>True when any special-cause rule labels this point.</summary>
    public bool IsSignal => Rule is not null;
}
