using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Enquiries;
using Stepwise.Analytics.Spc;
using Stepwise.Common;
using Stepwise.Common.Charts;
using Stepwise.Data;
using Stepwise.Features.Metrics;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Enquiries;

/// <summary>An enquiry as its page and the API read it: the team, the diagram, each measure read as a run chart with its cycles marked, the cycles and the score.</summary>
public sealed record EnquiryView(Enquiry Enquiry, LearningTeam Team, TeamAccess Access, int SchoolUrn, string SchoolName,
    IReadOnlyList<DriverNode> Nodes, IReadOnlyList<MeasureView> Measures, IReadOnlyList<CycleView> Cycles, EnquiryScore Score)
{
    /// <summary>Change ideas taken off the diagram, kept because cycles (or the history) point at them.</summary>
    public IReadOnlyList<DriverNode> Removed { get; init; } = [];

    /// <summary>The day it was read on: a cycle starting later is planned, not under way.</summary>
    public DateOnly Today { get; init; }

    /// <summary>The plan action the enquiry carries out, if any.</summary>
    public CarriedOutAction? CarriesOut { get; init; }
}

/// <summary>A plan action an enquiry carries out, with its priority and plan for the link back.</summary>
public sealed record CarriedOutAction(int ActionId, string Action, int PriorityId, string Priority, string Plan);

/// <summary>A measure with the same Making Data Count reading as any metric, and the cycles that watch it marked on it.</summary>
public sealed record MeasureView(EnquiryMeasure Measure, MetricAnalysis Analysis, IReadOnlyList<ChartAnnotation> Annotations)
{
    /// <summary>How many points before the first cycle the limits rest on; null when they rest on every point (too few before it).</summary>
    public int? BaselinePoints { get; init; }
}

/// <summary>A cycle with the names it is shown with and the cycle that followed it.</summary>
public sealed record CycleView(PdsaCycle Cycle, string ChangeIdea, string UnitName, string SchoolName, IReadOnlyList<int> MeasureIds, int? NextCycleId);

/// <summary>The progress score the evidence sets (ADR 0081): the score, its words, why, what would move it, and the ladder.</summary>
public sealed record EnquiryScore(double Score, string Label, string Why, string? Next, IReadOnlyList<ScoreStep> Steps);

/// <summary>One line of the trust's list of enquiries.</summary>
/// <param name="OutcomeReading">The latest outcome measure's variation: improvement, concern, neutral, common or no-data.</param>
public sealed record EnquirySummary(int Id, string Title, int TeamId, string TeamName, bool Network, int SchoolUrn, string SchoolName, string Aim,
    EnquiryScore Score, int Cycles, CycleDecision? LatestDecision, string OutcomeReading, DateTime CreatedAt);

/// <summary>
/// The one read of enquiries, shared by pages, the API and the trust's view: it loads what an enquiry's score needs in
/// a few queries, reads every measure the way a metric is read (<see cref="MetricAnalysis"/>) and computes the score
/// from that evidence (<see cref="ProgressScore"/>).
/// </summary>
public sealed class ReadEnquiry(AppDbContext db, EnquiryAccess access, TimeProvider clock)
{
    /// <summary>The fewest points before the first cycle on which a measure's limits are frozen.</summary>
    public const int MinimumBaseline = 6;

    public async Task<EnquiryView?> OneAsync(int enquiryId, CancellationToken ct)
    {
        if (await access.ForEnquiryAsync(enquiryId, ct) is not var (enquiry, teamAccess))
        {
            return null;
        }
        var loaded = await LoadAsync([enquiry], ct);
        var carriesOut = enquiry.PlanActionId is int actionId
            ? await (from a in db.PlanActions.AsNoTracking()
                     where a.Id == actionId
                     join p in db.Priorities on a.PriorityId equals p.Id
                     join plan in db.Plans on p.PlanId equals plan.Id
                     select new CarriedOutAction(a.Id, a.Title, p.Id, p.Title, plan.Title)).FirstOrDefaultAsync(ct)
            : null;
        return loaded.View(enquiry, teamAccess) with { CarriesOut = carriesOut };
    }

