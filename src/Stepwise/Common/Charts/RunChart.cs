using Stepwise.Analytics.Spc;
using Stepwise.Features.Shared;

namespace Stepwise.Common.Charts;

/// <summary>
/// One charted point of a run chart: its period, value, Making Data Count variation and the limits in force, and the
/// day its period starts (which places annotations; a point without it takes none).
/// </summary>
public sealed record RunPoint(string Period, double Value, Variation Variation, double? Mean, double? Upper, double? Lower, string? Rule,
    DateOnly? PeriodStart = null);

/// <summary>
/// A run chart (XmR, Making Data Count): the values joined in time order, each point coloured by its variation (grey
/// common cause, blue improvement, orange concern, purple a change with no better direction), the mean solid, the
/// process limits dashed, the target dotted. Points without a value are never drawn (the caller leaves them out).
/// Annotations are thin vertical lines at their points with their labels stacked above the plot (<see cref="Notes"/>).
/// </summary>
public static class RunChart
{
    public const double Width = 760;

    private const double NoteRow = 16;
    private const double NoteFont = 12;

    /// <param name="alternative">The chart in words; the annotations are added to it.</param>
    /// <param name="annotations">Marked at the last point whose period starts on or before their day; those before the first such point are in the words and the data only.</param>
    public static Chart Draw(string id, string title, string alternative, string unit, IReadOnlyList<RunPoint> points, double? target,
        Func<double, string> format, IReadOnlyList<ChartAnnotation>? annotations = null)
    {
        const double left = 78, right = Width - 20;
        var notes = (annotations ?? []).OrderBy(a => a.On).Select(a => (Annotation: a, Point: PointOf(points, a.On))).ToList();
        var slot = points.Count <= 1 ? 0 : (right - left - 20) / (points.Count - 1);
        double X(int i) => points.Count <= 1 ? (left + right) / 2 : left + 10 + i * slot;
        var labels = Notes([.. notes.Where(n => n.Point is not null).Select(n => (n.Annotation, X(n.Point!.Value)))]);
        string Tip(ChartAnnotation a) => $"{a.Label}: {Display.Date(a.On)}, at {points[notes.First(n => n.Annotation == a).Point!.Value].Period}";
        // The annotations' labels stand in rows above the plot, which moves down to make room.
        var rows = labels.Count == 0 ? 0 : labels.Max(l => l.Row) + 1;
        var top = 28 + (rows == 0 ? 0 : rows * NoteRow + 6);
        var bottom = top + 272;

        var marks = new List<Mark>();
        var values = points.Select(p => p.Value)
            .Concat(points.SelectMany(p => new[] { p.Upper, p.Lower }).OfType<double>())
            .Concat(target is double t ? [t] : []).DefaultIfEmpty(0);
        var y = LinearScale.Nice(values, bottom, top);

        foreach (var tick in y.Ticks())
        {
            marks.Add(new LineMark(left, y[tick], right, y[tick], "chart__grid"));
            marks.Add(new TextMark(left - 8, y[tick] + 4, format(tick), "chart__tick", Anchor.End));
        }
        // The unit above the axis's numbers, or from the chart's left edge when it is wider than they are ("% of sessions"),
        // above the annotations' labels if one would run into it.
        var unitWidth = ChartText.Width(unit, 13);
        marks.Add(unitWidth <= left - 12
            ? new TextMark(left - 8, top - 12, unit, "chart__tick", Anchor.End)
            : new TextMark(4, labels.Any(l => l.From < 4 + unitWidth + 8) ? 16 : top - 12, unit, "chart__tick"));
        marks.Add(new LineMark(left, bottom, right, bottom, "chart__axis"));

        // Period labels: as many as fit side by side, always the first and the last (kept inside the chart).
        var widest = points.Select(p => ChartText.Width(p.Period, 13)).DefaultIfEmpty(30).Max() + 12;
        var every = Math.Max(1, (int)Math.Ceiling(widest / Math.Max(slot, 1)));
        var last = points.Count - 1;
        for (var i = 0; i <= last; i++)
        {
            if (i == last || (i % every == 0 && X(last) - X(i) >= 1.5 * widest))
            {
                var anchor = i == last && X(i) + widest / 2 > Width ? Anchor.End : Anchor.Middle;
                marks.Add(new LineMark(X(i), bottom, X(i), bottom + 5, "chart__axis"));
                marks.Add(new TextMark(anchor == Anchor.End ? X(i) + 6 : X(i), bottom + 20, points[i].Period, "chart__tick", anchor));
            }
        }

        Steps(marks, points, p => p.Mean, "run__mean", X, y);
        Steps(marks, points, p => p.Upper, "run__limit", X, y);
        Steps(marks, points, p => p.Lower, "run__limit", X, y);
        if (target is double goal)
        {
            marks.Add(new LineMark(left, y[goal], right, y[goal], "run__target") { Tooltip = $"Target: {format(goal)}" });
        }
        foreach (var label in labels)
        {
            marks.Add(new LineMark(label.X, Baseline(top, label.Row) - 11, label.X, bottom, "run__note") { Tooltip = Tip(label.Annotation) });
        }
        if (points.Count > 1)
        {
            marks.Add(new PathMark([.. points.Select((p, i) => (X(i), y[p.Value]))], false, "run__line"));
        }
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var words = $"{p.Period}: {format(p.Value)}, {Words(p.Variation)}";
            marks.Add(new CircleMark(X(i), y[p.Value], p.Variation == Variation.Common ? 4 : 6, $"run__point variation--{Codes.Of(p.Variation)}") { Tooltip = words });
        }
        foreach (var label in labels)
        {
            var baseline = Baseline(top, label.Row);
            marks.Add(new RectMark(label.From - 2, baseline - 12, label.To - label.From + 4, 16, "run__note-back"));
            marks.Add(new TextMark(label.Anchor == Anchor.Start ? label.From : label.To, baseline, label.Text, "run__note-label", label.Anchor)
            {
                Tooltip = Tip(label.Annotation),
                Link = label.Annotation.Url,
            });
        }

