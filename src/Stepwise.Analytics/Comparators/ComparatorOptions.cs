namespace Stepwise.Analytics.Comparators;

/// <summary>Options for comparator sets (methods.md §3.2); the defaults reproduce the DfE FBIT method.</summary>
public sealed record ComparatorOptions
{
    /// <summary>The DfE mainstream method.</summary>
    public static ComparatorOptions Default { get; } = new();

    /// <summary>The DfE special-school method.</summary>
    public static ComparatorOptions Special { get; } = new() { IsSpecialPhase = true, Weights = ComparatorWeights.DfeSpecial };

    /// <summary>
    /// Use the special-school distance √(wₚ·d_pupils + w_f·d_FSM) + √(Σ d over the 10 primary needs) instead of
    /// √(wₚ·d_pupils + w_f·d_FSM + wₛ·d_SEN). Default false.
    /// </summary>
    public bool IsSpecialPhase { get; init; }

    /// <summary>Distance weights; default <see cref="ComparatorWeights.Dfe"/>.</summary>
    public ComparatorWeights Weights { get; init; } = ComparatorWeights.Dfe;

    /// <summary>How many nearest schools are considered before preferences are applied (FBIT: 60).</summary>
    public int NearestCount { get; init; } = 60;

    /// <summary>The final set size including the school itself (FBIT: 30).</summary>
    public int SetSize { get; init; } = 30;

    /// <summary>Maximum threads for <see cref="ComparatorSets.BuildAll"/>; null lets .NET decide.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        Weights.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(SetSize, 1, nameof(SetSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(NearestCount, SetSize - 1, nameof(NearestCount));
    }
}