    /// <summary>The enquiries the acting person may see, of one school or one team if given, newest first.</summary>
    public async Task<List<EnquirySummary>> ListAsync(int? schoolId, int? teamId, CancellationToken ct)
    {
        var teams = await access.VisibleTeamsAsync(ct);
        var query = db.Enquiries.AsNoTracking().Where(e => teams.Any(t => t.Id == e.TeamId));
        if (schoolId is int school)
        {
            query = query.Where(e => e.SchoolId == school);
        }
        if (teamId is int team)
        {
            query = query.Where(e => e.TeamId == team);
        }
        var enquiries = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        var loaded = await LoadAsync(enquiries, ct);
        return enquiries.Select(e =>
        {
            var view = loaded.View(e, new TeamAccess(e.TeamId, [], false, false));
            var outcome = view.Measures.FirstOrDefault(m => m.Measure.Kind == MeasureKind.Outcome);
            var latest = view.Cycles.Where(c => c.Cycle.Decision is not null).OrderByDescending(c => c.Cycle.DecidedOn).ThenByDescending(c => c.Cycle.Number).FirstOrDefault();
            return new EnquirySummary(e.Id, e.Title, e.TeamId, view.Team.Name, loaded.TeamSchools(e.TeamId) > 1, view.SchoolUrn, view.SchoolName, e.Aim,
                view.Score, view.Cycles.Count, latest?.Cycle.Decision,
                outcome is null || outcome.Analysis.Charted.Count == 0 ? "no-data" : outcome.Analysis.Latest.ToCode(), e.CreatedAt);
        }).ToList();
    }

    private async Task<Loaded> LoadAsync(IReadOnlyList<Enquiry> enquiries, CancellationToken ct)
    {
        var ids = enquiries.Select(e => e.Id).ToList();
        var teamIds = enquiries.Select(e => e.TeamId).Distinct().ToList();
        var teams = await db.LearningTeams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var members = await db.LearningTeamMembers.AsNoTracking().Where(m => teamIds.Contains(m.TeamId)).GroupBy(m => m.TeamId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var teamUnits = await db.LearningTeamUnits.AsNoTracking().Where(u => teamIds.Contains(u.TeamId)).ToListAsync(ct);
        var nodes = await db.DriverNodes.AsNoTracking().Where(n => ids.Contains(n.EnquiryId)).OrderBy(n => n.Position).ThenBy(n => n.Id).ToListAsync(ct);
        var measures = await db.EnquiryMeasures.AsNoTracking().Where(m => ids.Contains(m.EnquiryId) && m.RemovedAt == null).OrderBy(m => m.Kind).ThenBy(m => m.Id).ToListAsync(ct);
        var measureIds = measures.Select(m => m.Id).ToList();
        var values = await db.TeamMeasureValues.AsNoTracking().Where(v => measureIds.Contains(v.MeasureId)).OrderBy(v => v.On).ThenBy(v => v.Lesson).ToListAsync(ct);
        var cycles = await db.PdsaCycles.AsNoTracking().Where(c => ids.Contains(c.EnquiryId)).OrderBy(c => c.Number).ToListAsync(ct);
        var cycleIds = cycles.Select(c => c.Id).ToList();
        var watched = await db.CycleMeasures.AsNoTracking().Where(c => cycleIds.Contains(c.CycleId)).ToListAsync(ct);
        var schoolIds = enquiries.Select(e => e.SchoolId).Concat(cycles.Select(c => c.SchoolId)).Concat(measures.Select(m => m.SchoolId).OfType<int>()).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.Urn, s.Name), ct);
        var unitIds = cycles.Select(c => c.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        // Each metric measure reads its school's series as the metric page does (finest periods first), once per school and group.
        var series = new Dictionary<(int, string), List<Series>>();
        foreach (var key in measures.Where(m => !m.IsTeamMeasure && m.SchoolId is not null).Select(m => (m.SchoolId!.Value, m.Group ?? PupilGroups.All)).Distinct())
        {
            series[key] = await MetricSeries.ForSchoolAsync(db, key.Item1, schools[key.Item1].Urn, key.Item2, null, ct);
        }
        return new Loaded(teams, members, teamUnits, nodes, measures, values, cycles, watched, schools, units, series, clock.Today());
    }

