using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>What kind of row a national file's line is: a school, or a local-authority or England average.</summary>
public enum RecordType
{
    School,
    SpecialSchool,
    LocalAuthority,
    England,

    /// <summary>A region of England (LAIT's 980 to 990): its area is the region's number and the England row it matches, "989-SEC".</summary>
    Region,
}

/// <summary>One row of a national file: who it is about, and each measure's value or missing-reason.</summary>
public sealed record NationalRow(int Line, RecordType RecordType, int? Urn, string? LaCode, string? Name, IReadOnlyDictionary<string, DfeCell> Values)
{
    /// <summary>Which England figure a national row is (files publish several: all schools, maintained, by phase).</summary>
    public string? NationalVariant { get; init; }

    /// <summary>
    /// For a school row of a file that gives the type of establishment: the England row it belongs with, "PRI", "SEC" or
    /// "SPE" (state-funded primary, secondary and special schools), as the census and absence files name them.
    /// </summary>
    public string? NationalGroup { get; init; }

    /// <summary>The year the row is for (the year the academic year ends in), in files that hold several years (LAIT).</summary>
    public int? Year { get; init; }

    /// <summary>The area as stored, where the file names it itself (a region's or an authority's figure for one phase).</summary>
    public string? StoredArea { get; init; }

    /// <summary>The area a row is about: its local authority's code, or "NAT-…" for England.</summary>
    public string Area => StoredArea ?? (RecordType == RecordType.England ? $"NAT-{NationalVariant}".TrimEnd('-') : LaCode ?? "");
}

