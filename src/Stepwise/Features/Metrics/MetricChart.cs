using Stepwise.Common;
using Stepwise.Common.Charts;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Metrics;

/// <summary>A metric's charts: its run chart (the metric page) and its sparkline (the measures table), drawn by <see cref="RunChart"/> and <see cref="Icons"/>.</summary>
public static class MetricChart
{
    /// <param name="annotations">Marked at the charted points whose periods contain them (<see cref="RunChart.PointOf"/>).</param>
    public static Chart Run(MetricAnalysis analysis, IReadOnlyList<ChartAnnotation>? annotations = null)
    {
        var metric = analysis.Series.Metric;
        var spc = analysis.Spc;
        var points = Points(analysis);
        var nouns = MetricAnalysis.Nouns(analysis.Series.Points.LastOrDefault()?.PeriodKind ?? PeriodKind.Year);
        string Format(double v) => MetricFormat.Format(v, metric.Unit);
        var alternative = points.Count == 0
            ? $"Run chart of {metric.Name} for {PupilGroups.Phrase(analysis.Series.Group)}: no figures."
            : $"Run chart of {metric.Name} for {PupilGroups.Phrase(analysis.Series.Group)} by {nouns.Noun}, with its mean and process limits: "
              + $"{points.Count} {(points.Count == 1 ? nouns.Noun : nouns.Plural)} from {points[0].Period} ({Format(points[0].Value)}) to {points[^1].Period} ({Format(points[^1].Value)})"
              + (spc?.Mean is double mean ? $", mean {Format(mean)}" : "")
              + (spc?.LowerProcessLimit is double lo && spc.UpperProcessLimit is double hi ? $", process limits {Format(lo)} to {Format(hi)}" : "")
              + (points.Count(p => p.Variation != Analytics.Spc.Variation.Common) is var signals and > 0 ? $"; {signals} point{(signals == 1 ? "" : "s")} outside common-cause variation" : "; every point within common-cause variation")
              + ".";
        return RunChart.Draw($"run-{Common.Slug.Of(metric.Key, 100)}", analysis.Reading.Sentence, alternative, metric.Unit, points, analysis.Target, Format, annotations);
    }

    /// <summary>The charted points of the run chart, each with the day its period starts.</summary>
    public static IReadOnlyList<RunPoint> Points(MetricAnalysis analysis) => [.. analysis.Charted.Select((c, i) => new RunPoint(c.Point.Period, c.Point.Value!.Value,
        c.Variation, analysis.Spc?.Points[i].Mean, analysis.Spc?.Points[i].UpperProcessLimit, analysis.Spc?.Points[i].LowerProcessLimit, c.Rule, c.Point.PeriodStart))];

    /// <summary>The charted period an annotation is marked at, or null when it comes before the first.</summary>
    public static string? PeriodOf(IReadOnlyList<RunPoint> points, ChartAnnotation annotation) =>
        RunChart.PointOf(points, annotation.On) is int i ? points[i].Period : null;

    public static Chart Sparkline(MetricAnalysis analysis) => Icons.Sparkline($"spark-{Common.Slug.Of(analysis.Series.Metric.Key, 100)}",
        $"{analysis.Series.Metric.Name}: {analysis.Charted.Count} values", [.. analysis.Charted.Select(c => (c.Point.Period, c.Point.Value!.Value))], analysis.Latest);

}