    private sealed record Loaded(Dictionary<int, LearningTeam> Teams, Dictionary<int, int> Members, List<LearningTeamUnit> TeamUnits, List<DriverNode> Nodes,
        List<EnquiryMeasure> Measures, List<TeamMeasureValue> Values, List<PdsaCycle> Cycles, List<CycleMeasure> Watched,
        Dictionary<int, (int Urn, string Name)> Schools, Dictionary<int, string> Units, Dictionary<(int, string), List<Series>> Series, DateOnly Today)
    {
        public int TeamSchools(int teamId) => TeamUnits.Where(u => u.TeamId == teamId).Select(u => u.SchoolId).Distinct().Count();

        public EnquiryView View(Enquiry enquiry, TeamAccess teamAccess)
        {
            var nodes = Nodes.Where(n => n.EnquiryId == enquiry.Id).ToList();
            var cycles = Cycles.Where(c => c.EnquiryId == enquiry.Id).ToList();
            var names = nodes.ToDictionary(n => n.Id, n => n.Text);
            var cycleViews = cycles.Select(c => new CycleView(c, names.GetValueOrDefault(c.ChangeIdeaId, ""), Units.GetValueOrDefault(c.UnitId, ""),
                Schools.TryGetValue(c.SchoolId, out var s) ? s.Name : "",
                Watched.Where(w => w.CycleId == c.Id).Select(w => w.MeasureId).ToList(),
                cycles.Where(n => n.PreviousCycleId == c.Id).OrderBy(n => n.Number).Select(n => (int?)n.Id).FirstOrDefault())).ToList();
            var measures = Measures.Where(m => m.EnquiryId == enquiry.Id).Select(m =>
            {
                var series = SeriesOf(m);
                var watching = cycleViews.Where(c => c.MeasureIds.Contains(m.Id)).Select(c => c.Cycle).ToList();
                var analysis = MetricAnalysis.Of(series, m.Target ?? (m.Kind == MeasureKind.Outcome ? enquiry.AimTarget : null), Baseline(series, watching));
                return new MeasureView(m, analysis, CycleAnnotations.For(enquiry.Id, watching)) { BaselinePoints = Baseline(series, watching) };
            }).ToList();
            var progress = ProgressScore.Of(new ScoreEvidence(
                Members.GetValueOrDefault(enquiry.TeamId),
                !string.IsNullOrWhiteSpace(enquiry.Aim) && enquiry.AimTarget is not null && enquiry.AimBy is not null,
                nodes.Count(n => n.Kind == DriverNodeKind.ChangeIdea && n.RemovedAt is null),
                [.. measures.Select(ScoreMeasureOf)],
                [.. cycleViews.Select(c => new ScoreCycle(c.Cycle.Id, c.Cycle.Number, c.Cycle.ChangeIdeaId, c.ChangeIdea, c.Cycle.UnitId, c.UnitName, c.Cycle.StartsOn,
                    !string.IsNullOrWhiteSpace(c.Cycle.Study), Act(c.Cycle.Decision), c.MeasureIds))],
                Today));
            var school = Schools.TryGetValue(enquiry.SchoolId, out var home) ? home : (0, "");
            return new EnquiryView(enquiry, Teams[enquiry.TeamId], teamAccess, school.Item1, school.Item2,
                [.. nodes.Where(n => n.RemovedAt is null)], measures, cycleViews,
                new EnquiryScore(progress.Score, progress.Label, progress.Why, progress.Next, progress.Steps))
            {
                Removed = [.. nodes.Where(n => n.RemovedAt is not null)],
                Today = Today,
            };
        }

        /// <summary>
        /// The points before the first cycle that watches the measure started, when there are at least
        /// <see cref="MinimumBaseline"/>: the measure's limits rest on them, so a change after the cycle reads as a signal.
        /// </summary>
        private static int? Baseline(Series series, IReadOnlyList<PdsaCycle> watching)
        {
            if (watching.Count == 0)
            {
                return null;
            }
            var first = watching.Min(c => c.StartsOn);
            var points = series.Points.Where(p => p.Value is not null)
                .Select(p => new ScorePoint(p.PeriodStart, p.Period, p.Value!.Value, Variation.Common)).ToList();
            var from = ProgressScore.PeriodOf(points, first);
            var before = points.Count(p => p.PeriodStart < from);
            return before >= MinimumBaseline && before < points.Count ? before : null;
        }

        private Series SeriesOf(EnquiryMeasure m)
        {
            if (!m.IsTeamMeasure)
            {
                var all = Series.GetValueOrDefault((m.SchoolId ?? 0, m.Group ?? PupilGroups.All)) ?? [];
                if (all.FirstOrDefault(s => s.Metric.Key == m.MetricKey) is { } found)
                {
                    var kind = MetricSeries.PreferredKind(found);
                    return found with { Points = found.Points.Where(p => p.PeriodKind == kind).ToList() };
                }
                return new Series(new Metric { Key = m.MetricKey!, Name = m.Name, Unit = m.Unit ?? "", Polarity = m.Polarity ?? "neutral", Source = "" }, m.Group ?? PupilGroups.All, []);
            }
            return TeamMeasures.SeriesOf(m, Values.Where(v => v.MeasureId == m.Id));
        }
    }

