using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Stepwise.Analytics.Spc;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>
/// A file of England, regional and local-authority figures over several years (no school rows): what it is, the
/// measures it gives, and how its lines are read into <see cref="NationalRow"/>s with their year and stored area.
/// </summary>
public sealed record SeriesLayout(string Kind, string Source, string Describes, string FirstColumn, IReadOnlyList<MeasureDefinition> Measures,
    Func<TextReader, IEnumerable<(NationalRow? Row, RowProblem? Problem)>> Read);

/// <summary>
/// The DfE's multi-year files of national figures: the Local Authority Interactive Tool (LAIT, long format: one
/// indicator, year and area per line) and pupil attendance year to date (one area and phase per line). Their rows are
/// stored where a school's own figures find them (ADR 0076, 0079): England as <c>NAT-…</c>, a region as its LAIT
/// number and the same ending (<c>989-SEC</c>), a local authority as its code and that ending (<c>850-SEC</c>); the
/// ending is the phase for absence (PRI, SEC, SPE; none for all schools), 5 for KS2 and 7 for KS4 (state-funded
/// schools, as the performance tables number them).
/// </summary>
public static class NationalSeries
{
    private const string LaitSource = "DfE Local Authority Interactive Tool (LAIT)";
    private const string AttendanceSource = "DfE pupil attendance in schools (year to date)";

