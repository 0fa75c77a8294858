using System.Globalization;

namespace Stepwise.Features.Reference;

/// <summary>
/// One published figure: a number, or missing with the reason the DfE gave (SUPP, NE, LOWCOV, …) —
/// never a zero, and never a crash.
/// </summary>
public readonly record struct DfeCell(double? Value, string? Missing)
{
    /// <summary>The markers DfE performance tables, census and absence files and GSS symbols use for a missing figure.</summary>
    public static readonly IReadOnlyDictionary<string, string> Markers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SUPP"] = "suppressed: too few pupils to publish",
        ["NE"] = "no entries",
        ["NP"] = "not published",
        ["LOWCOV"] = "low coverage: too few pupils with prior attainment",
        ["NA"] = "not applicable",
        ["NEW"] = "new school: no results yet",
        ["x"] = "not available",
        ["c"] = "confidential (suppressed)",
        ["z"] = "not applicable",
        ["u"] = "low reliability",
        ["low"] = "rounds to zero",
        ["-"] = "not published for this area and year",
        ["blank"] = "left blank in the file",
        [NationalCounts.Total] = "a national total was published, not an average per school",
    };

    public bool IsMissing => Value is null;

    /// <summary>
    /// Reads a cell: "45%" is 45, "-1.2" is -1.2, a marker or a blank is missing with its reason.
    /// Anything else is not a figure the DfE publishes, and returns false.
    /// </summary>
    public static bool TryParse(string? raw, out DfeCell cell)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            cell = new DfeCell(null, "blank");
            return true;
        }
        if (Markers.ContainsKey(text) && text is not ("blank" or NationalCounts.Total))
        {
            cell = new DfeCell(null, text);
            return true;
        }
        var number = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Analytics.Numerics.MeasuredValue.IsAccepted(value))
        {
            cell = new DfeCell(value, null);
            return true;
        }
        cell = default;
        return false;
    }
}