    private static CycleAct? Act(CycleDecision? decision) => decision switch
    {
        CycleDecision.Adopt => CycleAct.Adopt,
        CycleDecision.Adapt => CycleAct.Adapt,
        CycleDecision.Abandon => CycleAct.Abandon,
        _ => null,
    };

    private static ScoreMeasure ScoreMeasureOf(MeasureView view) => new(view.Measure.Id, view.Measure.Name,
        view.Measure.Kind switch { MeasureKind.Outcome => MeasureRole.Outcome, MeasureKind.Process => MeasureRole.Process, _ => MeasureRole.Balancing },
        SpcCodes.ParsePolarity(view.Analysis.Series.Metric.Polarity) ?? Polarity.Neutral, view.Analysis.Target,
        [.. view.Analysis.Charted.Select(c => new ScorePoint(c.Point.PeriodStart, c.Point.Period, c.Point.Value!.Value, c.Variation))]);
}

/// <summary>A team measure read as a series: its figures by week (ISO week) or by lesson (the day and lesson), entered by the team.</summary>
public static class TeamMeasures
{
    public static Series SeriesOf(EnquiryMeasure m, IEnumerable<TeamMeasureValue> values)
    {
        var metric = new Metric
        {
            Key = $"team-measure-{m.Id}",
            Name = m.Name,
            Unit = m.Unit ?? "",
            Polarity = m.Polarity ?? "neutral",
            Source = "Entered by the learning team",
        };
        var points = values.OrderBy(v => v.On).ThenBy(v => v.Lesson).Select(v => m.Frequency == TeamMeasureFrequency.Lesson
                ? new SeriesPoint(v.Lesson is null ? v.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"{v.On:yyyy-MM-dd} {v.Lesson}", PeriodKind.Date, v.On, v.Value, null, null, metric.Source, v.EnteredAt, v.By)
                : new SeriesPoint(WeekOf(v.On), PeriodKind.Week, MondayOf(v.On), v.Value, null, null, metric.Source, v.EnteredAt, v.By))
            .ToList();
        return new Series(metric, PupilGroups.All, points);
    }

    /// <summary>The Monday of the week a day falls in: a weekly figure is stored against it.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The ISO week code ("2025-W10"), as imports write weeks.</summary>
    public static string WeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}";
    }
}

/// <summary>A cycle's start and decision as marks on the charts of the measures it watches ("PDSA 2 started", "PDSA 2: adapt").</summary>
public static class CycleAnnotations
{
    public static IReadOnlyList<ChartAnnotation> For(int enquiryId, IEnumerable<PdsaCycle> cycles) =>
        [.. cycles.SelectMany(c => Of(enquiryId, c)).OrderBy(a => a.On)];

    public static IEnumerable<ChartAnnotation> Of(int enquiryId, PdsaCycle c)
    {
        var url = $"/enquiries/{enquiryId}/cycles/{c.Id}";
        yield return new ChartAnnotation(c.StartsOn, $"PDSA {c.Number} started", url);
        if (c.Decision is { } decision && c.DecidedOn is { } on)
        {
            yield return new ChartAnnotation(on, $"PDSA {c.Number}: {Codes.Of(decision)}", url);
        }
    }
}
