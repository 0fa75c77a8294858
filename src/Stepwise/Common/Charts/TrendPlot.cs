namespace Stepwise.Common.Charts;

/// <summary>One year of a school's trend: its figure (or why it has none) and the middle half of its similar schools.</summary>
public sealed record TrendYear(string Year, double? Value, string? Missing, double? Median, double? LowerQuartile, double? UpperQuartile);

/// <summary>The school's figure by year (a line that breaks where a figure is missing) against the middle half of its similar schools (a box per year, median marked).</summary>
public static class TrendPlot
{
    public const double Width = 720;

    public static Chart Draw(string id, string title, string alternative, IReadOnlyList<TrendYear> years, Func<double, string> format)
    {
        const double left = 64, right = Width - 24, top = 20, bottom = 232;
        var marks = new List<Mark>();
        var y = LinearScale.Nice(years.SelectMany(r => new[] { r.Value, r.LowerQuartile, r.UpperQuartile, r.Median }).OfType<double>().DefaultIfEmpty(0), bottom, top);
        var slot = (right - left) / Math.Max(years.Count, 1);
        double X(int i) => left + slot * (i + 0.5);
        foreach (var t in y.Ticks())
        {
            marks.Add(new LineMark(left, y[t], right, y[t], "chart__grid"));
            marks.Add(new TextMark(left - 8, y[t] + 4, format(t), "chart__tick", Anchor.End));
        }
        for (var i = 0; i < years.Count; i++)
        {
            var r = years[i];
            if (r.LowerQuartile is double lo && r.UpperQuartile is double hi)
            {
                marks.Add(new RectMark(X(i) - 16, y[hi], 32, Math.Max(y[lo] - y[hi], 1.5), "chart__box"));
            }
            if (r.Median is double md)
            {
                marks.Add(new LineMark(X(i) - 16, y[md], X(i) + 16, y[md], "chart__median-tick"));
            }
            marks.Add(new TextMark(X(i), bottom + 22, r.Year, "chart__tick", Anchor.Middle));
            if (r.Value is null)
            {
                marks.Add(new TextMark(X(i), bottom - 6, r.Missing ?? "–", "chart__missing", Anchor.Middle));
            }
        }
        // The school's line breaks where its figure is missing: a gap, never a zero.
        var run = new List<(double X, double Y)>();
        for (var i = 0; i <= years.Count; i++)
        {
            if (i < years.Count && years[i].Value is double v)
            {
                run.Add((X(i), y[v]));
                continue;
            }
            if (run.Count > 1)
            {
                marks.Add(new PathMark([.. run], false, "chart__line"));
            }
            run = [];
        }
        for (var i = 0; i < years.Count; i++)
        {
            if (years[i].Value is double v)
            {
                var label = format(v);
                marks.Add(new CircleMark(X(i), y[v], 5, "chart__dot chart__dot--school") { Tooltip = $"{years[i].Year}: {label}" });
                marks.Add(new TextMark(X(i) + 20, y[v] + 4, label, "chart__value"));
            }
        }
        var (legend, height) = Legend.Row(
            [new(Legend.Swatch.Dot, "chart__dot chart__dot--school", "This school"), new(Legend.Swatch.Box, "chart__box", "Middle half of similar schools"),
             new(Legend.Swatch.Line, "chart__median-tick", "Their median")], left, bottom + 34, right - left);
        marks.AddRange(legend);
        var data = new ChartData(["Year", "This school", "Missing", "Similar schools' median", "Lower quartile", "Upper quartile"],
            [.. years.Select(r => (IReadOnlyList<object?>)[r.Year, r.Value, r.Missing, r.Median, r.LowerQuartile, r.UpperQuartile])]);
        return new Chart(id, title, alternative, new Scene(Width, bottom + 34 + height + 4, marks), data);
    }
}