    /// <summary>LAIT's region numbers, by the names the register and the census use.</summary>
    public static readonly IReadOnlyDictionary<string, string> Regions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["North East"] = "980", ["North West"] = "981", ["Yorkshire and the Humber"] = "982", ["East Midlands"] = "983",
        ["West Midlands"] = "984", ["East of England"] = "985", ["London"] = "986", ["South East"] = "989", ["South West"] = "990",
    };

    /// <summary>The region's number (LAIT 980–990) from its name, or null when it is not a region of England.</summary>
    public static string? RegionCode(string? name) => name is not null && Regions.TryGetValue(name.Trim(), out var code) ? code : null;

    private sealed record Indicator(string Key, string Variant, string Name, string Unit, Polarity Polarity);

    private static readonly Dictionary<string, Indicator> LaitIndicators = new(StringComparer.Ordinal)
    {
        ["TotAbs"] = new("absence.overall", "", "Overall absence", "% of sessions", Polarity.Down),
        ["PriTotAbs"] = new("absence.overall", "PRI", "Overall absence", "% of sessions", Polarity.Down),
        ["SecTotAbs"] = new("absence.overall", "SEC", "Overall absence", "% of sessions", Polarity.Down),
        ["total_absence_special"] = new("absence.overall", "SPE", "Overall absence", "% of sessions", Polarity.Down),
        ["PriAuth"] = new("absence.authorised", "PRI", "Authorised absence", "% of sessions", Polarity.Down),
        ["SecAuth"] = new("absence.authorised", "SEC", "Authorised absence", "% of sessions", Polarity.Down),
        ["authorised_absence_special"] = new("absence.authorised", "SPE", "Authorised absence", "% of sessions", Polarity.Down),
        ["PriUnauth"] = new("absence.unauthorised", "PRI", "Unauthorised absence", "% of sessions", Polarity.Down),
        ["SecUnauth"] = new("absence.unauthorised", "SEC", "Unauthorised absence", "% of sessions", Polarity.Down),
        ["unauthorised_absence_special"] = new("absence.unauthorised", "SPE", "Unauthorised absence", "% of sessions", Polarity.Down),
        ["TotPerAbNew"] = new("absence.persistent", "", "Persistent absence (10% or more)", "% of pupils", Polarity.Down),
        ["SFPriPerAbNew"] = new("absence.persistent", "PRI", "Persistent absence (10% or more)", "% of pupils", Polarity.Down),
        ["SFSecPerAbNew"] = new("absence.persistent", "SEC", "Persistent absence (10% or more)", "% of pupils", Polarity.Down),
        ["SpecPerAbNew"] = new("absence.persistent", "SPE", "Persistent absence (10% or more)", "% of pupils", Polarity.Down),
        ["TotSevPerAbNew"] = new("absence.severe", "", "Severe absence (50% or more)", "% of pupils", Polarity.Down),
        ["SFPriSevPerAbNew"] = new("absence.severe", "PRI", "Severe absence (50% or more)", "% of pupils", Polarity.Down),
        ["SFSecSevPerAbNew"] = new("absence.severe", "SEC", "Severe absence (50% or more)", "% of pupils", Polarity.Down),
        ["SpecSevPerAbNew"] = new("absence.severe", "SPE", "Severe absence (50% or more)", "% of pupils", Polarity.Down),
        ["KS2RWM_Expected_STD"] = new("ks2.rwm-expected", "5", "Reading, writing and maths: expected standard", "%", Polarity.Up),
        ["KS2RWM_Higher_STD"] = new("ks2.rwm-higher", "5", "Reading, writing and maths: higher standard", "%", Polarity.Up),
        ["DAP_NEW_KS2_RWM"] = new("ks2.rwm-expected-disadvantaged", "5", "Reading, writing and maths: expected standard, disadvantaged pupils", "%", Polarity.Up),
        ["NonDAP_NEW_KS2_RWM"] = new("ks2.rwm-expected-other", "5", "Reading, writing and maths: expected standard, other pupils", "%", Polarity.Up),
        ["FSM_NEW_KS2_RWM"] = new("ks2.rwm-expected-fsm", "5", "Reading, writing and maths: expected standard, pupils eligible for free school meals", "%", Polarity.Up),
        ["NonFSM_NEW_KS2_RWM"] = new("ks2.rwm-expected-not-fsm", "5", "Reading, writing and maths: expected standard, pupils not eligible for free school meals", "%", Polarity.Up),
        ["NEW_KS2_RWM_Sen_W/Osta"] = new("ks2.rwm-expected-sen-support", "5", "Reading, writing and maths: expected standard, pupils with SEN support", "%", Polarity.Up),
        ["NEW_KS2_RWM_Sen_Withsta"] = new("ks2.rwm-expected-ehc-plan", "5", "Reading, writing and maths: expected standard, pupils with an EHC plan", "%", Polarity.Up),
        ["AVG_Attain8_Score"] = new("ks4.attainment-8", "7", "Attainment 8", "score", Polarity.Up),
        ["DAP_KS4_ATT8"] = new("ks4.attainment-8-disadvantaged", "7", "Attainment 8, disadvantaged pupils", "score", Polarity.Up),
        ["NonDAP_KS4_ATT8"] = new("ks4.attainment-8-other", "7", "Attainment 8, other pupils", "score", Polarity.Up),
        ["FSM_AVG_Attain8_Score"] = new("ks4.attainment-8-fsm", "7", "Attainment 8, pupils eligible for free school meals", "score", Polarity.Up),
        ["NonFSM_AVG_Attain8_Score"] = new("ks4.attainment-8-not-fsm", "7", "Attainment 8, pupils not eligible for free school meals", "score", Polarity.Up),
        ["SEN_WoStat_AVG_Attain8_Score"] = new("ks4.attainment-8-sen-support", "7", "Attainment 8, pupils with SEN support", "score", Polarity.Up),
        ["SEN_Stat_AVG_Attain8_Score"] = new("ks4.attainment-8-ehc-plan", "7", "Attainment 8, pupils with an EHC plan", "score", Polarity.Up),
        ["AVG_Prog8_Score"] = new("ks4.progress-8", "7", "Progress 8", "progress score", Polarity.Up),
    };

    private static readonly string[] LaitColumns = ["Short Desc", "Years", "Values", "LA Number"];

    public static readonly SeriesLayout Lait = new("lait", LaitSource, "a LAIT indicators file (Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region)",
        "Short Desc",
        [.. LaitIndicators.GroupBy(i => i.Value.Key).Select(g => new MeasureDefinition(g.Key, g.First().Value.Name, g.First().Value.Unit, g.First().Value.Polarity,
            LaitSource, string.Join(", ", g.Select(i => i.Key))))],
        ReadLait);

    private static readonly (string Column, string Key, string Name, string Unit)[] AttendanceMeasures =
    [
        ("overall_absence_perc", "attendance-ytd.overall", "Overall absence so far this year", "% of sessions"),
        ("pa_perc", "attendance-ytd.persistent", "Persistent absence so far this year (10% or more)", "% of pupils"),
    ];

    public static readonly SeriesLayout AttendanceYearToDate = new("attendance-ytd", AttendanceSource,
        "a pupil attendance year-to-date file (time_period, geographic_level, region_name, old_la_code, education_phase, overall_absence_perc, pa_perc)",
        "time_period",
        [.. AttendanceMeasures.Select(m => new MeasureDefinition(m.Key, m.Name, m.Unit, Polarity.Down, AttendanceSource, m.Column))],
        ReadAttendance);

    public static readonly IReadOnlyList<SeriesLayout> Layouts = [Lait, AttendanceYearToDate];

    private static CsvReader Csv(TextReader text) => new(text, new CsvConfiguration(CultureInfo.InvariantCulture)
    {
        MissingFieldFound = null, BadDataFound = null, DetectColumnCountChanges = false,
    });

    private static List<string> Header(CsvReader csv) => [.. csv.HeaderRecord!.Select(h => h.Trim().TrimStart('\uFEFF'))];

    /// <summary>
    /// LAIT's long file, streamed: only the indicators Stepwise uses are parsed (about 58,000 of its 641,070 lines).
    /// <c>Years</c> 2025 is 2024/25; <c>-</c> is a figure not published; doubles written at full precision are rounded
    /// to six decimal places.
    /// </summary>
    private static IEnumerable<(NationalRow?, RowProblem?)> ReadLait(TextReader text)
    {
        using var csv = Csv(text);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            yield return (null, new RowProblem(RowProblem.FileLine, "Short Desc", "", "the file is empty"));
            yield break;
        }
        var header = Header(csv);
        var missing = LaitColumns.Where(c => !header.Contains(c)).ToList();
        foreach (var column in missing)
        {
            yield return (null, new RowProblem(RowProblem.FileLine, column, "", $"the header has no \"{column}\" column: is this {Lait.Describes}?"));
        }
        if (missing.Count > 0)
        {
            yield break;
        }
        int desc = header.IndexOf("Short Desc"), years = header.IndexOf("Years"), values = header.IndexOf("Values"), number = header.IndexOf("LA Number");
        while (csv.Read())
        {
            var record = csv.Parser.Record ?? [];
            if (record.Length <= desc || !LaitIndicators.TryGetValue(record[desc], out var indicator))
            {
                continue;
            }
            var line = csv.Parser.RawRow;
            string Cell(int i) => i < record.Length ? record[i].Trim() : "";
            var problems = new List<RowProblem>();
            if (record.Length < header.Count)
            {
                problems.Add(RowProblem.CutShort(line, header, record.Length, LaitColumns));
            }
            var year = LaitYear(Cell(years));
            if (year is null && problems.Count == 0)
            {
                problems.Add(new RowProblem(line, "Years", Cell(years), "is not a year such as 2025 (for 2024/25) or 2024/25"));
            }
            var area = Cell(number);
            var type = area switch
            {
                "970" => RecordType.England,
                _ when area.Length == 3 && area.All(char.IsAsciiDigit) && string.CompareOrdinal(area, "980") >= 0 && string.CompareOrdinal(area, "990") <= 0 => RecordType.Region,
                _ when area.Length == 3 && area.All(char.IsAsciiDigit) => RecordType.LocalAuthority,
                _ => (RecordType?)null,
            };
            if (type is null && problems.Count == 0)
            {
                problems.Add(new RowProblem(line, "LA Number", area, "is not 970 (England), 980 to 990 (a region) or a local authority's three-digit number"));
            }
            var cell = default(DfeCell);
            if (problems.Count == 0 && !DfeCell.TryParse(Cell(values), out cell))
            {
                problems.Add(new RowProblem(line, "Values", Cell(values), "is neither a number nor a DfE marker (-, x, c, z, low …)"));
            }
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    yield return (null, problem);
                }
                continue;
            }
            yield return (Row(line, type!.Value, area, indicator.Variant, year!.Value, indicator.Key, Rounded(cell)), null);
        }
    }

    /// <summary>
    /// The attendance year-to-date file (Explore Education Statistics): one row per area and phase, <c>time_period</c>
    /// 202526 for 2025/26, phases Primary, Secondary, Special and Total.
    /// </summary>
    private static IEnumerable<(NationalRow?, RowProblem?)> ReadAttendance(TextReader text)
    {
        using var csv = Csv(text);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            yield return (null, new RowProblem(RowProblem.FileLine, "time_period", "", "the file is empty"));
            yield break;
        }
        var header = Header(csv);
        string[] required = ["time_period", "geographic_level", "region_name", "old_la_code", "education_phase", .. AttendanceMeasures.Select(m => m.Column)];
        var missing = required.Where(c => !header.Contains(c)).ToList();
        foreach (var column in missing)
        {
            yield return (null, new RowProblem(RowProblem.FileLine, column, "", $"the header has no \"{column}\" column: is this {AttendanceYearToDate.Describes}?"));
        }
        if (missing.Count > 0)
        {
            yield break;
        }
        int Index(string column) => header.IndexOf(column);
        while (csv.Read())
        {
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var line = csv.Parser.RawRow;
            string Cell(string column) => Index(column) < record.Length ? record[Index(column)].Trim() : "";
            var problems = new List<RowProblem>();
            var year = PerformanceTableReader.YearOf(Cell("time_period"));
            if (year is null)
            {
                problems.Add(new RowProblem(line, "time_period", Cell("time_period"), "is not a year such as 202526 (for 2025/26)"));
            }
            var variant = Cell("education_phase").ToLowerInvariant() switch
            {
                "primary" => "PRI", "secondary" => "SEC", "special" => "SPE", "total" => "", _ => null,
            };
            if (variant is null)
            {
                problems.Add(new RowProblem(line, "education_phase", Cell("education_phase"), "is not Primary, Secondary, Special or Total"));
            }
            var (type, area) = Cell("geographic_level").ToLowerInvariant() switch
            {
                "national" => (RecordType.England, "970"),
                "regional" => (RecordType.Region, RegionCode(Cell("region_name")) ?? ""),
                "local authority" => (RecordType.LocalAuthority, Cell("old_la_code")),
                _ => ((RecordType?)null, ""),
            };
            if (type is null || area.Length == 0)
            {
                problems.Add(new RowProblem(line, type is null ? "geographic_level" : "region_name", type is null ? Cell("geographic_level") : Cell("region_name"),
                    type is null ? "is not National, Regional or Local authority" : "is not a region of England"));
            }
            var values = new Dictionary<string, DfeCell>();
            foreach (var (column, key, _, _) in AttendanceMeasures)
            {
                if (DfeCell.TryParse(Cell(column), out var cell))
                {
                    values[key] = Rounded(cell);
                }
                else
                {
                    problems.Add(new RowProblem(line, column, Cell(column), "is neither a number nor a DfE marker (x, c, z, low …)"));
                }
            }
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    yield return (null, problem);
                }
                continue;
            }
            yield return (new NationalRow(line, type!.Value, null, type == RecordType.LocalAuthority ? area : null, null, values)
            {
                Year = year, NationalVariant = variant, StoredArea = StoredArea(type.Value, area, variant!),
            }, null);
        }
    }

    private static NationalRow Row(int line, RecordType type, string number, string variant, int year, string key, DfeCell cell) =>
        new(line, type, null, type == RecordType.LocalAuthority ? number : null, null, new Dictionary<string, DfeCell> { [key] = cell })
        {
            Year = year, NationalVariant = variant, StoredArea = StoredArea(type, number, variant),
        };

    /// <summary>England "NAT-SEC" (or "NAT" for all schools), a region or authority "989-SEC" (or "989").</summary>
    public static string StoredArea(RecordType type, string number, string variant) =>
        $"{(type == RecordType.England ? "NAT" : number)}{(variant.Length == 0 ? "" : "-" + variant)}";

    private static DfeCell Rounded(DfeCell cell) => cell.Value is double v ? cell with { Value = Math.Round(v, 6) } : cell;

    /// <summary>"2025" and "2024/25" are 2024/25 (2025); "2018 (Rev)" is 2018.</summary>
    private static int? LaitYear(string text)
    {
        var main = text.Split(' ', 2)[0];
        if (main.Length == 4 && int.TryParse(main, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return year;
        }
        if (main.Length == 7 && main[4] == '/' && int.TryParse(main[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(main[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var second) && (first + 1) % 100 == second)
        {
            return first + 1;
        }
        return null;
    }
}
