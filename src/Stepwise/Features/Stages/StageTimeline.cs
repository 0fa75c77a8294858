using System.Globalization;
using System.Net;
using System.Text;
using Stepwise.Common;

namespace Stepwise.Features.Stages;

/// <summary>
/// Draws the stage timeline as SVG on the server: one lane per unit, a band for each stage it has been in, labelled
/// with the stage's name (colour only repeats what the words say), academic years along the top and a line for today.
/// Styling is by class (site.css), as the content-security policy allows no inline styles.
/// </summary>
public static class StageTimeline
{
    public sealed record Lane(string Label, IReadOnlyList<(DateOnly From, string Stage)> Changes);

    private const int LabelWidth = 190;
    private const int ChartWidth = 640;
    private const int LaneHeight = 28;
    private const int LaneGap = 8;
    private const int Top = 30;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Render(string id, string title, IReadOnlyList<Lane> lanes, DateOnly today)
    {
        var first = lanes.SelectMany(l => l.Changes).Select(c => c.From).DefaultIfEmpty(today).Min();
        var earliest = first < today.AddYears(-1) ? first : today.AddYears(-1);
        var start = new DateOnly(earliest.Month >= 9 ? earliest.Year : earliest.Year - 1, 9, 1);
        var end = today.AddDays(14);
        var span = end.DayNumber - start.DayNumber;
        double X(DateOnly d) => LabelWidth + ChartWidth * Math.Clamp(d.DayNumber - start.DayNumber, 0, span) / (double)span;

        var height = Top + lanes.Count * (LaneHeight + LaneGap) + 4;
        var width = LabelWidth + ChartWidth + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Encode(Describe(lanes, today))}</desc>");

        // Academic years along the top, with a faint line at each term.
        for (var year = start.Year; new DateOnly(year, 9, 1) <= end; year++)
        {
            foreach (var (termStart, isYear) in new[] { (new DateOnly(year, 9, 1), true), (new DateOnly(year + 1, 1, 1), false), (new DateOnly(year + 1, 4, 15), false) })
            {
                if (termStart < start || termStart > end)
                {
                    continue;
                }
                var x = X(termStart);
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"timeline__{(isYear ? "year" : "term")}\" x1=\"{x:0.#}\" y1=\"{Top - 6}\" x2=\"{x:0.#}\" y2=\"{height}\"/>");
                // A year's label needs room before the next year's line and must not run into the "today" label.
                if (isYear && X(new DateOnly(year + 1, 9, 1)) - x > 40 && X(today) - x > 85)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"timeline__axis\" x=\"{x + 4:0.#}\" y=\"{Top - 12}\">{year}/{(year + 1) % 100:00}</text>");
                }
            }
        }

        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i];
            var y = Top + i * (LaneHeight + LaneGap);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"timeline__label\" x=\"{LabelWidth - 8}\" y=\"{y + LaneHeight / 2 + 5}\" text-anchor=\"end\">{Encode(Shorten(lane.Label, 26))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"timeline__lane\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{ChartWidth}\" height=\"{LaneHeight}\"/>");
            var changes = lane.Changes.Where(c => c.From <= today).OrderBy(c => c.From).ToList();
            for (var c = 0; c < changes.Count; c++)
            {
                var from = changes[c].From;
                var to = c + 1 < changes.Count ? changes[c + 1].From : today;
                var x1 = X(from);
                var x2 = Math.Max(X(to), x1 + 2);
                var stage = changes[c].Stage;
                var name = Display(stage);
                svg.Append(CultureInfo.InvariantCulture, $"<g class=\"stage stage--{stage}\"><rect x=\"{x1:0.#}\" y=\"{y}\" width=\"{x2 - x1:0.#}\" height=\"{LaneHeight}\">");
                svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(lane.Label)}: {name} from {from.ToString("d MMMM yyyy", EnGb)}</title></rect>");
                var label = x2 - x1 >= 70 ? name : x2 - x1 >= 16 ? name[..1] : null;
                if (label is not null)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x1 + 6:0.#}\" y=\"{y + LaneHeight / 2 + 5}\" aria-hidden=\"true\">{label}</text>");
                }
                svg.Append("</g>");
            }
            if (changes.Count == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"timeline__none\" x=\"{LabelWidth + 6}\" y=\"{y + LaneHeight / 2 + 5}\">No stage set</text>");
            }
        }
        var now = X(today);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"timeline__today\" x1=\"{now:0.#}\" y1=\"{Top - 6}\" x2=\"{now:0.#}\" y2=\"{height}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"timeline__axis\" x=\"{now:0.#}\" y=\"{Top - 12}\" text-anchor=\"end\">today</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The chart in words, for screen readers: each unit's current stage and how many changes it has had.</summary>
    private static string Describe(IReadOnlyList<Lane> lanes, DateOnly today)
    {
        var parts = lanes.Select(l =>
        {
            var changes = l.Changes.Where(c => c.From <= today).OrderBy(c => c.From).ToList();
            return changes.Count == 0
                ? $"{l.Label}: no stage set"
                : $"{l.Label}: {Display(changes[^1].Stage)} since {changes[^1].From.ToString("d MMMM yyyy", EnGb)}{(changes.Count > 1 ? $", after {string.Join(", then ", changes.SkipLast(1).Select(c => Display(c.Stage)))}" : "")}";
        });
        return string.Join("; ", parts) + ".";
    }

    private static string Display(string code) => Codes.TryParse<Stage>(code, out var s) ? s.ToString() : code;

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
