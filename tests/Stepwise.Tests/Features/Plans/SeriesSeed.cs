using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Plans;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Plans;

/// <summary>
/// A school's metric series as its imports would have derived it, ending with the latest half-term that has
/// finished (the imports themselves are tested with SchoolData): goals need a series whose shape the test knows.
/// </summary>
public static class SeriesSeed
{
    public static async Task<List<Period>> HalfTermsAsync(StepwiseApp app, int urn, string metricKey, string group, double[] values)
    {
        var today = app.Today;
        var periods = new List<Period>();
        var day = today.AddDays(-1);
        while (periods.Count < values.Length)
        {
            var period = Period.HalfTermOf(day);
            if (PeriodEnds.Of(PeriodKind.HalfTerm, period.Start) < today)
            {
                periods.Add(period);
            }
            day = period.Start.AddDays(-1);
        }
        periods.Reverse();
        var school = app.World.School(urn);
        await app.QueryAsync(async db =>
        {
            if (!await db.Metrics.AnyAsync(m => m.Key == metricKey))
            {
                var known = new[] { DeriveSchoolMetrics.OverallAbsence, DeriveSchoolMetrics.PersistentAbsence }.Single(m => m.Key == metricKey);
                db.Metrics.Add(new Metric { Key = known.Key, Name = known.Name, Unit = known.Unit, Polarity = known.Polarity, Source = known.Source, Level = known.Level });
            }
            db.MetricValues.RemoveRange(db.MetricValues.Where(v => v.SchoolId == school.Id && v.MetricKey == metricKey && v.Group == group));
            db.MetricValues.AddRange(periods.Select((p, i) => new MetricValue
            {
                TrustId = school.TrustId, SchoolId = school.Id, MetricKey = metricKey, Group = group, Period = p.Code, PeriodKind = p.Kind,
                PeriodStart = p.Start, Value = values[i], Pupils = 200,
            }));
            return await db.SaveChangesAsync();
        });
        return periods;
    }
}
