using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Stepwise.Analytics.Surveys;

namespace Stepwise.Features.Surveys;

/// <summary>
/// A diverging stacked bar as server-rendered SVG: disagreement to the left of the midpoint, agreement to the right,
/// the neutral option split across it. Colours come from classes (dv-1…dv-5) because the content-security policy
/// forbids inline styles; the figures are in the accessible name and in the table beside the chart.
/// </summary>
public static class DivergingBars
{
    private const double Width = 600;
    private const double Half = 290;
    private const double Height = 26;

    public static IHtmlContent Render(ItemResult item, string label)
    {
        var n = item.N;
        if (n == 0)
        {
            return HtmlString.Empty;
        }
        var percents = item.Counts.Select(c => 100.0 * c / n).ToArray();
        var names = QuestionBank.AgreementOptions;
        var description = string.Join(", ", percents.Select((p, i) => $"{names[i]} {p.ToString("0", CultureInfo.InvariantCulture)}%"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"diverging\" viewBox=\"0 0 {Width} {Height + 4}\" role=\"img\" aria-label=\"{HtmlEncoder.Default.Encode(label)}: {description}\">");
        var centre = Width / 2;
        var scale = Half / 100;
        // Left side, from the centre outwards: half of neutral, disagree, strongly disagree.
        var x = centre - percents[2] / 2 * scale;
        Segment(svg, 3, x, percents[2] * scale);
        var left = x;
        foreach (var i in new[] { 1, 0 })
        {
            left -= percents[i] * scale;
            Segment(svg, i + 1, left, percents[i] * scale);
        }
        var right = centre + percents[2] / 2 * scale;
        foreach (var i in new[] { 3, 4 })
        {
            Segment(svg, i + 1, right, percents[i] * scale);
            right += percents[i] * scale;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{centre}\" x2=\"{centre}\" y1=\"0\" y2=\"{Height + 4}\"/>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>The key: one swatch per option.</summary>
    public static IHtmlContent Legend()
    {
        var html = new StringBuilder("<ul class=\"legend\">");
        for (var i = 0; i < 5; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><svg viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect class=\"dv-{i + 1}\" width=\"10\" height=\"10\"/></svg>{QuestionBank.AgreementOptions[i]}</li>");
        }
        return new HtmlString(html.Append("</ul>").ToString());
    }

    private static void Segment(StringBuilder svg, int option, double x, double width)
    {
        if (width <= 0)
        {
            return;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"dv-{option}\" x=\"{x:0.##}\" y=\"2\" width=\"{width:0.##}\" height=\"{Height}\"/>");
    }
}
