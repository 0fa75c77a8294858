namespace Stepwise.Common.Charts;

/// <summary>One year of a gap: the gap (the rest's mean minus the group's) with its 95% interval, or why there is none.</summary>
public sealed record GapYear(string Year, double? Gap, double? Low, double? High, string? Missing);

/// <summary>
/// The gap between a group and the rest of the school, year by year: a dot for the gap, a bar for its 95% interval,
/// and the line of no difference. Above the line the group is behind; an interval that crosses it could be no difference.
/// </summary>
public static class GapChart
{
    public const double Width = 720;

    public static Chart Draw(string id, string title, string alternative, string groupName, IReadOnlyList<GapYear> years, Func<double, string> format)
    {
        const double left = 78, right = Width - 24, top = 36, bottom = 262;
        var marks = new List<Mark>();
        var values = years.SelectMany(y => new[] { y.Gap, y.Low, y.High }).OfType<double>().Append(0);
        var y = LinearScale.Nice(values, bottom, top);
        var slot = (right - left) / Math.Max(years.Count, 1);
        double X(int i) => left + slot * (i + 0.5);

        if (y.Max > 0)
        {
            marks.Add(new RectMark(left, y[y.Max], right - left, y[0] - y[y.Max], "gap__area--behind"));
        }
        foreach (var tick in y.Ticks())
        {
            marks.Add(new LineMark(left, y[tick], right, y[tick], "chart__grid"));
            marks.Add(new TextMark(left - 8, y[tick] + 4, format(tick), "chart__tick", Anchor.End));
        }
        marks.Add(new LineMark(left, y[0], right, y[0], "chart__zero"));
        // Which way is which, outside the plot so no interval runs through the words.
        marks.Add(new TextMark(left - 8, top - 16, $"↑ {groupName} behind", "chart__better"));
        var below = bottom + 42.0;
        if (y.Min < 0)
        {
            marks.Add(new TextMark(left - 8, below, $"↓ {groupName} ahead", "chart__better"));
            below += 10;
        }
        marks.Add(new TextMark(left + 6, y[0] - 6, "no difference", "chart__tick"));

        var points = new List<(double X, double Y)>();
        for (var i = 0; i < years.Count; i++)
        {
            var yr = years[i];
            marks.Add(new TextMark(X(i), bottom + 22, yr.Year, "chart__tick", Anchor.Middle));
            if (yr.Gap is not double gap)
            {
                marks.Add(new TextMark(X(i), y[0] - 24, yr.Missing ?? "no figure", "chart__missing", Anchor.Middle));
                points.Clear();
                continue;
            }
            if (yr.Low is double lo && yr.High is double hi)
            {
                marks.Add(new LineMark(X(i), y[lo], X(i), y[hi], "gap__interval") { Tooltip = $"{yr.Year}: 95% interval {format(lo)} to {format(hi)}" });
                marks.Add(new LineMark(X(i) - 8, y[lo], X(i) + 8, y[lo], "gap__interval"));
                marks.Add(new LineMark(X(i) - 8, y[hi], X(i) + 8, y[hi], "gap__interval"));
            }
            if (points.Count > 0)
            {
                marks.Add(new LineMark(points[^1].X, points[^1].Y, X(i), y[gap], "gap__line"));
            }
            points.Add((X(i), y[gap]));
            marks.Add(new CircleMark(X(i), y[gap], 6, "gap__dot") { Tooltip = $"{yr.Year}: gap {format(gap)}" });
            marks.Add(new TextMark(X(i) + 12, y[gap] - 8, format(gap), "chart__value"));
        }

        var (legend, height) = Legend.Row(
            [new(Legend.Swatch.Dot, "gap__dot", "The gap"), new(Legend.Swatch.Line, "gap__interval", "95% interval"),
             new(Legend.Swatch.Line, "chart__zero", "No difference")], left, below, right - left);
        marks.AddRange(legend);
        var data = new ChartData(["Year", "Group", "Gap", "Interval low", "Interval high", "Missing"],
            [.. years.Select(yr => (IReadOnlyList<object?>)[yr.Year, groupName, yr.Gap, yr.Low, yr.High, yr.Missing])]);
        return new Chart(id, title, alternative, new Scene(Width, below + height + 6, marks), data);
    }
}
