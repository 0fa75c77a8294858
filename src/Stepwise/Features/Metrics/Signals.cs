using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Stepwise.Analytics.Spc;

namespace Stepwise.Features.Metrics;

/// <summary>
/// The Making Data Count icons as small server-drawn SVGs (coloured by CSS classes, so the page's CSP holds), always
/// with words beside them: colour is never the only signal. Variation: grey common cause; blue improvement, orange
/// concern, purple a change on a metric with no better direction, with H or L for a high or low signal. Assurance:
/// P (the target will be met consistently), F (it will not), ? (it may or may not).
/// </summary>
public static class Signals
{
    public static IHtmlContent Variation(Variation variation, bool high)
    {
        var (css, letter, words) = variation switch
        {
            Analytics.Spc.Variation.Improvement => ("improvement", high ? "H" : "L", high ? "Improvement (higher)" : "Improvement (lower)"),
            Analytics.Spc.Variation.Concern => ("concern", high ? "H" : "L", high ? "Concern (higher)" : "Concern (lower)"),
            Analytics.Spc.Variation.Neutral => ("neutral", high ? "H" : "L", high ? "Change (higher)" : "Change (lower)"),
            _ => ("common", "~", "No signal"),
        };
        return Icon(css, letter, words);
    }

    public static IHtmlContent Assurance(Assurance assurance) => assurance switch
    {
        Analytics.Spc.Assurance.ConsistentPass => Icon("improvement", "P", "Target met consistently"),
        Analytics.Spc.Assurance.ConsistentFail => Icon("concern", "F", "Target will not be met without change"),
        Analytics.Spc.Assurance.Inconsistent => Icon("common", "?", "Target may or may not be met"),
        _ => HtmlString.Empty,
    };

    private static HtmlString Icon(string css, string letter, string words) => new(
        $"<span class=\"signal signal--{css}\">{IconOnly(letter)}<span class=\"signal__words\">{WebUtility.HtmlEncode(words)}</span></span>");

    /// <summary>The round icon alone, coloured by the enclosing <c>signal--…</c> class; the caller puts the words beside it.</summary>
    public static IHtmlContent IconOnly(string letter) => new HtmlString(
        "<svg class=\"signal__icon\" viewBox=\"0 0 24 24\" width=\"22\" height=\"22\" aria-hidden=\"true\" focusable=\"false\">" +
        $"<circle cx=\"12\" cy=\"12\" r=\"11\"/><text x=\"12\" y=\"16.5\" text-anchor=\"middle\">{WebUtility.HtmlEncode(letter)}</text></svg>");

    /// <summary>A small trend line of the values that exist; the last point marked by its variation.</summary>
    public static IHtmlContent Sparkline(IReadOnlyList<double> values, Variation latest, string label)
    {
        if (values.Count < 2)
        {
            return HtmlString.Empty;
        }
        const double width = 120, height = 28, pad = 3;
        var (min, max) = (values.Min(), values.Max());
        var span = max - min == 0 ? 1 : max - min;
        string X(int i) => (pad + i * (width - 2 * pad) / (values.Count - 1)).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double v) => (height - pad - (v - min) / span * (height - 2 * pad)).ToString("0.#", CultureInfo.InvariantCulture);
        var path = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            path.Append(i == 0 ? "" : " ").Append(X(i)).Append(',').Append(Y(values[i]));
        }
        var css = latest.ToCode();
        return new HtmlString(
            $"<svg class=\"sparkline\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\">" +
            $"<polyline points=\"{path}\"/><circle class=\"sparkline__last sparkline__last--{css}\" cx=\"{X(values.Count - 1)}\" cy=\"{Y(values[^1])}\" r=\"3.5\"/></svg>");
    }

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
