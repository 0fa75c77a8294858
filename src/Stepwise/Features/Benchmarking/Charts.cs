using System.Globalization;
using Stepwise.Analytics.Spc;

namespace Stepwise.Features.Benchmarking;

public sealed record Tick(double At, string Label);

/// <summary>One school drawn as a dot: where, and what it is (the school, a trust school or another similar school).</summary>
public sealed record Dot(double X, double Y, MemberFigure Member)
{
    public string Kind => Member.IsSchool ? "school" : Member.InTrust ? "trust" : "other";
}

/// <summary>
/// The chosen year as a dot plot: each similar school a dot at its figure, dots stacked where figures are close, the
/// school highlighted and labelled, the trust's schools drawn as diamonds, the middle half of similar schools as a
/// band on the axis with the median marked.
/// </summary>
public sealed record DotPlot(
    int Width, int Height, double AxisY, double Left, double Right, IReadOnlyList<Tick> Ticks, IReadOnlyList<Dot> Dots,
    Dot? School, double? MedianX, double? LowerQuartileX, double? UpperQuartileX, string? Better, string Unit, string Title, string Description);

public sealed record TrendYear(int Year, double X, double? SchoolY, string? Missing, double? MedianY, double? LowerQuartileY, double? UpperQuartileY,
    string SchoolLabel);

/// <summary>The school's figure by year (a line) against the middle half of its similar schools (a box per year, median marked).</summary>
public sealed record TrendPlot(
    int Width, int Height, double Top, double Bottom, double Left, double Right, IReadOnlyList<Tick> Ticks, IReadOnlyList<TrendYear> Years,
    IReadOnlyList<IReadOnlyList<TrendYear>> SchoolLines, string Title, string Description);

/// <summary>Server-rendered SVG geometry (no script, no inline styles: colours come from classes in site.css).</summary>
public static class Charts
{
    private const double Radius = 6;

    public static DotPlot? DotPlotFor(PositionView view)
    {
        if (view.Year is not int year)
        {
            return null;
        }
        var drawn = view.Members.Where(m => m.Value is not null).ToList();
        if (drawn.Count == 0)
        {
            return null;
        }
        const int width = 720;
        const double left = 24, right = width - 24;
        var among = view.Selected?.Among;
        var values = drawn.Select(m => m.Value!.Value).ToList();
        var (min, max, step) = Nice(values.Min(), values.Max());
        double X(double v) => left + (v - min) / (max - min) * (right - left);

        // Stack dots upwards where they would overlap: a dot histogram, the school drawn in its place among them.
        var levels = new List<double>();
        var placed = new List<(double X, int Level, MemberFigure Member)>();
        foreach (var m in drawn.OrderBy(m => m.Value).ThenBy(m => m.IsSchool))
        {
            var x = X(m.Value!.Value);
            var level = levels.FindIndex(lastX => x - lastX >= 2 * Radius + 1);
            if (level < 0)
            {
                levels.Add(x);
                level = levels.Count - 1;
            }
            levels[level] = x;
            placed.Add((x, level, m));
        }
        var top = 56.0; // room for the school's label
        var axisY = top + (levels.Count * (2 * Radius + 1)) + 14;
        var dots = placed.Select(p => new Dot(p.X, axisY - 14 - Radius - p.Level * (2 * Radius + 1), p.Member)).ToList();
        var ticks = new List<Tick>();
        for (var t = min; t <= max + step / 2; t += step)
        {
            ticks.Add(new Tick(X(t), Figures.Format(Math.Round(t, 6), view.Measure.Unit)));
        }
        var school = dots.FirstOrDefault(d => d.Member.IsSchool);
        var better = view.Measure.Polarity switch { Polarity.Up => "right", Polarity.Down => "left", _ => null };
        var title = $"{view.Set.Name} among its similar schools: {view.Measure.Name}, {Figures.AcademicYear(year)}";
        var description = Describe(view, among);
        return new DotPlot(width, (int)Math.Ceiling(axisY + 56), axisY, left, right, ticks, [.. dots.Where(d => !d.Member.IsSchool), .. dots.Where(d => d.Member.IsSchool)],
            school, among?.Median is double md ? X(md) : null, among?.LowerQuartile is double q1 ? X(q1) : null,
            among?.UpperQuartile is double q3 ? X(q3) : null, better, view.Measure.Unit, title, description);
    }

