using System.Globalization;

namespace Stepwise.Features.Metrics;

/// <summary>Why a metric's value is missing, in words (the value itself reads through <see cref="MetricFormat"/>).</summary>
public static class MetricValues
{
    /// <summary>Why a value is missing, in words.</summary>
    public static string Missing(string? marker) => marker switch
    {
        "fewer-than-5" => "fewer than 5 pupils",
        "withheld" => "withheld: with the figures beside it, it would give a smaller group's away",
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

    /// <summary>How many pupils, as shown: "fewer than 5" for a small group, nothing for a withheld one, never the exact count of either.</summary>
    public static string Pupils(int? pupils, string? marker) => marker switch
    {
        "fewer-than-5" => "fewer than 5",
        "withheld" => "",
        _ => pupils?.ToString("N0", CultureInfo.GetCultureInfo("en-GB")) ?? "",
    };
}
