using System.Globalization;

namespace Stepwise.Common.Charts;

/// <summary>
/// The stage timeline: one lane per unit, a band for each stage it has been in, labelled with the stage's name (colour
/// only repeats what the words say), academic years along the top, a faint line at each term and a line for today.
/// </summary>
public static class StageTimeline
{
    /// <summary>A unit and its stage changes (stage code and the day it took effect).</summary>
    public sealed record Lane(string Label, IReadOnlyList<(DateOnly From, string Stage)> Changes);

    private const int LabelWidth = 190;
    private const int ChartWidth = 640;
    private const int LaneHeight = 28;
    private const int LaneGap = 8;
    private const int Top = 30;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <param name="name">A stage's name from its code.</param>
    /// <param name="light">Whether a stage's band is dark enough to need light words.</param>
    public static Chart Draw(string id, string title, IReadOnlyList<Lane> lanes, DateOnly today, Func<string, string> name, Func<string, bool> light)
    {
        var first = lanes.SelectMany(l => l.Changes).Select(c => c.From).DefaultIfEmpty(today).Min();
        var earliest = first < today.AddYears(-1) ? first : today.AddYears(-1);
        var start = AcademicYear.Of(earliest).StartsOn;
        var end = today.AddDays(14);
        var span = end.DayNumber - start.DayNumber;
        double X(DateOnly d) => LabelWidth + ChartWidth * Math.Clamp(d.DayNumber - start.DayNumber, 0, span) / (double)span;

        var height = Top + lanes.Count * (LaneHeight + LaneGap) + 4;
        var marks = new List<Mark>();
        for (var year = AcademicYear.Of(start); year.StartsOn <= end; year = year.Next)
        {
            foreach (var (termStart, isYear) in new[] { (year.TermStart(1), true), (year.TermStart(2), false), (year.TermStart(3), false) })
            {
                if (termStart < start || termStart > end)
                {
                    continue;
                }
                var x = X(termStart);
                marks.Add(new LineMark(x, Top - 6, x, height, isYear ? "timeline__year" : "timeline__term"));
                // A year's label needs room before the next year's line and must not run into the "today" label.
                if (isYear && X(year.Next.StartsOn) - x > 40 && X(today) - x > 85)
                {
                    marks.Add(new TextMark(x + 4, Top - 12, year.ToString(), "timeline__axis"));
                }
            }
        }
        var rows = new List<IReadOnlyList<object?>>();
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i];
            var y = Top + i * (LaneHeight + LaneGap);
            marks.Add(new TextMark(LabelWidth - 8, y + LaneHeight / 2 + 5, Shorten(lane.Label, 26), "timeline__label", Anchor.End));
            marks.Add(new RectMark(LabelWidth, y, ChartWidth, LaneHeight, "timeline__lane"));
            var changes = lane.Changes.Where(c => c.From <= today).OrderBy(c => c.From).ToList();
            for (var c = 0; c < changes.Count; c++)
            {
                var from = changes[c].From;
                var to = c + 1 < changes.Count ? changes[c + 1].From : today;
                var x1 = X(from);
                var x2 = Math.Max(X(to), x1 + 2);
                var stage = changes[c].Stage;
                var words = name(stage);
                marks.Add(new RectMark(x1, y, x2 - x1, LaneHeight, $"stage stage--{stage}") { Tooltip = $"{lane.Label}: {words} from {from.ToString("d MMMM yyyy", EnGb)}" });
                var label = x2 - x1 >= 70 ? words : x2 - x1 >= 16 ? words[..1] : null;
                if (label is not null)
                {
                    marks.Add(new TextMark(x1 + 6, y + LaneHeight / 2 + 5, label, light(stage) ? "stage__name stage__name--light" : "stage__name") { Decorative = true });
                }
                rows.Add([lane.Label, words, from, c + 1 < changes.Count ? changes[c + 1].From : null]);
            }
            if (changes.Count == 0)
            {
                marks.Add(new TextMark(LabelWidth + 6, y + LaneHeight / 2 + 5, "No stage set", "timeline__none"));
            }
        }
        var now = X(today);
        marks.Add(new LineMark(now, Top - 6, now, height, "timeline__today"));
        marks.Add(new TextMark(now, Top - 12, "today", "timeline__axis", Anchor.End));
        var data = new ChartData(["Unit", "Stage", "From", "Until"], rows);
        return new Chart(id, title, Describe(lanes, today, name), new Scene(LabelWidth + ChartWidth + 10, height, marks), data) { CssClass = "timeline" };
    }

    /// <summary>The chart in words: each unit's current stage and the stages before it.</summary>
    private static string Describe(IReadOnlyList<Lane> lanes, DateOnly today, Func<string, string> name)
    {
        var parts = lanes.Select(l =>
        {
            var changes = l.Changes.Where(c => c.From <= today).OrderBy(c => c.From).ToList();
            return changes.Count == 0
                ? $"{l.Label}: no stage set"
                : $"{l.Label}: {name(changes[^1].Stage)} since {changes[^1].From.ToString("d MMMM yyyy", EnGb)}{(changes.Count > 1 ? $", after {string.Join(", then ", changes.SkipLast(1).Select(c => name(c.Stage)))}" : "")}";
        });
        return string.Join("; ", parts) + ".";
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
