using System.Globalization;

namespace Stepwise.Features.Metrics;

/// <summary>A metric's values in words: the value in its unit, and why a value is missing.</summary>
public static class MetricValues
{
    /// <summary>A value in its unit: "12.3%", "104.2", "3.4 per 100 pupils".</summary>
    public static string Value(double? value, string unit) => value switch
    {
        null => "",
        double v when unit.StartsWith('%') => v.ToString("0.0", CultureInfo.GetCultureInfo("en-GB")) + "%",
        double v when unit == "per 100 pupils" => v.ToString("0.0", CultureInfo.GetCultureInfo("en-GB")) + " per 100 pupils",
        double v => v.ToString("0.0", CultureInfo.GetCultureInfo("en-GB")),
    };

    /// <summary>Why a value is missing, in words.</summary>
    public static string Missing(string? marker) => marker switch
    {
        "fewer-than-5" => "fewer than 5 pupils",
        "no-data" => "no data",
        "SUPP" => "suppressed (small cohort)",
        "NE" => "no entries",
        "NA" => "not applicable",
        "NP" => "not published",
        "LOWCOV" => "low coverage",
        "blank" => "not published",
        null => "",
        _ => marker,
    };
}
