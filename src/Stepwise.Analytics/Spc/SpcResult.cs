namespace Stepwise.Analytics.Spc;

/// <summary>The result of <see cref="XmrChart.Analyse"/>: per-point labels, per-group limits and the assurance.</summary>
/// <param name="Points">One entry per input value, in order.</param>
/// <param name="Groups">One entry per group; empty for an empty series.</param>
/// <param name="Polarity">The polarity the variation was judged by.</param>
/// <param name="Target">The target, if any.</param>
/// <param name="Assurance">The assurance of the latest group's limits against the target.</param>
public sealed record SpcResult(
    IReadOnlyList<SpcPoint> Points,
    IReadOnlyList<SpcGroup> Groups,
    Polarity Polarity,
    double? Target,
    Assurance Assurance)
{
    /// <summary>The latest group (whose limits are current), or null for an empty series.</summary>
    public SpcGroup? Current => Groups.Count == 0 ? null : Groups[^1];

    /// <summary>Mean of the latest group; null for an empty series.</summary>
    public double? Mean => Current?.Mean;

    /// <summary>mR̄ of the latest group; null when it cannot be computed.</summary>
    public double? MovingRangeMean => Current?.MovingRangeMean;

    /// <summary>Upper process limit of the latest group.</summary>
    public double? UpperProcessLimit => Current?.UpperProcessLimit;

    /// <summary>Lower process limit of the latest group.</summary>
    public double? LowerProcessLimit => Current?.LowerProcessLimit;

    /// <summary>True when any group's limits are trial limits (fewer than 12 baseline points).</summary>
    public bool TrialLimits => Groups.Any(g => g.TrialLimits);

    /// <summary>The assurance as a code: "pass", "fail", "inconsistent" or "none".</summary>
    public string AssuranceCode => Assurance.ToCode();
}
