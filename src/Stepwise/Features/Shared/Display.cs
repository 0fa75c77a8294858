using System.Globalization;

namespace Stepwise.Features.Shared;

/// <summary>How numbers and codes read on a page (British English).</summary>
public static class Display
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Number(int? value) => value?.ToString("N0", EnGb) ?? "not known";

    public static string Percent(double? value) => value is double v ? v.ToString("0.0", EnGb) + "%" : "not known";

    public static string Date(DateOnly? value) => value?.ToString("d MMMM yyyy", EnGb) ?? "";

    public static string DateTime(System.DateTime value) => value.ToString("d MMM yyyy, HH:mm", EnGb) + " UTC";

    public static string Phase(string code) => code switch
    {
        "all-through" => "All-through",
        "alternative-provision" => "Alternative provision",
        "sixteen-plus" => "16 plus",
        _ => Sentence(code),
    };

    public static string YearGroup(int year) => year switch
    {
        < 0 => "Nursery",
        0 => "Reception",
        _ => $"Year {year}",
    };

    /// <summary>A long text cut at a word to about <paramref name="limit"/> characters, with "…" to show it was cut.</summary>
    public static string Shorten(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }
        var cut = text[..limit];
        var space = cut.LastIndexOf(' ');
        return (space > limit / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';', ':', '.') + "…";
    }

    /// <summary>["A", "B", "C"] → "A, B and C".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all[..^1]) + " and " + all[^1];
    }

    /// <summary>"whole-school" → "Whole school".</summary>
    public static string Sentence(string code) =>
        code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..].Replace('-', ' ');
}
