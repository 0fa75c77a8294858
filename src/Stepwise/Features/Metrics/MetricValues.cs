using System.Globalization;

namespace Stepwise.Features.Metrics;

/// <summary>Why a metric's value is missing, in words (the value itself reads through <see cref="MetricFormat"/>).</summary>
public static class MetricValues
{
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
