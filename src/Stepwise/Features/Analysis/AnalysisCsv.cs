using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Stepwise.Analytics.Numerics;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Analysis;

/// <summary>Reads the small CSV files the analysts' commands take, reporting every bad cell by line and column.</summary>
public static class AnalysisCsv
{
    public sealed record Point(string Period, double Value);

    public sealed record Score(double Value, bool Disadvantaged);

    /// <summary>`period,value`: one row per period, in time order.</summary>
    public static (List<Point> Rows, List<RowProblem> Problems) ReadSeries(TextReader text) =>
        Read(text, ["period", "value"], (row, line, problems) =>
        {
            var period = row["period"].Trim();
            if (period.Length == 0)
            {
                problems.Add(new RowProblem(line, "period", "", "the period is empty"));
            }
            var value = Number(row["value"], line, "value", problems);
            return value is double v && period.Length > 0 ? new Point(period, v) : null;
        });

    /// <summary>`score,disadvantaged`: one row per pupil; disadvantaged is 1/0, true/false or yes/no.</summary>
    public static (List<Score> Rows, List<RowProblem> Problems) ReadScores(TextReader text) =>
        Read(text, ["score", "disadvantaged"], (row, line, problems) =>
        {
            var score = Number(row["score"], line, "score", problems);
            bool? flag = row["disadvantaged"].Trim().ToLowerInvariant() switch
            {
                "1" or "true" or "yes" or "y" => true,
                "0" or "false" or "no" or "n" => false,
                _ => null,
            };
            if (flag is null)
            {
                problems.Add(new RowProblem(line, "disadvantaged", row["disadvantaged"], "must be 1 or 0 (or true/false)"));
            }
            return score is double s && flag is bool d ? new Score(s, d) : null;
        });

    private static (List<T> Rows, List<RowProblem> Problems) Read<T>(
        TextReader text, string[] columns, Func<Dictionary<string, string>, int, List<RowProblem>, T?> map) where T : class
    {
        var rows = new List<T>();
        var problems = new List<RowProblem>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(text, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            problems.Add(new RowProblem(1, columns[0], "", $"the file is empty: expected a header line \"{string.Join(',', columns)}\""));
            return (rows, problems);
        }
        var header = csv.HeaderRecord.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var missing = columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.AddRange(missing.Select(c => new RowProblem(1, c, string.Join(',', csv.HeaderRecord), $"the header has no \"{c}\" column (expected \"{string.Join(',', columns)}\")")));
            return (rows, problems);
        }
        var index = columns.ToDictionary(c => c, c => header.IndexOf(c));
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (record.Length < header.Count)
            {
                problems.Add(new RowProblem(line, columns[^1], string.Join(',', record), $"the line has {record.Length} value(s); expected {header.Count}"));
                continue;
            }
            var cells = columns.ToDictionary(c => c, c => record[index[c]]);
            if (map(cells, line, problems) is T row)
            {
                rows.Add(row);
            }
        }
        return (rows, problems);
    }

    private static double? Number(string text, int line, string column, List<RowProblem> problems)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && MeasuredValue.IsAccepted(value))
        {
            return value;
        }
        problems.Add(new RowProblem(line, column, text, trimmed.Length == 0 ? "the value is empty"
            : double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "is too large to analyse: values must lie between -1,000,000,000,000 and 1,000,000,000,000"
            : "is not a number"));
        return null;
    }
}
