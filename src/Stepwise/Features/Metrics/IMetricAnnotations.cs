using Stepwise.Common.Charts;

namespace Stepwise.Features.Metrics;

/// <summary>
/// What happened to a school's metric that its run chart should mark (a PDSA cycle on one of its measures started or
/// was decided). Features that own such events register one with DI; <see cref="ReadSchoolMetrics"/> asks every one
/// registered (there may be none) and marks what they say, in date order. The school is the one the reader may see:
/// the read checks access before it asks.
/// </summary>
public interface IMetricAnnotations
{
    /// <summary>The annotations of one metric of the school, for one pupil group.</summary>
    Task<IReadOnlyList<ChartAnnotation>> ForAsync(int schoolId, string metricKey, string group, CancellationToken ct);

    /// <summary>The annotations of every metric of the school for one pupil group, in one read (the school's list of measures).</summary>
    Task<IReadOnlyList<(string MetricKey, ChartAnnotation Annotation)>> ForSchoolAsync(int schoolId, string group, CancellationToken ct);
}
