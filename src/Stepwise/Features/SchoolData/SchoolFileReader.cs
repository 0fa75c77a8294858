using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Stepwise.Features.Imports;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// Reads a school's MIS export one line at a time. Headers are matched to our columns by name (see
/// <see cref="SchoolFileLayout"/>) or by a mapping; every problem is reported with its line, column, value and reason.
/// </summary>
public static class SchoolFileReader
{
    public static IEnumerable<(SchoolRow? Row, IReadOnlyList<RowProblem> Problems)> Read(TextReader text, SchoolFileLayout layout, HeaderMapping? mapping = null)
    {
        using var csv = new CsvReader(text, Configuration());
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            yield return (null, [new RowProblem(1, "", "", "the file is empty: the first line must name the columns")]);
            yield break;
        }
        var (columns, headerProblems) = MatchHeader(header, layout, mapping ?? HeaderMapping.None);
        if (headerProblems.Count > 0)
        {
            yield return (null, headerProblems);
            yield break;
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (record.Length < header.Length)
            {
                yield return (null, [CutShort(line, header, record.Length)]);
                continue;
            }
            var row = new RowCells(line, record, columns);
            var parsed = layout.Parse(row);
            yield return (row.Ok ? parsed : null, row.Problems);
        }
    }

    private static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        MissingFieldFound = null,
        BadDataFound = null,
        DetectColumnCountChanges = false,
        DetectDelimiter = true,
        DetectDelimiterValues = [",", ";", "\t"],
        // A UPN or a period repeats on many lines (a row per pupil per week): one string for each, not one per line.
        CacheFields = true,
    };

    /// <summary>A truncated line (often the last one of a file cut short) is reported, not guessed at.</summary>
    internal static RowProblem CutShort(int line, string[] header, int cells) =>
        new(line, header[cells], "", $"the line ends after {cells} of {header.Length} columns: is the file cut short?");

    /// <summary>
    /// The header of a file and the delimiter <see cref="Read"/> would find in it, for a reader that splits plain lines
    /// itself (<see cref="AttendanceFileCheck"/>); null unless the header is the first line and has no quotation marks.
    /// </summary>
    internal static (string[] Header, char Delimiter)? PlainHeader(Stream file, System.Text.Encoding encoding)
    {
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvReader(text, Configuration());
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header
            || csv.Parser.RawRow != 1 || csv.Parser.RawRecord.Contains('"', StringComparison.Ordinal) || csv.Parser.Delimiter is not [var delimiter])
        {
            return null;
        }
        return (header, delimiter);
    }

    internal static (Dictionary<string, int> Columns, List<RowProblem> Problems) MatchHeader(string[] header, SchoolFileLayout layout, HeaderMapping mapping)
    {
        var columns = new Dictionary<string, int>();
        var problems = new List<RowProblem>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var ours = mapping.Find(name)
                ?? layout.Columns.FirstOrDefault(c => Normal(c.Name) == Normal(name) || c.Aliases.Any(a => Normal(a) == Normal(name)))?.Name;
            if (ours is null)
            {
                continue; // Other columns in an export are ignored.
            }
            if (columns.TryGetValue(ours, out var first))
            {
                problems.Add(new RowProblem(1, name, name, $"is a second column for {ours} (the first is \"{header[first].Trim()}\"): remove one or map it elsewhere"));
                continue;
            }
            columns[ours] = i;
        }
        foreach (var column in layout.Columns.Where(c => c.Required && !columns.ContainsKey(c.Name)))
        {
            problems.Add(new RowProblem(1, column.Name, "",
                $"the header has no {column.Name} column ({column.Holds}); accepted names: {string.Join(", ", [column.Name, .. column.Aliases])}, or map yours with a mapping file"));
        }
        return (columns, problems);
    }

    internal static string Normal(string name) => new([.. name.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}

/// <summary>
/// A small mapping file for exports whose headers we do not recognise: one line per column,
/// <c>their header = our column</c>; blank lines and lines starting with # are ignored.
/// </summary>
public sealed class HeaderMapping
{
    private readonly Dictionary<string, string> _map;

    private HeaderMapping(Dictionary<string, string> map) => _map = map;

    public static HeaderMapping None { get; } = new([]);

    public string? Find(string header) => _map.TryGetValue(SchoolFileReader.Normal(header), out var ours) ? ours : null;

    public static (HeaderMapping? Mapping, List<RowProblem> Problems) Parse(TextReader text, SchoolFileLayout layout)
    {
        var map = new Dictionary<string, string>();
        var problems = new List<RowProblem>();
        var number = 0;
        while (text.ReadLine() is { } line)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            var parts = trimmed.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                problems.Add(new RowProblem(number, "mapping", trimmed, "is not \"their header = our column\""));
                continue;
            }
            var ours = layout.Columns.FirstOrDefault(c => SchoolFileReader.Normal(c.Name) == SchoolFileReader.Normal(parts[1]));
            if (ours is null)
            {
                problems.Add(new RowProblem(number, "mapping", parts[1],
                    $"is not a {layout.Kind} column; the columns are {string.Join(", ", layout.Columns.Select(c => c.Name))}"));
                continue;
            }
            map[SchoolFileReader.Normal(parts[0])] = ours.Name;
        }
        return (problems.Count == 0 ? new HeaderMapping(map) : null, problems);
    }
}
