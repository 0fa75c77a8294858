using System.Globalization;
using System.Text;

namespace Stepwise.Features.Plans;

/// <summary>
/// Writes plan tables as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads accents) that a spreadsheet
/// cannot run: a text cell starting with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe,
/// so "=HYPERLINK(…)" shows as text instead of becoming a formula. Numbers the app formats itself are written as they are.
/// </summary>
public sealed class PlanCsv
{
    private readonly StringBuilder _text = new();

    public PlanCsv Row(params object?[] cells)
    {
        _text.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(_text.ToString())).ToArray();

    public override string ToString() => _text.ToString();

    /// <summary>One cell, neutralised and quoted as needed.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    /// <summary>Prefixes text that a spreadsheet would read as a formula with an apostrophe (OWASP's advice for CSV injection).</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text.StartsWith(' ') || text.EndsWith(' ')
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}
