namespace Stepwise.Analytics.Spc;

/// <summary>Options for an XmR chart (methods.md §4.1; NHSRplotthedots <c>ptd_spc_options</c>).</summary>
public sealed record SpcOptions
{
    /// <summary>The default options: neutral polarity, no target, no baseline, no rebasing, screening on.</summary>
    public static SpcOptions Default { get; } = new();

    /// <summary>Which direction is better; decides improvement or concern. Default <see cref="Polarity.Neutral"/>.</summary>
    public Polarity Polarity { get; init; } = Polarity.Neutral;

    /// <summary>An optional target, judged against the latest group's limits (<see cref="Assurance"/>).</summary>
    public double? Target { get; init; }

    /// <summary>
    /// Fix the mean and limits of each group after this many points (<c>fix_after_n_points</c>); null uses every
    /// point of the group. Must be at least 1 when given.
    /// </summary>
    public int? BaselinePoints { get; init; }

    /// <summary>
    /// Zero-based indices at which a new group (new mean and limits) starts, e.g. after a change to the process.
    /// Indices of 0 or beyond the end of the series are ignored; duplicates count once.
    /// </summary>
    public IReadOnlyList<int> RebaseAt { get; init; } = [];

    /// <summary>
    /// Screen moving ranges of 3.267 × mR̄ or more out of mR̄ (once), as NHSRplotthedots does by default
    /// (<c>screen_outliers = TRUE</c>). Default true.
    /// </summary>
    public bool ScreenMovingRanges { get; init; } = true;
}
