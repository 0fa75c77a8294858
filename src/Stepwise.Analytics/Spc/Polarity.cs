namespace Stepwise.Analytics.Spc;

/// <summary>Which direction of a metric is better (NHSRplotthedots' <c>improvement_direction</c>, methods.md §4.1).</summary>
public enum Polarity
{
    /// <summary>Neither direction is better: signals are reported as <see cref="Variation.Neutral"/>.</summary>
    Neutral = 0,

    /// <summary>Higher is better (NHSRplotthedots "increase").</summary>
    Up = 1,

    /// <summary>Lower is better (NHSRplotthedots "decrease").</summary>
    Down = -1,
}
