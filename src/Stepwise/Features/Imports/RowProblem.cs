namespace Stepwise.Features.Imports;

/// <summary>A problem with one line of a file: which line, which column, what it held, and why it is wrong.</summary>
public sealed record RowProblem(int Line, string Column, string Value, string Reason)
{
    /// <summary>The line of problems that concern the whole file (its header, its year, its columns): any of them refuses it.</summary>
    public const int FileLine = 1;

    public override string ToString() => $"line {Line}, column \"{Column}\": {Reason}{(Value.Length > 0 ? $" (found \"{Value}\")" : "")}";

    /// <summary>
    /// A line with fewer cells than the header (often the last line of a file cut short) is reported, never read as
    /// blanks. <paramref name="read"/> names the columns the importer reads, so the report lists those the line lacks.
    /// </summary>
    public static RowProblem CutShort(int line, IReadOnlyList<string> header, int cells, IReadOnlyList<string>? read = null)
    {
        var missing = read is null ? [] : header.Skip(cells).Where(read.Contains).ToList();
        return new RowProblem(line, missing.Count > 0 ? missing[0] : header[cells], "",
            $"the line ends after {cells} of {header.Count} columns: is the file cut short?"
            + (missing.Count > 0 ? $" It has no {string.Join(", ", missing)}." : ""));
    }
}
