using System.Globalization;

namespace Stepwise.Common;

/// <summary>
/// A measure's value as it reads on a page, in a chart and in a report, by its unit — the one formatter. Units are
/// the measures' own: "%" (a published percentage of pupils, whole numbers in the DfE's files), "% of pupils" and
/// "% of sessions" (worked out or published to one decimal place), "per 100 pupils", "score" (a mean or attainment
/// score), "progress score" (signed: 0 is the national average) and "pupils" (a count).
/// </summary>
public static class MetricFormat
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>What a missing value shows: a dash.</summary>
    public const string None = "–";

    /// <summary>"74%", "4.3%", "3.0%", "12.5 per 100 pupils", "104.3", "+0.42", "−0.31", "1,204".</summary>
    public static string Format(double? value, string unit) => value is double v ? Format(v, unit) : None;

    public static string Format(double value, string unit) => unit switch
    {
        "%" => value.ToString("0.#", EnGb) + "%",
        _ when unit.StartsWith('%') => value.ToString("0.0", EnGb) + "%",
        "per 100 pupils" => value.ToString("0.0", EnGb) + " per 100 pupils",
        "score" => value.ToString("0.0", EnGb),
        "progress score" => Signed(value, "0.00"),
        "pupils" => value.ToString("N0", EnGb),
        _ => value.ToString("0.##", EnGb),
    };

    /// <summary>A difference between two values of the unit, always signed: "+2.5 points", "−0.31".</summary>
    public static string Difference(double difference, string unit) => unit switch
    {
        _ when unit.StartsWith('%') => Signed(difference, "0.0") + " points",
        "progress score" => Signed(difference, "0.00"),
        "pupils" => Signed(difference, "N0"),
        _ => Signed(difference, "0.0"),
    };

    /// <summary>A number with its sign, using the true minus sign: "+0.4", "−1.2", "0.0".</summary>
    public static string Signed(double value, string format = "0.0")
    {
        var text = Math.Abs(value).ToString(format, EnGb);
        return value > 0 && text.Trim('0', '.', ',').Length > 0 ? "+" + text
            : value < 0 && text.Trim('0', '.', ',').Length > 0 ? "−" + text
            : text;
    }
}
