using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Plans;

/// <summary>
/// Which measures and pupil groups a goal may be set on for a school, and what data feeds a measure. A measure is
/// offered when the school has data for it, or may have by its phase (no key stage 4 results for a primary school,
/// no key stage 2 results for a secondary); of a published measure and Stepwise's own measure of the same thing
/// (the DfE's overall absence and the school's own), only one is offered: the school's own, unless only the published
/// one has data. The year groups offered are those of the phase, and any the school's pupils are recorded in.
/// </summary>
public static class GoalMeasures
{
    /// <summary>What a goal at this school may be set on: the measures (those with data first known by <paramref name="WithData"/>) and the pupil groups.</summary>
    public sealed record Offer(List<Metric> Metrics, IReadOnlySet<string> WithData, List<string> Groups);

    /// <summary>The measures and groups a goal may be set on at this school: the form offers these, and saving refuses any other.</summary>
    public static async Task<Offer> ForSchoolAsync(AppDbContext db, School school, CancellationToken ct)
    {
        var withData = (await MetricSeries.ForSchoolAsync(db, school.Id, school.Urn, PupilGroups.All, null, ct))
            .Where(s => s.Latest is not null).Select(s => s.Metric.Key).ToHashSet();
        var catalogue = await db.Metrics.AsNoTracking().ToListAsync(ct);
        var offered = Offered(catalogue.Select(m => m.Key), withData, school.Phase).ToHashSet();
        var years = await db.Pupils.Where(p => p.SchoolId == school.Id).Select(p => p.YearGroup).Distinct().ToListAsync(ct);
        return new Offer(catalogue.Where(m => offered.Contains(m.Key)).ToList(), withData, Groups(school.Phase, years));
    }

    /// <summary>The year groups a school of this phase teaches (0 is Reception, 12 and 13 the sixth form).</summary>
    public static (int First, int Last) YearsOf(Phase phase) => phase switch
    {
        Phase.Nursery => (0, 0),
        Phase.Primary => (0, 6),
        Phase.Middle => (3, 9),
        Phase.Secondary => (7, 13),
        Phase.SixteenPlus => (12, 13),
        Phase.AlternativeProvision => (1, 11),
        _ => (0, 13),
    };

    /// <summary>Whether a school of this phase may have figures for the measure: key stage results need its last year.</summary>
    public static bool FitsPhase(string metricKey, Phase phase)
    {
        var (first, last) = YearsOf(phase);
        bool Teaches(int year) => first <= year && year <= last;
        return metricKey switch
        {
            _ when metricKey.StartsWith("ks2.", StringComparison.Ordinal) => Teaches(6),
            _ when metricKey.StartsWith("ks4.", StringComparison.Ordinal) => Teaches(11),
            _ => true,
        };
    }

    /// <summary>
    /// The measures to offer, by key, from the catalogue's keys and those the school has data for: the measures of its
    /// phase, and of each published/own pair of the same measure only one.
    /// </summary>
    public static List<string> Offered(IEnumerable<string> catalogue, IReadOnlySet<string> withData, Phase phase)
    {
        var keys = catalogue.Where(k => withData.Contains(k) || FitsPhase(k, phase)).ToHashSet();
        foreach (var (own, published) in AttendanceCohorts.DfeMeasureOf)
        {
            if (keys.Contains(own) && keys.Contains(published))
            {
                keys.Remove(withData.Contains(published) && !withData.Contains(own) ? own : published);
            }
        }
        return [.. keys];
    }

    /// <summary>The groups to offer: all pupils, each characteristic and its comparison, and the year groups of the school.</summary>
    public static List<string> Groups(Phase phase, IEnumerable<int> recordedYears)
    {
        var (first, last) = YearsOf(phase);
        var years = Enumerable.Range(first, last - first + 1).Union(recordedYears.Where(y => y is >= 0 and <= 13)).Order();
        return
        [
            PupilGroups.All,
            .. PupilGroups.Comparisons.SelectMany(c => new[] { c.Group, c.Others }),
            .. years.Select(PupilGroups.YearGroup),
        ];
    }

    /// <summary>What data feeds a measure, said for a goal that has none yet: which import, and where to make it.</summary>
    public static string FedBy(string metricKey, int urn)
    {
        if (AttendanceCohorts.IsOwnAttendance(metricKey))
        {
            return $"the school's attendance file (Import data, /schools/{urn}/imports: attendance)";
        }
        if (metricKey.StartsWith("assessment.", StringComparison.Ordinal))
        {
            return $"the school's assessment results (Import data, /schools/{urn}/imports: assessments)";
        }
        if (metricKey.StartsWith("behaviour.", StringComparison.Ordinal))
        {
            return $"the school's behaviour incidents (Import data, /schools/{urn}/imports: behaviour)";
        }
        var layout = NationalMeasures.Layouts.FirstOrDefault(l => l.Measures.Any(m => m.Key == metricKey));
        return layout is null
            ? "no import Stepwise knows"
            : $"the {layout.Source} file, for this school's URN (National data, /imports, or `stepwise import {layout.Kind}`)";
    }
}
