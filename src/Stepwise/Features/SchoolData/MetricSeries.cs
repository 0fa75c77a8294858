using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Reference;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// One point of a series: the period, its value (or why there is none), how many pupils (none for a hidden figure:
/// "fewer than 5", or withheld), and where it came from.
/// </summary>
public sealed record SeriesPoint(string Period, PeriodKind PeriodKind, DateOnly PeriodStart, double? Value, string? Missing, int? Pupils, string Source, DateTime? At, string? Actor);

/// <summary>A metric's values for one school (and pupil group) in time order, with its catalogue entry.</summary>
public sealed record Series(Metric Metric, string Group, IReadOnlyList<SeriesPoint> Points)
{
    public SeriesPoint? Latest => Points.LastOrDefault(p => p.Value is not null);

    /// <summary>The pupils an attendance series counts (<see cref="AttendanceCohorts.Label"/>); null for other measures.</summary>
    public string? Cohort { get; init; }

    /// <summary>Whether these are the DfE's published figures for the school rather than Stepwise's own.</summary>
    public bool Published { get; init; }

    /// <summary>
    /// The like-for-like series set beside this one: for the whole school's attendance, the same measure for the DfE's
    /// cohort (Years 1 to 11); for the DfE's published attendance, Stepwise's own figure for that cohort, by year.
    /// </summary>
    public Series? Beside { get; init; }

    /// <summary>
    /// The figure beside a point of this series, for the same period: none where there is no beside series, and none
    /// for the DfE's cohort where it is the same as the whole school's (no Reception or sixth-form pupils counted).
    /// </summary>
    public SeriesPoint? BesideOf(SeriesPoint? point)
    {
        var beside = point is null ? null : Beside?.Points.FirstOrDefault(p => p.Period == point.Period);
        return beside is null || (!Published && beside.Value == point!.Value && beside.Missing == point.Missing && beside.Pupils == point.Pupils) ? null : beside;
    }
}

