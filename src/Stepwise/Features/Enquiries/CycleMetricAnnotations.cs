using Microsoft.EntityFrameworkCore;
using Stepwise.Common.Charts;
using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// The cycles marked on a school's metric charts: every cycle that watches a measure on that metric and pupil group
/// puts its start and its decision on the chart, linked to the cycle (ADR 0082). Whoever may see the school's metric
/// sees the marks; the cycle's page applies the team's own rule.
/// </summary>
public sealed class CycleMetricAnnotations(AppDbContext db)
{
    public async Task<IReadOnlyList<ChartAnnotation>> ForAsync(int schoolId, string metricKey, string group, CancellationToken ct) =>
        [.. (await ReadAsync(schoolId, group, metricKey, ct)).Select(a => a.Annotation)];

    public async Task<IReadOnlyList<(string MetricKey, ChartAnnotation Annotation)>> ForSchoolAsync(int schoolId, string group, CancellationToken ct) =>
        await ReadAsync(schoolId, group, null, ct);

    private async Task<List<(string MetricKey, ChartAnnotation Annotation)>> ReadAsync(int schoolId, string group, string? metricKey, CancellationToken ct)
    {
        var measures = db.EnquiryMeasures.AsNoTracking()
            .Where(m => m.SchoolId == schoolId && m.MetricKey != null && m.Group == group && m.RemovedAt == null);
        if (metricKey is not null)
        {
            measures = measures.Where(m => m.MetricKey == metricKey);
        }
        var rows = await (from m in measures
                          join w in db.CycleMeasures on m.Id equals w.MeasureId
                          join c in db.PdsaCycles on w.CycleId equals c.Id
                          select new { m.MetricKey, Cycle = c }).ToListAsync(ct);
        return [.. rows
            .DistinctBy(r => (r.MetricKey, r.Cycle.Id))
            .SelectMany(r => CycleAnnotations.Of(r.Cycle.EnquiryId, r.Cycle).Select(a => (r.MetricKey!, a)))
            .OrderBy(r => r.Item2.On)];
    }
}
