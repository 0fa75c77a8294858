using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Stepwise.Common.Charts;

/// <summary>
/// Draws a chart as SVG: inline on pages (no script, no inline style: colours are presentation attributes from
/// <see cref="Palette"/>, allowed by the content-security policy) and as a standalone file. The SVG has the chart's
/// title and text alternative as its <c>title</c> and <c>desc</c>, and each mark's tooltip as its own <c>title</c>.
/// A chart with linked marks (<see cref="Mark.Link"/>) cannot be one image, as an image's links reach neither the
/// keyboard nor a screen reader: it is a group named by its title holding the drawing (an image described by the text
/// alternative) and then the linked marks, each an <c>&lt;a href&gt;</c>, drawn on top.
/// </summary>
public static class ChartSvg
{
    private const string Fonts = "system-ui, 'DejaVu Sans', sans-serif";

    public static string Render(Chart chart, bool standalone = false)
    {
        var s = chart.Scene;
        var id = chart.Id;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{chart.CssClass}\" viewBox=\"0 0 {N(s.Width)} {N(s.Height)}\" ");
        if (standalone)
        {
            svg.Append(CultureInfo.InvariantCulture, $"width=\"{N(s.Width)}\" height=\"{N(s.Height)}\" ");
        }
        var linked = s.Marks.Where(m => Href(m.Link) is not null).ToList();
        svg.Append(linked.Count == 0
            ? $"font-family=\"{Fonts}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">"
            : $"font-family=\"{Fonts}\" role=\"group\" aria-labelledby=\"{id}-title\">");
        if (standalone)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{N(s.Width)}\" height=\"{N(s.Height)}\" fill=\"#ffffff\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(chart.Title)}</title><desc id=\"{id}-desc\">{E(chart.Alternative)}</desc>");
        if (linked.Count == 0)
        {
            Marks(svg, s.Marks);
        }
        else
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g role=\"img\" aria-labelledby=\"{id}-desc\">");
            Marks(svg, s.Marks.Except(linked));
            svg.Append("</g>");
            Marks(svg, linked);
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The chart's SVG for a Razor page.</summary>
    public static IHtmlContent Html(Chart chart) => new HtmlString(Render(chart));

    /// <summary>A small decorative drawing (an icon) whose meaning is in the words beside it: hidden from screen readers.</summary>
    public static IHtmlContent Decorative(Scene scene, string cssClass)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" viewBox=\"0 0 {N(scene.Width)} {N(scene.Height)}\" width=\"{N(scene.Width)}\" height=\"{N(scene.Height)}\" font-family=\"{Fonts}\" aria-hidden=\"true\" focusable=\"false\">");
        Marks(svg, scene.Marks);
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static void Marks(StringBuilder svg, IEnumerable<Mark> marks)
    {
        string? open = null;
        foreach (var mark in marks)
        {
            var look = Palette.Of(mark.Style, mark is TextMark);
            var paint = Paint(look, mark is TextMark);
            var title = mark.Tooltip is null ? "" : $"<title>{E(mark.Tooltip)}</title>";
            var close = title.Length == 0 ? "/>" : $">{title}";
            // Marks next to each other with the same link (the lines of one box) are one link.
            var href = Href(mark.Link);
            if (href != open)
            {
                svg.Append(open is null ? "" : "</a>").Append(href is null ? "" : $"<a href=\"{E(href)}\">");
                open = href;
            }
            switch (mark)
            {
                case LineMark l:
                    svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{l.Class}\" x1=\"{N(l.X1)}\" y1=\"{N(l.Y1)}\" x2=\"{N(l.X2)}\" y2=\"{N(l.Y2)}\"{paint}{close}");
                    svg.Append(title.Length == 0 ? "" : "</line>");
                    break;
                case RectMark r:
                    svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{r.Class}\" x=\"{N(r.X)}\" y=\"{N(r.Y)}\" width=\"{N(Math.Max(r.Width, 0))}\" height=\"{N(Math.Max(r.Height, 0))}\"{paint}{close}");
                    svg.Append(title.Length == 0 ? "" : "</rect>");
                    break;
                case CircleMark c:
                    svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"{c.Class}\" cx=\"{N(c.Cx)}\" cy=\"{N(c.Cy)}\" r=\"{N(c.R)}\"{paint}{close}");
                    svg.Append(title.Length == 0 ? "" : "</circle>");
                    break;
                case PathMark p:
                    var d = string.Join(' ', p.Points.Select((pt, i) => $"{(i == 0 ? "M" : "L")}{N(pt.X)},{N(pt.Y)}")) + (p.Closed ? " Z" : "");
                    svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{p.Class}\" d=\"{d}\"{paint}{close}");
                    svg.Append(title.Length == 0 ? "" : "</path>");
                    break;
                case TextMark t:
                    var anchor = t.Anchor switch { Anchor.Middle => " text-anchor=\"middle\"", Anchor.End => " text-anchor=\"end\"", _ => "" };
                    var hidden = t.Decorative ? " aria-hidden=\"true\"" : "";
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{t.Class}\" x=\"{N(t.X)}\" y=\"{N(t.Y)}\"{anchor}{paint}{hidden}>{title}{E(t.Text)}</text>");
                    break;
            }
        }
        svg.Append(open is null ? "" : "</a>");
    }

    /// <summary>A link a chart may carry: a path in the app or an http(s) address; anything else (a script, another scheme) is dropped.</summary>
    private static string? Href(string? link) =>
        link is null ? null
        : link.StartsWith('/') && (link.Length == 1 || link[1] is not ('/' or '\\')) ? link
        : Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? link
        : null;

    private static string Paint(Look look, bool text)
    {
        var a = new StringBuilder();
        if (look.Fill is { } fill) { a.Append(CultureInfo.InvariantCulture, $" fill=\"{fill}\""); }
        else if (!text) { a.Append(" fill=\"none\""); }
        if (look.Stroke is { } stroke) { a.Append(CultureInfo.InvariantCulture, $" stroke=\"{stroke}\""); }
        if (look.StrokeWidth is { } width) { a.Append(CultureInfo.InvariantCulture, $" stroke-width=\"{N(width)}\""); }
        if (look.Dash is { } dash) { a.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\""); }
        if (text && look.FontSize is { } size) { a.Append(CultureInfo.InvariantCulture, $" font-size=\"{N(size)}\""); }
        if (text && look.Bold == true) { a.Append(" font-weight=\"bold\""); }
        if (text && look.Italic == true) { a.Append(" font-style=\"italic\""); }
        return a.ToString();
    }

    /// <summary>A coordinate: invariant, at most two decimals.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