/// <summary>
/// Reads metric series for a school: those derived from its own pupil data, and — where the school has a real URN
/// in the national data — the published figures by academic year. Callers check access to the school first.
/// </summary>
public static class MetricSeries
{
    /// <summary>Every series the school has for the group ("all" by default), one per metric, in catalogue order.</summary>
    public static async Task<List<Series>> ForSchoolAsync(AppDbContext db, int schoolId, int urn, string group, PeriodKind? kind, CancellationToken ct)
    {
        var own = await OwnAsync(db, schoolId, group, kind, ct);
        var national = group == PupilGroups.All && kind is null or PeriodKind.Year
            ? await (from v in db.ReferenceValues.AsNoTracking()
                     where v.Urn == urn
                     join r in db.ImportRuns on v.ImportRunId equals r.Id
                     select new { v, r.FileName, r.At, r.Actor }).ToListAsync(ct)
            : [];
        // Attendance for the DfE's cohort, set beside the whole school's figures and the DfE's own (ADR 0073).
        var cohort = group == PupilGroups.All && own.Any(o => AttendanceCohorts.IsOwnAttendance(o.v.MetricKey))
            ? (await OwnAsync(db, schoolId, PupilGroups.DfeCohort, null, ct)).Where(o => AttendanceCohorts.IsOwnAttendance(o.v.MetricKey)).ToList()
            : [];
        var yearGroups = own.Any(o => AttendanceCohorts.IsOwnAttendance(o.v.MetricKey))
            ? (await db.MetricValues.Where(v => v.SchoolId == schoolId && v.Group.StartsWith("year-")).Select(v => v.Group).Distinct().ToListAsync(ct))
                .Select(PupilGroups.YearOf).OfType<int>().ToList()
            : [];
        var keys = own.Select(o => o.v.MetricKey).Concat(national.Select(n => n.v.MetricKey)).Distinct().ToList();
        var metrics = await db.Metrics.AsNoTracking().Where(m => keys.Contains(m.Key)).ToDictionaryAsync(m => m.Key, ct);
        var published = national.Select(n => n.v.MetricKey).ToHashSet(StringComparer.Ordinal);

        var cohortSeries = cohort.Where(o => metrics.ContainsKey(o.v.MetricKey)).GroupBy(o => o.v.MetricKey).ToDictionary(g => g.Key, g => new Series(metrics[g.Key], PupilGroups.DfeCohort, Ordered(g.Select(Point)))
        {
            Cohort = AttendanceCohorts.DfeCohortLabel,
        });
        Series? BesideOf(string key) => published.Contains(key)
            ? AttendanceCohorts.OwnMeasureOf(key) is { } ownKey && cohortSeries.TryGetValue(ownKey, out var years)
                ? years with { Points = years.Points.Where(p => p.PeriodKind == PeriodKind.Year).ToList() } : null
            : cohortSeries.GetValueOrDefault(key);

        var points = own.Select(o => (o.v.MetricKey, Point: Point(o)))
            .Concat(national.Select(n => (n.v.MetricKey, Point: new SeriesPoint(AcademicYear.EndingIn(n.v.Year).ToString(), PeriodKind.Year, AcademicYear.EndingIn(n.v.Year).StartsOn,
                n.v.Value, n.v.Missing, null, $"DfE: {n.FileName}", n.At, n.Actor))));
        return points.GroupBy(p => p.MetricKey)
            .Select(g => new Series(metrics[g.Key], group, Ordered(g.Select(p => p.Point)))
            {
                Cohort = AttendanceCohorts.Label(g.Key, group, published.Contains(g.Key), yearGroups),
                Published = published.Contains(g.Key),
                Beside = BesideOf(g.Key),
            })
            .OrderBy(s => s.Metric.Key.StartsWith("attendance.", StringComparison.Ordinal) ? 0 : s.Metric.Key.StartsWith("assessment.", StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(s => s.Metric.Name)
            .ToList();
    }

    private sealed record OwnValue(MetricValue v, string? File, DateTime? At, string? Actor);

    private static Task<List<OwnValue>> OwnAsync(AppDbContext db, int schoolId, string group, PeriodKind? kind, CancellationToken ct) =>
        (from v in db.MetricValues.AsNoTracking()
         where v.SchoolId == schoolId && v.Group == @group && (kind == null || v.PeriodKind == kind)
         join i in db.DataImports on v.DataImportId equals (int?)i.Id into imports
         from i in imports.DefaultIfEmpty()
         select new OwnValue(v, i == null ? null : i.FileName, i == null ? (DateTime?)null : i.At, i == null ? null : i.Actor))
        .ToListAsync(ct);

    /// <summary>A stored value as a point. A hidden figure's count is not shown either (ADR 0073): with the total beside it, it would be a figure itself.</summary>
    private static SeriesPoint Point(OwnValue o) => new(o.v.Period, o.v.PeriodKind, o.v.PeriodStart, o.v.Value, o.v.Missing,
        DeriveSchoolMetrics.IsHidden(o.v.Missing) ? null : o.v.Pupils,
        o.File is null ? "Calculated from the school's pupil records" : $"Calculated from {o.File}", o.At, o.Actor);

    private static List<SeriesPoint> Ordered(IEnumerable<SeriesPoint> points) => points.OrderBy(p => p.PeriodStart).ThenBy(p => p.Period).ToList();

    /// <summary>One metric's series for a school and group, in the periods of one kind (half-terms, years …); null if the school has none.</summary>
    public static async Task<Series?> OneAsync(AppDbContext db, int schoolId, int urn, string metricKey, string group, PeriodKind? kind, CancellationToken ct)
    {
        var all = await ForSchoolAsync(db, schoolId, urn, group, null, ct);
        var series = all.FirstOrDefault(s => s.Metric.Key == metricKey);
        if (series is null)
        {
            return null;
        }
        var chosen = kind ?? PreferredKind(series);
        return series with { Points = series.Points.Where(p => p.PeriodKind == chosen).ToList() };
    }

    /// <summary>The finest periods a series has: half-terms before terms before years.</summary>
    public static PeriodKind PreferredKind(Series series) =>
        series.Points.Select(p => p.PeriodKind).Distinct().OrderBy(k => k switch
        {
            PeriodKind.HalfTerm => 0,
            PeriodKind.Term => 1,
            PeriodKind.Week => 2,
            PeriodKind.Year => 3,
            _ => 4,
        }).FirstOrDefault(PeriodKind.Year);

}
