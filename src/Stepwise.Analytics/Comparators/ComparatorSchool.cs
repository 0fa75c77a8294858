namespace Stepwise.Analytics.Comparators;

/// <summary>
/// One school of a phase with the inputs of the DfE FBIT pupil comparator set (methods.md §3.2). Missing numeric
/// inputs (null) are filled with the phase median before distances are computed.
/// </summary>
public sealed record ComparatorSchool
{
    /// <summary>Creates a school with its URN (or any unique identifier).</summary>
    public ComparatorSchool(string urn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urn);
        Urn = urn;
    }

    /// <summary>Unique reference number.</summary>
    public string Urn { get; }

    /// <summary>Number of pupils (headcount).</summary>
    public double? Pupils { get; init; }

    /// <summary>Percentage of pupils known to be eligible for free school meals (0–100).</summary>
    public double? FsmPercent { get; init; }

    /// <summary>Percentage of pupils with SEN: (EHC plan + SEN support) / pupils × 100.</summary>
    public double? SenPercent { get; init; }

    /// <summary>
    /// Special schools only: the percentages of pupils by primary need, in the order of
    /// <see cref="ComparatorSets.PrimaryNeeds"/> (SPLD, MLD, PMLD, SEMH, SLCN, HI, MSI, PD, ASD, OTH); null entries
    /// (or a null list) are filled with the phase median.
    /// </summary>
    public IReadOnlyList<double?>? PrimaryNeedPercents { get; init; }

    /// <summary>Government office region; schools in the same region are preferred.</summary>
    public string? Region { get; init; }

    /// <summary>Whether the school is PFI-funded, where known; a PFI school prefers PFI comparators.</summary>
    public bool? Pfi { get; init; }

    /// <summary>Whether the school takes boarders, where known (unknown counts as not boarding, as FBIT).</summary>
    public bool? Boarding { get; init; }

    /// <summary>
    /// False to keep the school out of other schools' sets (FBIT: part-year data or no submission); it still gets a
    /// set of its own. Default true.
    /// </summary>
    public bool CanBeComparator { get; init; } = true;
}
