namespace Stepwise.Analytics.Spc;

/// <summary>Stable lower-case codes for the SPC enums, as used in JSON output (issue 5).</summary>
public static class SpcCodes
{
    /// <summary>"outside-limits", "trend", "two-of-three" or "shift"; null for no rule.</summary>
    public static string? ToCode(this SpcRule? rule) => rule switch
    {
        null => null,
        SpcRule.OutsideLimits => "outside-limits",
        SpcRule.Trend => "trend",
        SpcRule.TwoOfThree => "two-of-three",
        SpcRule.Shift => "shift",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>"improvement", "concern", "neutral" or "common".</summary>
    public static string ToCode(this Variation variation) => variation switch
    {
        Variation.Common => "common",
        Variation.Improvement => "improvement",
        Variation.Concern => "concern",
        Variation.Neutral => "neutral",
        _ => throw new ArgumentOutOfRangeException(nameof(variation)),
    };

    /// <summary>"pass", "fail", "inconsistent" or "none".</summary>
    public static string ToCode(this Assurance assurance) => assurance switch
    {
        Assurance.None => "none",
        Assurance.ConsistentPass => "pass",
        Assurance.ConsistentFail => "fail",
        Assurance.Inconsistent => "inconsistent",
        _ => throw new ArgumentOutOfRangeException(nameof(assurance)),
    };

    /// <summary>"up", "down" or "neutral".</summary>
    public static string ToCode(this Polarity polarity) => polarity switch
    {
        Polarity.Up => "up",
        Polarity.Down => "down",
        Polarity.Neutral => "neutral",
        _ => throw new ArgumentOutOfRangeException(nameof(polarity)),
    };

    /// <summary>Parses "up", "down" or "neutral" (case-insensitive; also "increase"/"decrease"); null if unknown.</summary>
    public static Polarity? ParsePolarity(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "up" or "increase" or "higher" => Polarity.Up,
        "down" or "decrease" or "lower" => Polarity.Down,
        "neutral" or "none" => Polarity.Neutral,
        _ => null,
    };
}
