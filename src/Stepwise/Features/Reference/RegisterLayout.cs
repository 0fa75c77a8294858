namespace Stepwise.Features.Reference;

/// <summary>
/// A file of schools that fills the school register, and where each field is in it (by header name). The register
/// itself (Get Information About Schools) and the school census (one row per school in England, January) both fill
/// it; a field the file does not have is null here and keeps what the register already says.
/// </summary>
public sealed record RegisterLayout(string Kind, string Describes, string Urn, string Name, string LaCode)
{
    public int? Year { get; init; }

    /// <summary>A file too large to read again to say it was imported before: the report comes from the earlier import's record.</summary>
    public bool Large { get; init; }
    public string? LaName { get; init; }
    public string? Type { get; init; }
    public string? Phase { get; init; }
    public string? Status { get; init; }
    public string? Region { get; init; }
    public string? Postcode { get; init; }
    public string? Pupils { get; init; }
    public string? FreeSchoolMeals { get; init; }
    public string? Eal { get; init; }
    public string? Trust { get; init; }
    public string? OpenDate { get; init; }
    public string? CloseDate { get; init; }

    /// <summary>Turns the file's phase into the register's words ("State-funded secondary" is "Secondary").</summary>
    public Func<string?, string?, string?> PhaseOf { get; init; } = (phase, _) => phase;

    public IReadOnlyList<string> Required => [Urn, Name, LaCode];

    public IReadOnlySet<string> Columns => new[] { Urn, Name, LaCode, LaName, Type, Phase, Status, Region, Postcode, Pupils, FreeSchoolMeals, Eal, Trust, OpenDate, CloseDate }
        .OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Copies into <paramref name="incoming"/> what this layout does not hold, from what the register knows.</summary>
    public void KeepUnknown(ReferenceSchool known, ReferenceSchool incoming)
    {
        if (Status is null) { incoming.Status = known.Status; }
        if (Postcode is null) { incoming.Postcode = known.Postcode; }
        if (OpenDate is null) { incoming.OpenedOn = known.OpenedOn; }
        if (CloseDate is null) { incoming.ClosedOn = known.ClosedOn; }
        if (Eal is null) { incoming.PercentEal = known.PercentEal; }
        if (Region is null) { incoming.Region = known.Region; }
        if (Trust is null) { incoming.Trust = known.Trust; }
    }

    /// <summary>A Get Information About Schools establishment extract.</summary>
    public static readonly RegisterLayout Gias = new(ImportRegister.Kind, "a Get Information About Schools extract", "URN", "EstablishmentName", "LA (code)")
    {
        LaName = "LA (name)", Type = "TypeOfEstablishment (name)", Phase = "PhaseOfEducation (name)", Status = "EstablishmentStatus (name)",
        Region = "GOR (name)", Postcode = "Postcode", Pupils = "NumberOfPupils", FreeSchoolMeals = "PercentageFSM", Trust = "Trusts (name)",
        OpenDate = "OpenDate", CloseDate = "CloseDate",
    };

    /// <summary>
    /// The school census's school-level file (Schools, pupils and their characteristics, January 2023): every school in
    /// England. It has no status (every school in it was open in January 2023), no SEN and no postcode columns used here.
    /// </summary>
    public static readonly RegisterLayout Census2023 = new("school-census", "the school census's school-level file (spc_school_level_underlying_data)",
        "urn", "school_name", "old_la_code")
    {
        Year = 2023, Large = true, LaName = "la_name", Type = "typeofestablishment_name", Phase = "phase_type_grouping", Region = "region_name",
        Pupils = "headcount of pupils", FreeSchoolMeals = "% of pupils known to be eligible for free school meals",
        Eal = "% of pupils whose first language is known or believed to be other than English", Trust = "trust",
        PhaseOf = CensusPhase,
    };

    public static readonly IReadOnlyList<RegisterLayout> All = [Gias, Census2023];

    /// <summary>The census's phase grouping in the register's words; a 16 to 19 free school or academy is "16 plus", as the register says.</summary>
    private static string? CensusPhase(string? grouping, string? type)
    {
        if (type is not null && (type.Contains("16 to 19", StringComparison.OrdinalIgnoreCase) || type.Contains("16-19", StringComparison.Ordinal)))
        {
            return "16 plus";
        }
        return grouping?.ToLowerInvariant() switch
        {
            "state-funded primary" => "Primary",
            "state-funded secondary" => "Secondary",
            "state-funded nursery" => "Nursery",
            "state-funded special school" or "non-maintained special school" => "Not applicable",
            "state-funded ap school" => "Not applicable",
            "independent school" => "Not applicable",
            _ => grouping,
        };
    }
}
