using Stepwise.Common;
using Stepwise.Common.Charts;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Metrics;

/// <summary>A metric's charts: its run chart (the metric page) and its sparkline (the measures table), drawn by <see cref="RunChart"/> and <see cref="Icons"/>.</summary>
public static class MetricChart
{
    public static Chart Run(MetricAnalysis analysis)
    {
        var metric = analysis.Series.Metric;
        var spc = analysis.Spc;
        var points = analysis.Charted.Select((c, i) => new RunPoint(c.Point.Period, c.Point.Value!.Value, c.Variation,
            spc?.Points[i].Mean, spc?.Points[i].UpperProcessLimit, spc?.Points[i].LowerProcessLimit, c.Rule)).ToList();
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
        return RunChart.Draw($"run-{Common.Slug.Of(metric.Key, 100)}", analysis.Reading.Sentence, alternative, metric.Unit, points, analysis.Target, Format);
    }

    public static Chart Sparkline(MetricAnalysis analysis) => Icons.Sparkline($"spark-{Common.Slug.Of(analysis.Series.Metric.Key, 100)}",
        $"{analysis.Series.Metric.Name}: {analysis.Charted.Count} values", [.. analysis.Charted.Select(c => (c.Point.Period, c.Point.Value!.Value))], analysis.Latest);

}