        var entries = new List<Legend.Entry>();
        foreach (var v in Enum.GetValues<Variation>().Where(v => points.Any(p => p.Variation == v)))
        {
            entries.Add(new(Legend.Swatch.Dot, $"variation--{Codes.Of(v)}", Words(v)));
        }
        entries.Add(new(Legend.Swatch.Line, "run__mean", "Mean"));
        entries.Add(new(Legend.Swatch.Line, "run__limit", "Process limits"));
        if (target is not null)
        {
            entries.Add(new(Legend.Swatch.Line, "run__target", "Target"));
        }
        if (labels.Count > 0)
        {
            entries.Add(new(Legend.Swatch.Line, "run__note", "PDSA cycle"));
        }
        var (legend, height) = Legend.Row(entries, left, bottom + 34, right - left);
        marks.AddRange(legend);

        var unplaced = notes.Where(n => n.Point is null).Select(n => (IReadOnlyList<object?>)
            [null, null, null, null, null, null, null, null, $"{n.Annotation.Label} ({Display.Date(n.Annotation.On)}, {NotPlaced(points)})"]);
        var data = new ChartData(["Period", "Value", "Variation", "Rule", "Mean", "Upper process limit", "Lower process limit", "Target", "Annotations"],
            [.. unplaced, .. points.Select((p, i) => (IReadOnlyList<object?>)[p.Period, p.Value, Codes.Of(p.Variation), p.Rule, p.Mean, p.Upper, p.Lower, target,
                string.Join("; ", notes.Where(n => n.Point == i).Select(n => n.Annotation.Label)) is { Length: > 0 } placed ? placed : null])]);
        var described = notes.Count == 0 ? alternative
            : $"{alternative} Marked: {string.Join("; ", notes.Select(n => n.Point is int i
                ? $"{n.Annotation.Label} at {points[i].Period}"
                : $"{n.Annotation.Label} on {Display.Date(n.Annotation.On)}, {NotPlaced(points)}"))}.";
        return new Chart(id, title, described, new Scene(Width, bottom + 34 + height + 6, marks), data);
    }

    /// <summary>
    /// The point an annotation on this day is placed at: the last whose period starts on or before it (the period that
    /// contains it, the points being in time order); null when the day comes before every dated point.
    /// </summary>
    public static int? PointOf(IReadOnlyList<RunPoint> points, DateOnly on)
    {
        int? found = null;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].PeriodStart is { } start && start <= on)
            {
                found = i;
            }
        }
        return found;
    }

    private static string NotPlaced(IReadOnlyList<RunPoint> points) =>
        points.Any(p => p.PeriodStart is not null) ? "before the first point, not drawn" : "no dated point to mark it at, not drawn";

    /// <summary>An annotation's label as laid out: its words, the row above the plot (0 nearest it), its extent and anchor, and its line's x.</summary>
    public sealed record NoteLabel(ChartAnnotation Annotation, string Text, double X, int Row, double From, double To, Anchor Anchor);

    /// <summary>
    /// Lays out annotation labels above the plot: each beside its line (to the right, or to the left where the chart
    /// ends), in the lowest row where it overlaps no other label and, where it can, no line crosses it. Labels are
    /// placed from the right, so a label whose words run over a later annotation's line sits above it.
    /// </summary>
    public static IReadOnlyList<NoteLabel> Notes(IReadOnlyList<(ChartAnnotation Annotation, double X)> placed)
    {
        const double gap = 8;
        var done = new List<NoteLabel>();
        foreach (var (a, x) in placed.Select((p, i) => (p, i)).OrderByDescending(p => p.p.X).ThenByDescending(p => p.i).Select(p => p.p))
        {
            var text = Display.Shorten(a.Label, 34);
            var width = ChartText.Width(text, NoteFont);
            var (from, to, anchor) = x + 5 + width <= Width - 4 ? (x + 5, x + 5 + width, Anchor.Start) : (x - 5 - width, x - 5, Anchor.End);
            bool Free(int row) => !done.Any(d => d.Row == row && d.From < to + gap && from < d.To + gap);
            bool Uncrossed(int row) =>
                !done.Any(d => d.Row < row && d.From - 2 < x && x < d.To + 2) && !done.Any(d => d.Row > row && from - 2 < d.X && d.X < to + 2);
            var rows = Enumerable.Range(0, done.Count + 1);
            var chosen = rows.Where(r => Free(r) && Uncrossed(r)).Cast<int?>().FirstOrDefault() ?? rows.First(Free);
            done.Add(new NoteLabel(a, text, x, chosen, from, to, anchor));
        }
        return [.. done.OrderBy(d => d.X).ThenBy(d => d.Row)];
    }

    private static double Baseline(double top, int row) => top - 8 - row * NoteRow;

    /// <summary>A point's variation in words, as in the legend.</summary>
    public static string Words(Variation variation) => variation switch
    {
        Variation.Improvement => "Improvement",
        Variation.Concern => "Concern",
        Variation.Neutral => "Change (no better direction)",
        _ => "Common cause (noise)",
    };

    /// <summary>A limit drawn as level steps: one segment per stretch of points where it has the same value.</summary>
    private static void Steps(List<Mark> marks, IReadOnlyList<RunPoint> points, Func<RunPoint, double?> of, string css, Func<int, double> x, LinearScale y)
    {
        var start = -1;
        for (var i = 0; i <= points.Count; i++)
        {
            var value = i < points.Count ? of(points[i]) : null;
            var same = start >= 0 && value is not null && value == of(points[start]);
            if (start >= 0 && !same)
            {
                var v = of(points[start])!.Value;
                var (x1, x2) = (x(start) - (start == 0 ? 6 : 0), x(i - 1) + 6);
                marks.Add(new LineMark(x1, y[v], Math.Max(x2, x1 + 12), y[v], css));
                start = -1;
            }
            if (start < 0 && value is not null)
            {
                start = i;
            }
        }
    }
}
