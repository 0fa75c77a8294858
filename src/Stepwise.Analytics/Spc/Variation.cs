namespace Stepwise.Analytics.Spc;

/// <summary>The Making Data Count variation class of a point (methods.md §4.1).</summary>
public enum Variation
{
    /// <summary>Common-cause variation: no rule fired. Code "common".</summary>
    Common,

    /// <summary>Special cause in the better direction given the metric's polarity. Code "improvement".</summary>
    Improvement,

    /// <summary>Special cause in the worse direction given the metric's polarity. Code "concern".</summary>
    Concern,

    /// <summary>Special cause on a metric with no better direction. Code "neutral".</summary>
    Neutral,
}
