using ScottPlot;
using Stepwise.Analytics.Spc;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Metrics;

/// <summary>
/// A metric's run chart drawn with ScottPlot: the values joined in time order, the mean, the process limits, and each
/// point coloured by its Making Data Count variation (grey common cause, blue improvement, orange concern, purple a
/// signal on a metric with no better direction). The same plot is served as SVG on pages and as PNG for reports.
/// </summary>
public static class MetricChart
{
    public static readonly Color Common = Color.FromHex("#7B7D7D");
    public static readonly Color Improvement = Color.FromHex("#1F77B4");
    public static readonly Color Concern = Color.FromHex("#E46C0A");
    public static readonly Color Neutral = Color.FromHex("#7030A0");

    public static string Svg(MetricAnalysis analysis, int width = 760, int height = 400) => Build(analysis).GetSvgXml(width, height);

    public static byte[] Png(MetricAnalysis analysis, int width = 760, int height = 400) => Build(analysis).GetImageBytes(width, height, ImageFormat.Png);

    private static Plot Build(MetricAnalysis analysis)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var points = analysis.Charted;
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var ys = points.Select(p => p.Point.Value!.Value).ToArray();
        if (analysis.Spc is { Points.Count: > 0 } spc)
        {
            AddStepLine(plot, xs, spc.Points.Select(p => (double?)p.Mean).ToArray(), Color.FromHex("#333333"), LinePattern.Solid, "Mean");
            AddStepLine(plot, xs, spc.Points.Select(p => p.UpperProcessLimit).ToArray(), Color.FromHex("#8A8A8A"), LinePattern.Dashed, "Process limits");
            AddStepLine(plot, xs, spc.Points.Select(p => p.LowerProcessLimit).ToArray(), Color.FromHex("#8A8A8A"), LinePattern.Dashed, null);
        }
        var line = plot.Add.ScatterLine(xs, ys, Color.FromHex("#5B5B5B"));
        line.LineWidth = 1.5f;
        foreach (var variation in Enum.GetValues<Variation>())
        {
            var indexes = Enumerable.Range(0, points.Count).Where(i => points[i].Variation == variation).ToArray();
            if (indexes.Length == 0)
            {
                continue;
            }
            var dots = plot.Add.ScatterPoints(indexes.Select(i => xs[i]).ToArray(), indexes.Select(i => ys[i]).ToArray(), ColourOf(variation));
            dots.MarkerSize = variation == Variation.Common ? 7 : 10;
            dots.LegendText = Label(variation);
        }
        if (analysis.Target is double target)
        {
            var goal = plot.Add.HorizontalLine(target, 1.5f, Color.FromHex("#2CA02C"), LinePattern.Dotted);
            goal.LegendText = "Target";
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 10.0));
        for (var i = 0; i < points.Count; i += every)
        {
            ticks.AddMajor(i, points[i].Point.Period);
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.Rotation = points.Count > 6 ? -30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = points.Count > 6 ? Alignment.MiddleRight : Alignment.UpperCenter;
        plot.Axes.Left.Label.Text = analysis.Series.Metric.Unit;
        plot.Axes.Left.Label.FontSize = 13;
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 12;
        plot.Axes.Margins(0.04, 0.15);
        // Room for rotated period labels on the left and the legend underneath.
        plot.Layout.Fixed(new PixelPadding(left: 90, right: 20, bottom: points.Count > 6 ? 130 : 100, top: 15));
        return plot;
    }

    private static void AddStepLine(Plot plot, double[] xs, double?[] ys, Color colour, LinePattern pattern, string? legend)
    {
        // Drawn as one line per stretch of points that have the value (limits start after the first two points).
        var start = -1;
        var labelled = false;
        for (var i = 0; i <= xs.Length; i++)
        {
            var has = i < xs.Length && ys[i] is not null;
            if (has && start < 0)
            {
                start = i;
            }
            if ((!has || (i > start && ys[i] != ys[i - 1])) && start >= 0)
            {
                var end = i;
                var segment = plot.Add.ScatterLine(xs[start..end], ys[start..end].Select(y => y!.Value).ToArray(), colour);
                segment.LinePattern = pattern;
                segment.LineWidth = 1.5f;
                if (legend is not null && !labelled)
                {
                    segment.LegendText = legend;
                    labelled = true;
                }
                start = has ? i : -1;
            }
        }
    }

    public static Color ColourOf(Variation variation) => variation switch
    {
        Variation.Improvement => Improvement,
        Variation.Concern => Concern,
        Variation.Neutral => Neutral,
        _ => Common,
    };

    public static string Label(Variation variation) => variation switch
    {
        Variation.Improvement => "Improvement",
        Variation.Concern => "Concern",
        Variation.Neutral => "Signal (no better direction)",
        _ => "Common cause (noise)",
    };
}
