using Stepwise.Analytics.Spc;

namespace Stepwise.Common.Charts;

/// <summary>One charted point of a run chart: its period, value, Making Data Count variation and the limits in force.</summary>
public sealed record RunPoint(string Period, double Value, Variation Variation, double? Mean, double? Upper, double? Lower, string? Rule);

/// <summary>
/// A run chart (XmR, Making Data Count): the values joined in time order, each point coloured by its variation (grey
/// common cause, blue improvement, orange concern, purple a change with no better direction), the mean solid, the
/// process limits dashed, the target dotted. Points without a value are never drawn (the caller leaves them out).
/// </summary>
public static class RunChart
{
    public const double Width = 760;

    public static Chart Draw(string id, string title, string alternative, string unit, IReadOnlyList<RunPoint> points, double? target,
        Func<double, string> format)
    {
        const double left = 78, right = Width - 20, top = 28, bottom = 300;
        var marks = new List<Mark>();
        var values = points.Select(p => p.Value)
            .Concat(points.SelectMany(p => new[] { p.Upper, p.Lower }).OfType<double>())
            .Concat(target is double t ? [t] : []).DefaultIfEmpty(0);
        var y = LinearScale.Nice(values, bottom, top);
        var slot = points.Count <= 1 ? 0 : (right - left - 20) / (points.Count - 1);
        double X(int i) => points.Count <= 1 ? (left + right) / 2 : left + 10 + i * slot;

        foreach (var tick in y.Ticks())
        {
            marks.Add(new LineMark(left, y[tick], right, y[tick], "chart__grid"));
            marks.Add(new TextMark(left - 8, y[tick] + 4, format(tick), "chart__tick", Anchor.End));
        }
        marks.Add(new TextMark(left - 8, top - 12, unit, "chart__tick", Anchor.End));
        marks.Add(new LineMark(left, bottom, right, bottom, "chart__axis"));

        // Period labels: as many as fit side by side, always the first and the last (kept inside the chart).
        var widest = points.Select(p => p.Period.Length).DefaultIfEmpty(4).Max() * 7.0 + 12;
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
        var (legend, height) = Legend.Row(entries, left, bottom + 34, right - left);
        marks.AddRange(legend);

        var data = new ChartData(["Period", "Value", "Variation", "Rule", "Mean", "Upper process limit", "Lower process limit", "Target"],
            [.. points.Select(p => (IReadOnlyList<object?>)[p.Period, p.Value, Codes.Of(p.Variation), p.Rule, p.Mean, p.Upper, p.Lower, target])]);
        return new Chart(id, title, alternative, new Scene(Width, bottom + 34 + height + 6, marks), data);
    }

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