/// <summary>
/// Reads a DfE performance-table, census or absence file as a stream, one row at a time: columns are found by
/// name; every cell that is neither a number nor a DfE marker is reported with its line and column.
/// </summary>
public static class PerformanceTableReader
{
    /// <summary>
    /// The rows of a file, or their problems. With <paramref name="year"/>, a file whose own year column or whose layout
    /// says it is for another year is refused (line 1, naming both years). The header's columns that are not read are
    /// added to <paramref name="ignored"/>. A line shorter than the header is a problem, unless it ends before the first
    /// measure: the DfE publishes a school without results that way, so its measures are read as blank and the line is
    /// added to <paramref name="notes"/> with the columns it lacks.
    /// </summary>
    public static IEnumerable<(NationalRow? Row, RowProblem? Problem)> Read(TextReader text, FileLayout layout, int? year = null, ICollection<string>? ignored = null,
        ICollection<RowProblem>? notes = null)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(text, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            yield return (null, new RowProblem(RowProblem.FileLine, layout.UrnColumn, "", "the file is empty"));
            yield break;
        }
        var header = csv.HeaderRecord.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        int Index(string column) => header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        var required = new[] { layout.UrnColumn, layout.LaColumn }.Concat(layout.RecordTypeColumn is null ? [] : [layout.RecordTypeColumn]);
        var missingColumns = required.Where(c => Index(c) < 0).ToList();
        foreach (var column in missingColumns)
        {
            yield return (null, new RowProblem(RowProblem.FileLine, column, "", $"the header has no \"{column}\" column: is this a {layout.Kind} file?"));
        }
        if (missingColumns.Count > 0)
        {
            yield break;
        }
        // A measure a year's layout does not publish is simply absent for that year; a file with none of them is not read.
        var measures = layout.Measures.Select(m => (m.Key, m.Column, Index: Index(m.Column))).Where(m => m.Index >= 0).ToList();
        if (measures.Count == 0)
        {
            yield return (null, new RowProblem(RowProblem.FileLine, layout.Measures[0].Column, string.Join(", ", header),
                $"none of the {layout.Kind} measures is in the file (is it an older layout?): expected {string.Join(", ", layout.Measures.Select(m => m.Column))}; "
                + $"the file's columns are {string.Join(", ", header)}"));
            yield break;
        }
        var yearColumn = header.FindIndex(h => YearColumns.Contains(h));
        if (year is int expected && YearOfLayout(header, layout) is var (layoutYear, evidence) && layoutYear != expected)
        {
            yield return (null, WrongYear(layout, expected, layoutYear, evidence, $"its columns compare with the year before ({string.Join(", ", evidence.Take(3))})"));
            yield break;
        }
        var schoolTypeColumn = layout.SchoolTypeColumn is null ? -1 : Index(layout.SchoolTypeColumn);
        var read = required.Append(layout.NameColumn).Append("ESTAB").Append(layout.SchoolTypeColumn).OfType<string>().Concat(measures.Select(m => m.Column))
            .Append(yearColumn >= 0 ? header[yearColumn] : null).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var column in header.Where(h => !read.Contains(h)))
        {
            ignored?.Add(column);
        }
        var readInOrder = header.Where(read.Contains).ToList();
        var firstMeasure = measures.Min(m => m.Index);
        var lastIdentity = readInOrder.Select(Index).Where(i => !measures.Any(m => m.Index == i)).DefaultIfEmpty(-1).Max();

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            string Cell(int index) => index >= 0 && index < record.Length ? record[index] : "";
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (record.Length < header.Count && readInOrder.Any(c => Index(c) >= record.Length))
            {
                var cutShort = RowProblem.CutShort(line, header, record.Length, readInOrder);
                if (record.Length > firstMeasure || record.Length <= lastIdentity)
                {
                    yield return (null, cutShort);
                    continue;
                }
                notes?.Add(cutShort with { Reason = cutShort.Reason.Replace("is the file cut short?", "its measures are read as blank.", StringComparison.Ordinal) });
            }
            if (year is int wanted && yearColumn >= 0 && YearOf(Cell(yearColumn)) is int rowYear && rowYear != wanted)
            {
                yield return (null, WrongYear(layout, wanted, rowYear, [header[yearColumn]], $"its {header[yearColumn]} column says {Cell(yearColumn).Trim()} on line {line}"));
                yield break;
            }
            var problems = new List<RowProblem>();
            var recordTypeText = Cell(layout.RecordTypeColumn is null ? -1 : Index(layout.RecordTypeColumn));
            if (RecordTypeOf(layout, Cell(Index(layout.UrnColumn)), recordTypeText, Cell(Index(layout.LaColumn))) is not RecordType recordType)
            {
                yield return (null, new RowProblem(line, layout.RecordTypeColumn!, recordTypeText, $"is not a record type of a {layout.Kind} file ({string.Join(", ", layout.RecordTypes.Keys)})"));
                continue;
            }
            var schoolType = Cell(schoolTypeColumn).Trim();
            if (recordType == RecordType.School && schoolType.Contains("special", StringComparison.OrdinalIgnoreCase))
            {
                recordType = RecordType.SpecialSchool;
            }
            int? urn = null;
            var urnText = Cell(Index(layout.UrnColumn)).Trim();
            if (recordType is RecordType.School or RecordType.SpecialSchool)
            {
                if (int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 100000 and <= 999999)
                {
                    urn = parsed;
                }
                else
                {
                    problems.Add(new RowProblem(line, layout.UrnColumn, urnText, "a school's URN must be 6 digits"));
                }
            }
            var values = new Dictionary<string, DfeCell>(measures.Count);
            foreach (var (key, column, index) in measures)
            {
                var raw = index < record.Length ? record[index] : "";
                if (DfeCell.TryParse(raw, out var cell))
                {
                    values[key] = cell;
                }
                else
                {
                    problems.Add(new RowProblem(line, column, raw, "is neither a number nor a DfE marker (SUPP, NE, NA, LOWCOV, x, c, z …)"));
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
            var name = layout.NameColumn is null ? null : Cell(Index(layout.NameColumn)).Trim();
            var la = Cell(Index(layout.LaColumn)).Trim();
            var variant = recordType != RecordType.England ? null
                : layout.RecordTypeColumn is not null ? recordTypeText.Trim() : Cell(Index("ESTAB")).Trim();
            yield return (new NationalRow(line, recordType, urn, la.Length == 0 || la.Equals("NAT", StringComparison.OrdinalIgnoreCase) ? null : la,
                string.IsNullOrEmpty(name) ? null : name, values) { NationalVariant = variant, NationalGroup = NationalGroupOf(schoolType) }, null);
        }
    }

    /// <summary>The England row a school's type of establishment belongs with (census SCHOOLTYPE): only state-funded schools have one.</summary>
    private static string? NationalGroupOf(string schoolType) => schoolType.ToLowerInvariant() switch
    {
        "state-funded primary" => "PRI",
        "state-funded secondary" => "SEC",
        "state-funded special school" => "SPE",
        _ => null,
    };

    /// <summary>The columns in which DfE files (and Explore Education Statistics downloads) give the year a row is for.</summary>
    private static readonly HashSet<string> YearColumns = new(StringComparer.OrdinalIgnoreCase) { "time_period", "YEAR", "ACADEMIC_YEAR", "ACADYR" };

    /// <summary>
    /// The year a performance-table layout belongs to: each year's file repeats last year's headline figures in
    /// columns ending in that year's two digits (the 2016/17 KS2 file has PTRWM_EXP_16), so the file is for the year after
    /// the latest of them.
    /// </summary>
    internal static (int Year, List<string> Evidence)? YearOfLayout(IReadOnlyList<string> header, FileLayout layout)
    {
        var earlier = header
            .Select(h => (Column: h, Match: layout.Measures.FirstOrDefault(m => h.Length == m.Column.Length + 3 && h.StartsWith(m.Column + "_", StringComparison.OrdinalIgnoreCase))))
            .Where(h => h.Match is not null && char.IsAsciiDigit(h.Column[^2]) && char.IsAsciiDigit(h.Column[^1]))
            .Select(h => (h.Column, Year: 2000 + int.Parse(h.Column[^2..], CultureInfo.InvariantCulture)))
            .ToList();
        if (earlier.Count == 0)
        {
            return null;
        }
        var latest = earlier.Max(e => e.Year);
        return (latest + 1, earlier.Where(e => e.Year == latest).Select(e => e.Column).ToList());
    }

    /// <summary>"2017", "2016/17", "2016-17" and "201617" are all the year that ends in 2017.</summary>
    internal static int? YearOf(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length switch
        {
            4 when int.TryParse(digits, CultureInfo.InvariantCulture, out var y) => y,
            6 when int.TryParse(digits[..4], CultureInfo.InvariantCulture, out var start) => start + 1,
            8 when int.TryParse(digits[4..], CultureInfo.InvariantCulture, out var end) => end,
            _ => null,
        };
    }

    private static RowProblem WrongYear(FileLayout layout, int expected, int found, IReadOnlyList<string> columns, string evidence) =>
        new(RowProblem.FileLine, columns[0], Academic(found),
            $"this {layout.Kind} file is for {Academic(found)} ({evidence}), but --year {expected} is {Academic(expected)}: import it with --year {found}, or choose the {Academic(expected)} file");

    private static string Academic(int year) => AcademicYear.EndingIn(year).ToString();

    /// <summary>By the layout's RECTYPE codes; files without one mark national rows "NAT" (census in the URN column, absence in the LA column).</summary>
    private static RecordType? RecordTypeOf(FileLayout layout, string urn, string recordType, string la)
    {
        if (layout.RecordTypeColumn is not null)
        {
            return layout.RecordTypes.TryGetValue(recordType.Trim(), out var type) ? type : null;
        }
        if (la.Trim().Equals("NAT", StringComparison.OrdinalIgnoreCase) || urn.Trim().Equals("NAT", StringComparison.OrdinalIgnoreCase))
        {
            return RecordType.England;
        }
        return urn.Trim().Length == 0 ? RecordType.LocalAuthority : RecordType.School;
    }
}
