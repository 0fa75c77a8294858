using Stepwise.Analytics.Spc;

namespace Stepwise.Features.Reference;

/// <summary>A published measure in the metric catalogue: what it is, its unit, and whether higher is better.</summary>
public sealed record MeasureDefinition(string Key, string Name, string Unit, Polarity Polarity, string Source, string Column);

/// <summary>What a national file holds: which column says what kind of row it is, and which columns are measures.</summary>
public sealed record FileLayout(
    string Kind, string Source, string? RecordTypeColumn, IReadOnlyDictionary<string, RecordType> RecordTypes,
    string UrnColumn, string LaColumn, string? NameColumn, IReadOnlyList<MeasureDefinition> Measures)
{
    /// <summary>The column giving a school's type of establishment ("State-funded special school"), where the file has one.</summary>
    public string? SchoolTypeColumn { get; init; }
}

/// <summary>
/// The DfE files Stepwise reads and the measures it takes from each, mapped by header name (the column sets
/// change from year to year, so never by position).
/// </summary>
public static class NationalMeasures
{
    private const string Ks2Source = "DfE school performance tables, key stage 2 (final)";
    private const string Ks4Source = "DfE school performance tables, key stage 4";
    private const string CensusSource = "DfE school census (spring)";
    private const string AbsenceSource = "DfE pupil absence in schools in England";

    // The meta files say: KS2 RECTYPE 1 mainstream, 2 special, 3 local authority, 4 and 5 England;
    // KS4 RECTYPE 1 mainstream, 2 special, 4 local authority, 5 England (all schools), 7 England (maintained).
    private static readonly Dictionary<string, RecordType> Ks2Types = new()
    {
        ["1"] = RecordType.School, ["2"] = RecordType.SpecialSchool, ["3"] = RecordType.LocalAuthority, ["4"] = RecordType.England, ["5"] = RecordType.England,
    };

    private static readonly Dictionary<string, RecordType> Ks4Types = new()
    {
        ["1"] = RecordType.School, ["2"] = RecordType.SpecialSchool, ["4"] = RecordType.LocalAuthority, ["5"] = RecordType.England, ["7"] = RecordType.England,
    };

    public static readonly FileLayout Ks2 = new("ks2", Ks2Source, "RECTYPE", Ks2Types, "URN", "LEA", "SCHNAME",
    [
        new("ks2.pupils", "Pupils at the end of key stage 2", "pupils", Polarity.Neutral, Ks2Source, "TELIG"),
        new("ks2.rwm-expected", "Reading, writing and maths: expected standard", "%", Polarity.Up, Ks2Source, "PTRWM_EXP"),
        new("ks2.rwm-higher", "Reading, writing and maths: higher standard", "%", Polarity.Up, Ks2Source, "PTRWM_HIGH"),
        new("ks2.rwm-expected-disadvantaged", "Reading, writing and maths: expected standard, disadvantaged pupils", "%", Polarity.Up, Ks2Source, "PTRWM_EXP_FSM6CLA1A"),
        new("ks2.rwm-expected-other", "Reading, writing and maths: expected standard, other pupils", "%", Polarity.Up, Ks2Source, "PTRWM_EXP_NotFSM6CLA1A"),
        new("ks2.reading-progress", "Reading progress", "progress score", Polarity.Up, Ks2Source, "READPROG"),
        new("ks2.writing-progress", "Writing progress", "progress score", Polarity.Up, Ks2Source, "WRITPROG"),
        new("ks2.maths-progress", "Maths progress", "progress score", Polarity.Up, Ks2Source, "MATPROG"),
        new("ks2.reading-average", "Reading: average scaled score", "scaled score", Polarity.Up, Ks2Source, "READ_AVERAGE"),
        new("ks2.maths-average", "Maths: average scaled score", "scaled score", Polarity.Up, Ks2Source, "MAT_AVERAGE"),
    ]);

    public static readonly FileLayout Ks4 = new("ks4", Ks4Source, "RECTYPE", Ks4Types, "URN", "LEA", "SCHNAME",
    [
        new("ks4.pupils", "Pupils at the end of key stage 4", "pupils", Polarity.Neutral, Ks4Source, "TPUP"),
        new("ks4.attainment-8", "Attainment 8", "score", Polarity.Up, Ks4Source, "ATT8SCR"),
        new("ks4.progress-8", "Progress 8", "progress score", Polarity.Up, Ks4Source, "P8MEA"),
        new("ks4.english-maths-4", "English and maths: grade 4 or above", "%", Polarity.Up, Ks4Source, "PTL2BASICS_94"),
        new("ks4.english-maths-5", "English and maths: grade 5 or above", "%", Polarity.Up, Ks4Source, "PTL2BASICS_95"),
        new("ks4.ebacc-aps", "EBacc average point score", "points", Polarity.Up, Ks4Source, "EBACCAPS"),
    ]);

    public static readonly FileLayout Census = new("census", CensusSource, null, new Dictionary<string, RecordType>(), "URN", "LA", null,
    [
        new("census.pupils", "Pupils on roll", "pupils", Polarity.Neutral, CensusSource, "NOR"),
        new("census.fsm-ever", "Eligible for free school meals in the last six years", "%", Polarity.Neutral, CensusSource, "PNUMFSMEVER"),
        new("census.sen-support", "SEN support", "%", Polarity.Neutral, CensusSource, "PSENELK"),
        new("census.ehc-plan", "EHC plan", "%", Polarity.Neutral, CensusSource, "PSENELSE"),
        new("census.eal", "English as an additional language", "%", Polarity.Neutral, CensusSource, "PNUMEAL"),
    ])
    {
        SchoolTypeColumn = "SCHOOLTYPE",
    };

    public static readonly FileLayout Absence = new("absence", AbsenceSource, null, new Dictionary<string, RecordType>(), "URN", "LA", null,
    [
        new("absence.overall", "Overall absence", "% of sessions", Polarity.Down, AbsenceSource, "PERCTOT"),
        new("absence.persistent", "Persistent absence (10% or more)", "% of pupils", Polarity.Down, AbsenceSource, "PPERSABS10"),
    ]);

    public static readonly IReadOnlyList<FileLayout> Layouts = [Ks2, Ks4, Census, Absence];
}
