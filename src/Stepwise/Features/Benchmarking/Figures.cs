using System.Globalization;
using Stepwise.Features.Reference;

namespace Stepwise.Features.Benchmarking;

/// <summary>How published figures read on a page: units, signs, the DfE's reasons for a missing figure, ordinals.</summary>
public static class Figures
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"suppressed: too few pupils to publish", from the DfE marker.</summary>
    public static string Missing(string? marker) => marker switch
    {
        null => "",
        "no figure" => "no figure published",
        _ when DfeCell.Markers.TryGetValue(marker, out var reason) => reason,
        _ => marker,
    };

    /// <summary>The marker as shown in a table cell, e.g. "SUPP".</summary>
    public static string Marker(string? marker) => marker is null or "blank" or "no figure" ? "none" : marker;

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st …</summary>
    public static string Ordinal(double percentile)
    {
        var n = (int)Math.Round(percentile, MidpointRounding.AwayFromZero);
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(EnGb) + suffix;
    }

    public static string Whole(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", EnGb);

    /// <summary>A percentile rank in words: "Better than 56% of similar schools".</summary>
    public static string BetterThan(double rank) => rank switch
    {
        <= 0 => "Behind all its similar schools",
        >= 100 => "Ahead of all its similar schools",
        _ => $"Better than {Whole(rank)}% of similar schools",
    };

    /// <summary>Why a figure is not ranked among similar schools, in words for a table cell.</summary>
    public static string WhyNotRanked(Analytics.Comparators.PositionAmongComparators? among, double? value, string? missing) => among switch
    {
        null => "Not in the national data",
        { Published: 0, NotPublished: 0 } => "No similar schools in the data",
        _ when value is null => $"Not ranked: {(missing is null or "blank" or "no figure" ? "no figure" : Missing(missing).Split(':')[0])}",
        _ => $"Not ranked: only {among.Published} similar school{(among.Published == 1 ? "" : "s")} with a figure",
    };

    public static string Distance(double value) => value.ToString("0.000", EnGb);
}
