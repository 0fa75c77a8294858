namespace Stepwise.Analytics.Surveys;

/// <summary>A change in a proportion between two survey runs with a two-proportion z-test (methods.md §5).</summary>
/// <param name="Before">Proportion (0–1) in the earlier run.</param>
/// <param name="After">Proportion (0–1) in the later run.</param>
/// <param name="Z">The pooled z statistic for After − Before.</param>
/// <param name="PValue">Two-sided p-value.</param>
public sealed record ProportionChangeResult(double Before, double After, double Z, double PValue)
{
    /// <summary>After − Before, as a proportion.</summary>
    public double Difference => After - Before;

    /// <summary>True when the two-sided p-value is below <paramref name="alpha"/> (default 0.05).</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;
}
