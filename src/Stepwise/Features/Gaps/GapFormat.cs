using System.Globalization;

namespace Stepwise.Features.Gaps;

/// <summary>How gaps read: signed, one decimal place, with the interval; percentages in points.</summary>
public static class GapFormat
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Number(double? value) => value is double v ? v.ToString("0.0", EnGb) : "–";

    public static string Signed(double? value) => value is double v ? (v > 0 ? "+" : v < 0 ? "−" : "") + Math.Abs(v).ToString("0.0", EnGb) : "–";

    public static string Interval(double? low, double? high) => low is double l && high is double h ? $"{Signed(l)} to {Signed(h)}" : "";

    public static string Percent(double? value) => value is double v ? v.ToString("0.0", EnGb) + "%" : "–";

    public static string Points(double? a, double? b) => a is double x && b is double y ? Signed(x - y) + " points" : "–";

    /// <summary>Whether the interval excludes zero: a gap the data are sure of.</summary>
    public static string Certainty(double? low, double? high) => low is double l && high is double h
        ? (l > 0 || h < 0 ? "a real difference" : "could be no difference")
        : "";
}
