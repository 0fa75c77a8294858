using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Stepwise.Features.Analysis;

namespace Stepwise.Features.Reference;

/// <summary>What kind of row a national file's line is: a school, or a local-authority or England average.</summary>
public enum RecordType
{
    School,
    SpecialSchool,
    LocalAuthority,
    England,
}

/// <summary>One row of a national file: who it is about, and each measure's value or missing-reason.</summary>
public sealed record NationalRow(int Line, RecordType RecordType, int? Urn, string? LaCode, string? Name, IReadOnlyDictionary<string, DfeCell> Values)
{
    /// <summary>Which England figure a national row is (files publish several: all schools, maintained, by phase).</summary>
    public string? NationalVariant { get; init; }

    /// <summary>The area a row is about: its local authority's code, or "NAT-…" for England.</summary>
    public string Area => RecordType == RecordType.England ? $"NAT-{NationalVariant}".TrimEnd('-') : LaCode ?? "";
}

/// <summary>
/// Reads a DfE performance-table, census or absence file as a stream, one row at a time: columns are found by
/// name; every cell that is neither a number nor a DfE marker is reported with its line and column.
/// </summary>
public static class PerformanceTableReader
{
    public static IEnumerable<(NationalRow? Row, CsvProblem? Problem)> Read(TextReader text, FileLayout layout)
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
            yield return (null, new CsvProblem(1, layout.UrnColumn, "", "the file is empty"));
            yield break;
        }
        var header = csv.HeaderRecord.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        int Index(string column) => header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        var required = new[] { layout.UrnColumn, layout.LaColumn }.Concat(layout.RecordTypeColumn is null ? [] : [layout.RecordTypeColumn]);
        var missingColumns = required.Where(c => Index(c) < 0).ToList();
        foreach (var column in missingColumns)
        {
            yield return (null, new CsvProblem(1, column, "", $"the header has no \"{column}\" column: is this a {layout.Kind} file?"));
        }
        if (missingColumns.Count > 0)
        {
            yield break;
        }
        // A measure a year's layout does not publish is simply absent for that year.
        var measures = layout.Measures.Select(m => (m.Key, m.Column, Index: Index(m.Column))).Where(m => m.Index >= 0).ToList();

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            string Cell(int index) => index >= 0 && index < record.Length ? record[index] : "";
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var problems = new List<CsvProblem>();
            var recordTypeText = Cell(layout.RecordTypeColumn is null ? -1 : Index(layout.RecordTypeColumn));
            if (RecordTypeOf(layout, Cell(Index(layout.UrnColumn)), recordTypeText, Cell(Index(layout.LaColumn))) is not RecordType recordType)
            {
                yield return (null, new CsvProblem(line, layout.RecordTypeColumn!, recordTypeText, $"is not a record type of a {layout.Kind} file ({string.Join(", ", layout.RecordTypes.Keys)})"));
                continue;
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
                    problems.Add(new CsvProblem(line, layout.UrnColumn, urnText, "a school's URN must be 6 digits"));
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
                    problems.Add(new CsvProblem(line, column, raw, "is neither a number nor a DfE marker (SUPP, NE, NA, LOWCOV, x, c, z …)"));
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
                string.IsNullOrEmpty(name) ? null : name, values) { NationalVariant = variant }, null);
        }
    }

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