    public static TrendPlot? TrendPlotFor(PositionView view)
    {
        var rows = view.Trend;
        var values = rows.SelectMany(r => new[] { r.Value, r.Among.LowerQuartile, r.Among.UpperQuartile, r.Among.Median }).OfType<double>().ToList();
        if (rows.Count == 0 || values.Count == 0)
        {
            return null;
        }
        const int width = 720, height = 280;
        const double left = 64, right = width - 24, top = 20, bottom = height - 48;
        var (min, max, step) = Nice(values.Min(), values.Max());
        double Y(double v) => bottom - (v - min) / (max - min) * (bottom - top);
        var slot = (right - left) / rows.Count;
        var years = rows.Select((r, i) => new TrendYear(r.Year, left + slot * (i + 0.5), r.Value is double v ? Y(v) : null, r.Value is null ? Figures.Marker(r.Missing) : null,
            r.Among.Median is double md ? Y(md) : null, r.Among.LowerQuartile is double q1 ? Y(q1) : null, r.Among.UpperQuartile is double q3 ? Y(q3) : null,
            Figures.Format(r.Value, view.Measure.Unit))).ToList();
        var ticks = new List<Tick>();
        for (var t = min; t <= max + step / 2; t += step)
        {
            ticks.Add(new Tick(Y(t), Figures.Format(Math.Round(t, 6), view.Measure.Unit)));
        }
        // The school's line breaks where its figure is missing: a gap, never a zero.
        var lines = new List<IReadOnlyList<TrendYear>>();
        var current = new List<TrendYear>();
        foreach (var y in years)
        {
            if (y.SchoolY is null)
            {
                if (current.Count > 0)
                {
                    lines.Add(current);
                }
                current = [];
                continue;
            }
            current.Add(y);
        }
        if (current.Count > 0)
        {
            lines.Add(current);
        }
        var title = $"{view.Set.Name}: {view.Measure.Name} by year, against the middle half of its similar schools";
        var description = string.Join("; ", rows.Select(r =>
            $"{Figures.AcademicYear(r.Year)}: {(r.Value is null ? Figures.Missing(r.Missing ?? "no figure") : Figures.Format(r.Value, view.Measure.Unit))}"
            + (r.Among.Median is double m ? $", similar schools' median {Figures.Format(m, view.Measure.Unit)}" : ", no similar school's figure")));
        return new TrendPlot(width, height, top, bottom, left, right, ticks, years, lines, title, description + ".");
    }

    /// <summary>A sentence for the chart's description (screen readers) and the page.</summary>
    public static string Describe(PositionView view, Analytics.Comparators.PositionAmongComparators? among)
    {
        var unit = view.Measure.Unit;
        var s = view.Selected;
        if (s is null || among is null)
        {
            return $"No figures for {view.Measure.Name}.";
        }
        var others = view.Set.Members.Count - 1;
        if (others == 0)
        {
            return s.Value is null
                ? $"{view.Set.Name} has no figure for {Figures.AcademicYear(s.Year)} ({Figures.Missing(s.Missing ?? "no figure")}), and there are no similar schools to compare with."
                : $"{view.Set.Name}: {Figures.Format(s.Value, unit)}. There are no similar schools to compare with.";
        }
        var published = $"{among.Published} of its {others} similar schools published a figure";
        if (s.Value is null)
        {
            return $"{view.Set.Name} has no figure for {Figures.AcademicYear(s.Year)} ({Figures.Missing(s.Missing ?? "no figure")}), so it is not ranked; {published}"
                + (among.Median is double m ? $", with a median of {Figures.Format(m, unit)}." : ".");
        }
        if (among.PercentileRank is not double rank)
        {
            return $"{view.Set.Name}: {Figures.Format(s.Value, unit)}. Only {published}: too few to rank against.";
        }
        var side = s.Value > among.Median ? "above" : s.Value < among.Median ? "below" : "at";
        return $"{view.Set.Name}: {Figures.Format(s.Value, unit)}, {side} the median of its similar schools ({Figures.Format(among.Median, unit)}). "
            + $"It does better than {Figures.Whole(rank)}% of the {among.Published} similar schools with a figure.";
    }

    /// <summary>A scale from a round number to a round number in about five round steps.</summary>
    public static (double Min, double Max, double Step) Nice(double min, double max, int steps = 5)
    {
        if (max - min < 1e-9)
        {
            var pad = Math.Abs(min) > 1e-9 ? Math.Abs(min) * 0.1 : 1;
            (min, max) = (min - pad, max + pad);
        }
        var raw = (max - min) / steps;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normal = raw / magnitude;
        var step = (normal < 1.5 ? 1 : normal < 3 ? 2 : normal < 7 ? 5 : 10) * magnitude;
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    /// <summary>An SVG coordinate: invariant, two decimals.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Points(IEnumerable<TrendYear> years) => string.Join(' ', years.Select(y => $"{N(y.X)},{N(y.SchoolY!.Value)}"));
}
