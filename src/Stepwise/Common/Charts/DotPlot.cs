using Stepwise.Analytics.Spc;

namespace Stepwise.Common.Charts;

/// <summary>What a dot stands for: the school itself, another school of the trust, or another similar school.</summary>
public enum DotKind { Other, Trust, School }

public sealed record DotMember(string Name, double Value, DotKind Kind);

/// <summary>
/// Similar schools as a dot plot: each a dot at its figure, stacked where figures are close, the school highlighted and
/// labelled, the trust's schools drawn as diamonds, the middle half of similar schools as a band on the axis with the
/// median marked, and which way is better.
/// </summary>
public static class DotPlot
{
    public const double Width = 720;
    private const double Radius = 6;

    public static Chart Draw(string id, string title, string alternative, IReadOnlyList<DotMember> members, double? median, double? lowerQuartile,
        double? upperQuartile, Polarity better, Func<double, string> format)
    {
        const double left = 24, right = Width - 24;
        var x = LinearScale.Nice(members.Select(m => m.Value).DefaultIfEmpty(0), left, right);

        // Stack dots upwards where they would overlap: a dot histogram, the school drawn in its place among them.
        var levels = new List<double>();
        var placed = new List<(double X, int Level, DotMember Member)>();
        foreach (var m in members.OrderBy(m => m.Value).ThenBy(m => m.Kind == DotKind.School))
        {
            var at = x[m.Value];
            var level = levels.FindIndex(lastX => at - lastX >= 2 * Radius + 1);
            if (level < 0)
            {
                levels.Add(at);
                level = levels.Count - 1;
            }
            levels[level] = at;
            placed.Add((at, level, m));
        }
        const double top = 56; // room for the school's label
        var axisY = top + levels.Count * (2 * Radius + 1) + 14;
        var marks = new List<Mark>();
        if (lowerQuartile is double q1 && upperQuartile is double q3)
        {
            marks.Add(new RectMark(x[q1], axisY - 8, Math.Max(x[q3] - x[q1], 2), 8, "chart__band"));
        }
        if (median is double md)
        {
            marks.Add(new LineMark(x[md], 48, x[md], axisY, "chart__median"));
        }
        marks.Add(new LineMark(left, axisY, right, axisY, "chart__axis"));
        foreach (var t in x.Ticks())
        {
            marks.Add(new LineMark(x[t], axisY, x[t], axisY + 5, "chart__axis"));
            marks.Add(new TextMark(x[t], axisY + 20, format(t), "chart__tick", Anchor.Middle));
        }
        if (better == Polarity.Up)
        {
            marks.Add(new TextMark(right, axisY + 42, "Better →", "chart__better", Anchor.End));
        }
        else if (better == Polarity.Down)
        {
            marks.Add(new TextMark(left, axisY + 42, "← Better", "chart__better"));
        }
        foreach (var (dx, level, m) in placed.OrderBy(p => p.Member.Kind == DotKind.School))
        {
            var dy = axisY - 14 - Radius - level * (2 * Radius + 1);
            var label = $"{m.Name}: {format(m.Value)}";
            switch (m.Kind)
            {
                case DotKind.School:
                    var anchor = dx > Width * 0.7 ? Anchor.End : dx < Width * 0.3 ? Anchor.Start : Anchor.Middle;
                    marks.Add(new LineMark(dx, 30, dx, dy - 9, "chart__leader"));
                    marks.Add(new TextMark(dx, 22, label, "chart__school-label", anchor));
                    marks.Add(new CircleMark(dx, dy, 8, "chart__dot chart__dot--school") { Tooltip = label });
                    break;
                case DotKind.Trust:
                    marks.Add(new PathMark([(dx, dy - 8), (dx + 8, dy), (dx, dy + 8), (dx - 8, dy)], true, "chart__dot chart__dot--trust") { Tooltip = $"{label} (your trust)" });
                    break;
                default:
                    marks.Add(new CircleMark(dx, dy, Radius, "chart__dot") { Tooltip = label });
                    break;
            }
        }
        var entries = new List<Legend.Entry> { new(Legend.Swatch.Dot, "chart__dot chart__dot--school", "This school"), new(Legend.Swatch.Dot, "chart__dot", "A similar school") };
        if (members.Any(m => m.Kind == DotKind.Trust))
        {
            entries.Add(new(Legend.Swatch.Diamond, "chart__dot chart__dot--trust", "A school in your trust"));
        }
        entries.Add(new(Legend.Swatch.Box, "chart__band", "Middle half of similar schools"));
        entries.Add(new(Legend.Swatch.Line, "chart__median", "Median"));
        var (legend, height) = Legend.Row(entries, left, axisY + 52, right - left);
        marks.AddRange(legend);
        var data = new ChartData(["School", "Kind", "Value"],
            [.. members.Select(m => (IReadOnlyList<object?>)[m.Name, m.Kind switch { DotKind.School => "this school", DotKind.Trust => "your trust", _ => "similar school" }, m.Value])]);
        return new Chart(id, title, alternative, new Scene(Width, axisY + 52 + height + 4, marks), data);
    }
}
