using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Gaps;

/// <summary>One academic year's absence of disadvantaged pupils against other pupils in one school.</summary>
public sealed record AbsenceGapYear(string Year, bool SoFar, double Disadvantaged, double Others)
{
    /// <summary>Percentage points: positive when disadvantaged pupils miss more school.</summary>
    public double Gap => Disadvantaged - Others;
}

/// <summary>
/// The disadvantage gap in short, for a row of the trust overview: overall absence of disadvantaged pupils against
/// other pupils in the latest academic year of the school's own data, and the year before. Comes from the metric
/// series the imports derive, so groups under five pupils have no figure there and none here.
/// </summary>
public sealed record DisadvantageGapSnapshot(AbsenceGapYear? Latest, AbsenceGapYear? Previous)
{
    /// <summary>"narrower" or "wider" than the year before (arithmetic only, not a test), or null when there is nothing to compare.</summary>
    public string? Change => Latest is null || Previous is null || Math.Abs(Latest.Gap - Previous.Gap) < 0.05
        ? null : Math.Abs(Latest.Gap) < Math.Abs(Previous.Gap) ? "narrower" : "wider";
}

public sealed class ReadDisadvantageGaps(AppDbContext db, TimeProvider clock)
{
    public const string Metric = "attendance.overall-absence";

    public async Task<Dictionary<int, DisadvantageGapSnapshot>> ForSchoolsAsync(IReadOnlyCollection<int> urns, CancellationToken ct)
    {
        var rows = await (from v in db.MetricValues.AsNoTracking()
                          join s in db.Schools on v.SchoolId equals s.Id
                          where urns.Contains(s.Urn) && v.MetricKey == Metric && v.PeriodKind == PeriodKind.Year
                                && (v.Group == "disadvantaged" || v.Group == "not-disadvantaged") && v.Value != null
                          select new { s.Urn, v.Period, v.Group, v.Value })
            .ToListAsync(ct);
        var thisYear = clock.ThisAcademicYear().ToString();
        return rows.GroupBy(r => r.Urn).ToDictionary(school => school.Key, school =>
        {
            var years = school.GroupBy(r => r.Period)
                .Where(y => y.Any(r => r.Group == "disadvantaged") && y.Any(r => r.Group == "not-disadvantaged"))
                .OrderBy(y => y.Key, StringComparer.Ordinal)
                .Select(y => new AbsenceGapYear(y.Key, y.Key == thisYear,
                    y.First(r => r.Group == "disadvantaged").Value!.Value, y.First(r => r.Group == "not-disadvantaged").Value!.Value))
                .ToList();
            return new DisadvantageGapSnapshot(years.LastOrDefault(), years.Count > 1 ? years[^2] : null);
        });
    }
}
