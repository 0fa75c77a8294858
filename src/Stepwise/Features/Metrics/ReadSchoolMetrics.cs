using Microsoft.EntityFrameworkCore;
using Stepwise.Common.Charts;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Metrics;

/// <summary>
/// A school's metrics for one pupil group, each analysed in its finest periods (half-terms before terms before years),
/// or one metric in the periods asked for, with what their run charts mark (<see cref="IMetricAnnotations"/>: one
/// read per registered source for the school's list, one per source for one metric). Aggregates only, groups of fewer
/// than 5 pupils without a figure: anyone who may see the school may see these, governors included.
/// </summary>
public sealed class ReadSchoolMetrics(AppDbContext db, AccessControl access, IEnumerable<IMetricAnnotations> sources)
{
    /// <param name="Annotations">By metric key, in date order; a metric with none is not in it (<see cref="AnnotationsOf"/>).</param>
    public sealed record Overview(School School, string Group, IReadOnlyList<string> Groups, IReadOnlyList<MetricAnalysis> Metrics,
        IReadOnlyDictionary<string, IReadOnlyList<ChartAnnotation>> Annotations)
    {
        public IReadOnlyList<ChartAnnotation> AnnotationsOf(string metricKey) => Annotations.TryGetValue(metricKey, out var found) ? found : [];
    }

    /// <param name="Annotations">The metric's, in date order.</param>
    public sealed record One(School School, string Group, IReadOnlyList<string> Groups, PeriodKind Kind, IReadOnlyList<PeriodKind> Kinds, MetricAnalysis Analysis,
        IReadOnlyList<ChartAnnotation> Annotations);

    public async Task<Overview?> ForSchoolAsync(int urn, string? group, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return null;
        }
        var chosen = Group(group);
        var series = await MetricSeries.ForSchoolAsync(db, school.Id, school.Urn, chosen, null, ct);
        var analyses = series.Select(s => MetricAnalysis.Of(s with { Points = s.Points.Where(p => p.PeriodKind == MetricSeries.PreferredKind(s)).ToList() })).ToList();
        var annotations = new List<(string MetricKey, ChartAnnotation Annotation)>();
        foreach (var source in sources)
        {
            annotations.AddRange(await source.ForSchoolAsync(school.Id, chosen, ct));
        }
        var byMetric = annotations.GroupBy(a => a.MetricKey)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ChartAnnotation>)[.. g.Select(a => a.Annotation).OrderBy(a => a.On)]);
        return new Overview(school, chosen, await GroupsAsync(school.Id, ct), analyses, byMetric);
    }

    public async Task<One?> ForMetricAsync(int urn, string metricKey, string? group, string? periods, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return null;
        }
        var chosen = Group(group);
        var all = await MetricSeries.ForSchoolAsync(db, school.Id, school.Urn, chosen, null, ct);
        var series = all.FirstOrDefault(s => s.Metric.Key == metricKey);
        if (series is null)
        {
            return null;
        }
        var kinds = series.Points.Select(p => p.PeriodKind).Distinct().OrderBy(k => k).ToList();
        var kind = Enum.TryParse<PeriodKind>(periods, ignoreCase: true, out var k) && kinds.Contains(k) ? k : MetricSeries.PreferredKind(series);
        var analysis = MetricAnalysis.Of(series with { Points = series.Points.Where(p => p.PeriodKind == kind).ToList() });
        var annotations = new List<ChartAnnotation>();
        foreach (var source in sources)
        {
            annotations.AddRange(await source.ForAsync(school.Id, metricKey, chosen, ct));
        }
        return new One(school, chosen, await GroupsAsync(school.Id, ct), kind, kinds, analysis, [.. annotations.OrderBy(a => a.On)]);
    }

    private static string Group(string? group) => group is not null && PupilGroups.IsKnown(group) ? group : PupilGroups.All;

    /// <summary>The groups the school has figures for, "all" first, then the characteristic groups, then year groups.</summary>
    private async Task<List<string>> GroupsAsync(int schoolId, CancellationToken ct)
    {
        var groups = await db.MetricValues.Where(v => v.SchoolId == schoolId).Select(v => v.Group).Distinct().ToListAsync(ct);
        var order = new List<string> { PupilGroups.All, PupilGroups.DfeCohort };
        order.AddRange(PupilGroups.Comparisons.SelectMany(c => new[] { c.Group, c.Others }));
        return groups.OrderBy(g => order.IndexOf(g) is var i and >= 0 ? i : 100 + (int.TryParse(g.Replace("year-", "", StringComparison.Ordinal), out var y) ? y : 50))
            .Prepend(PupilGroups.All).Distinct().ToList();
    }
}
