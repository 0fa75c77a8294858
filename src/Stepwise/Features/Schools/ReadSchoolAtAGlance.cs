using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Surveys;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Benchmarking;
using Stepwise.Features.Gaps;
using Stepwise.Features.Metrics;
using Stepwise.Features.Plans;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Stages;
using Stepwise.Features.Surveys;
using Stepwise.Features.Units;
using Stepwise.Features.Visits;

namespace Stepwise.Features.Schools;

/// <summary>
/// The school at a glance: how it is doing, read from what each feature already reads — the whole school's stage
/// (<see cref="CurrentStages"/>), the measures whose latest point is a signal (<see cref="ReadSchoolMetrics"/>, the one
/// <see cref="Reading"/>), the current plans' goals by trajectory and their overdue actions (<see cref="ReadPlans"/>),
/// the latest survey's favourable figure as its results page releases it to this person (<see cref="ReadSurveyResults"/>,
/// ADR 0072), the disadvantage gap as the gaps page shows it (<see cref="ReadSchoolGaps"/>, ADR 0073), what comes next and
/// what needs attention this week, and the sections the person may open. Nothing is computed here that a feature
/// computes already; every figure carries its year or period, and every part says where to start when there is nothing yet.
/// </summary>
public sealed class ReadSchoolAtAGlance(
    AppDbContext db,
    AccessControl access,
    SurveyAccess surveyAccess,
    ReadSchoolMetrics metrics,
    ReadPlans plans,
    ReadSchoolGaps gaps,
    ReadSurveyResults surveyResults,
    ReadVisits visits,
    ReadPosition position,
    TimeProvider clock)
{
    /// <summary>How far ahead "this week" looks: today and the six days after it.</summary>
    public const int WeekDays = 7;

    /// <summary>A page to go to, in words.</summary>
    public sealed record Link(string Href, string Words);

    public sealed record Glance(
        [property: JsonIgnore] School School,
        DateOnly Today,
        StagePart Stage,
        MeasuresPart Measures,
        PlansPart Plans,
        SurveyPart? Survey,
        GapPart Gap,
        NextPart Next,
        IReadOnlyList<Attention> ThisWeek,
        IReadOnlyList<Section> Sections)
    {
        public int Urn => School.Urn;
        public string Name => School.Name;
    }

    /// <summary>The whole school's stage since a day, why, and what the stage asks of leaders; or where to set it.</summary>
    public sealed record StagePart(string? Stage, string? Name, DateOnly? Since, string? Why, string? Asks, Link Open, Link? Start);

    /// <summary>
    /// The measures for all pupils whose latest point is an improvement or a concern, from figures no older than a goal's
    /// data may be before it is stale (<see cref="GoalStatus.StaleAfterDays"/>); how many measures there are, and how
    /// many signals rest on older figures (shown on the measures page, not here).
    /// </summary>
    public sealed record MeasuresPart(IReadOnlyList<MeasureSignal> Signals, int Measures, int OlderSignals, Link Open, Link? Start);

    /// <param name="Signal">improvement or concern.</param>
    public sealed record MeasureSignal(string Key, string Name, string Signal, string Words, string Sentence, string? Latest, string? Period, string Href,
        [property: JsonIgnore] Reading Reading);

    /// <summary>
    /// The plans running today and their goals by trajectory (the goals off it named); the overdue actions of every plan
    /// (an action is overdue until it is done or dropped, whether or not its plan has ended).
    /// </summary>
    public sealed record PlansPart(IReadOnlyList<PlanLine> Current, int OnTrajectory, int OffTrajectory, int NoDataYet, IReadOnlyList<GoalLine> OffGoals,
        IReadOnlyList<ActionLine> Overdue, Link Open, Link? Start);

    public sealed record PlanLine(int Id, string Title, string Kind, DateOnly StartsOn, DateOnly EndsOn, string Href);

    public sealed record GoalLine(int Id, string Priority, string Measure, string? Latest, string? Period, string Sentence, string Href,
        [property: JsonIgnore] Reading Reading);

    public sealed record ActionLine(int Id, string Title, string Owner, DateOnly DueOn, int DaysLate, string Priority, string Href);

    /// <summary>
    /// The school's latest survey, as its results page releases it to this person: the favourable share over the agreement
    /// questions that page shows a figure for, or why there is none yet.
    /// </summary>
    public sealed record SurveyPart(SurveyHeadline? Latest, Link Open, Link? Start);

    /// <param name="Received">Responses received, as the results page says.</param>
    /// <param name="Counted">Responses its figures use (fewer while it is open: whole batches, ADR 0072).</param>
    /// <param name="PercentFavourable">Favourable answers over valid answers to the questions shown with a figure; null with <paramref name="NoFigures"/>.</param>
    public sealed record SurveyHeadline(int Id, string Title, string Audience, string Status, DateOnly OpensOn, DateOnly ClosesOn, int Received, int Counted,
        double? PercentFavourable, int Questions, string? NoFigures, string Href);

    /// <summary>The disadvantage gap in attainment (per subject) and attendance, latest year with its direction since the year before.</summary>
    public sealed record GapPart(IReadOnlyList<AttainmentGap> Attainment, AttendanceGap? Attendance, string GapMeasure, Link Open, Link? Start);

    /// <param name="Gap">The rest's mean score minus disadvantaged pupils' (positive: disadvantaged pupils behind), or null with <paramref name="Missing"/>.</param>
    /// <param name="Direction">narrowing, widening, or null when the year before cannot be compared.</param>
    public sealed record AttainmentGap(string Subject, string ResultType, string Year, string Period, double? Gap, string? Missing, string? Direction, string? Since);

    /// <param name="Gap">Disadvantaged pupils' overall absence minus other pupils', in percentage points; null with <paramref name="Missing"/>.</param>
    /// <param name="SoFar">The year is this academic year: the figure is the year so far.</param>
    public sealed record AttendanceGap(string Year, bool SoFar, double? Disadvantaged, double? Others, double? Gap, string? Missing, string? Direction, string? Since);

    /// <summary>The next milestone, the next impact review (a plan's priorities are reviewed when it ends) and the latest governor visit.</summary>
    public sealed record NextPart(MilestoneLine? Milestone, ReviewLine? Review, VisitLine? LastVisit, Link? Start);

    public sealed record MilestoneLine(int Id, string Title, DateOnly DueOn, string Priority, string Href);

    public sealed record ReviewLine(int PlanId, string Plan, DateOnly DueOn, int Priorities, string Href);

    public sealed record VisitLine(int Id, DateOnly VisitedOn, string Focus, string Href);

    /// <param name="Kind">overdue-action, missed-milestone, milestone-due, review-due or survey-closing.</param>
    public sealed record Attention(string Kind, string Text, DateOnly On, string Href);

    /// <param name="Group">data, improvement, listening or school.</param>
    public sealed record Section(string Key, string Title, string Href, string Group);

    public async Task<Glance?> HandleAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return null;
        }
        var today = clock.Today();
        var rights = await RightsAsync(school, ct);
        var stage = await StageAsync(school, today, rights, ct);
        var measures = await MeasuresAsync(school, rights, today, ct);
        var planViews = await plans.ForSchoolAsync(urn, ct) ?? [];
        var current = planViews.Where(p => p.StartsOn <= today && p.EndsOn >= today).ToList();
        var planPart = PlansOf(school, planViews, current, rights, today);
        var survey = rights.ReadSurveys ? await SurveyAsync(school, rights, today, ct) : null;
        var gap = await GapAsync(school, rights, ct);
        var next = await NextAsync(school, current, rights, today, ct);
        var thisWeek = ThisWeek(planPart, planViews, survey, today);
        return new Glance(school, today, stage, measures, planPart, survey, gap, next, thisWeek, Sections(school, rights));
    }

    /// <param name="Compare">The school's position among similar schools can be shown (it is in the national data, with published figures).</param>
    private sealed record Rights(bool ViewPupils, bool Import, bool EditSchool, bool EditStages, bool EditPlans, bool ReadSurveys, bool ManageSurveys, bool Visits, bool Compare, bool ArrangeCoaching);

    private async Task<Rights> RightsAsync(School school, CancellationToken ct) => new(
        ViewPupils: await access.CanAsync(Permission.ViewPupils, school.Id, ct),
        Import: await access.CanAsync(Permission.EditPupils, school.Id, ct),
        EditSchool: await access.CanAsync(Permission.EditSchool, school.Id, ct),
        EditStages: await access.CanAsync(Permission.EditStages, school.Id, ct),
        EditPlans: await access.CanAsync(Permission.EditPlans, school.Id, ct),
        ReadSurveys: await surveyAccess.CanReadAsync(school.Id, ct),
        ManageSurveys: await surveyAccess.CanManageAsync(school.Id, ct),
        Visits: await access.CanAsync(Permission.ViewVisitReports, school.Id, ct) || await access.CanAsync(Permission.WriteVisitReports, school.Id, ct),
        Compare: (await position.HandleAsync(school.Urn, null, null, ct)).Lookup.View is not null,
        ArrangeCoaching: await access.CanAsync(Permission.ArrangeCoaching, school.Id, ct));

    /// <summary>The sections of the school the person may open, in the order a headteacher works through them.</summary>
    private static List<Section> Sections(School school, Rights rights)
    {
        var u = school.Urn;
        var sections = new List<Section>
        {
            new("measures", "Measures", $"/schools/{u}/metrics", "data"),
            new("gaps", "Gaps", $"/schools/{u}/gaps", "data"),
        };
        if (rights.Compare)
        {
            sections.Add(new("compare", "How it compares", $"/benchmarking/schools/{u}", "data"));
        }
        if (rights.ViewPupils)
        {
            sections.Add(new("pupils", "Pupils", $"/schools/{u}/pupils", "data"));
        }
        if (rights.Import)
        {
            sections.Add(new("imports", "Import data", $"/schools/{u}/imports", "data"));
        }
        sections.Add(new("self-evaluation", "Self-evaluation", $"/schools/{u}/self-evaluation", "improvement"));
        sections.Add(new("stages", "Stages", $"/schools/{u}/stages", "improvement"));
        sections.Add(new("plans", "Improvement plans", $"/schools/{u}/plans", "improvement"));
        sections.Add(new("rounds", "Instructional rounds", $"/schools/{u}/rounds", "improvement"));
        if (rights.ArrangeCoaching)
        {
            sections.Add(new("coaching", "Coaching", $"/schools/{u}/coaching", "improvement"));
        }
        if (rights.ReadSurveys || rights.ManageSurveys)
        {
            sections.Add(new("surveys", "Surveys", "/surveys", "listening"));
        }
        if (rights.Visits)
        {
            sections.Add(new("visits", "Governor visits", $"/schools/{u}/visits", "listening"));
        }
        if (rights.ManageSurveys)
        {
            sections.Add(new("you-said-we-did", "You said, we did", $"/schools/{u}/you-said-we-did", "listening"));
        }
        if (rights.EditSchool)
        {
            sections.Add(new("edit", "Edit school details", $"/schools/{u}/edit", "school"));
        }
        return sections;
    }

    private async Task<StagePart> StageAsync(School school, DateOnly today, Rights rights, CancellationToken ct)
    {
        var open = new Link($"/schools/{school.Urn}/stages", "Stages of the school and its units");
        var whole = (await CurrentStages.OfWholeSchoolsAsync(db, [school.Urn], today, ct)).GetValueOrDefault(school.Urn);
        if (whole is null)
        {
            var unitId = await db.Units.Where(u => u.SchoolId == school.Id && u.Kind == UnitKind.WholeSchool && u.ArchivedAt == null).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            var start = rights.EditStages && unitId is int id
                ? new Link($"/units/{id}/stage", "Set the school's stage")
                : new Link(open.Href, "No stage set yet: see the stages");
            return new StagePart(null, null, null, null, null, open, start);
        }
        var why = await db.StageChanges.Where(c => c.UnitId == whole.UnitId && c.From == whole.Since && c.Stage == whole.Stage)
            .OrderByDescending(c => c.Id).Select(c => c.Rationale).FirstOrDefaultAsync(ct);
        return new StagePart(Codes.Of(whole.Stage), whole.Stage.ToString(), whole.Since, why, StageGuidance.For(whole.Stage).Summary,
            new Link($"/units/{whole.UnitId}/stage", "The school's stage and its history"), null);
    }

    private async Task<MeasuresPart> MeasuresAsync(School school, Rights rights, DateOnly today, CancellationToken ct)
    {
        var open = new Link($"/schools/{school.Urn}/metrics", "All measures");
        var overview = await metrics.ForSchoolAsync(school.Urn, PupilGroups.All, ct);
        var analyses = overview?.Metrics ?? [];
        var withSignal = analyses.Where(m => m.Reading.Signal is Signal.Improvement or Signal.Concern).ToList();
        bool Recent(MetricAnalysis m) => PeriodEnds.Of(m.Charted[^1].Point.PeriodKind, m.Charted[^1].Point.PeriodStart).AddDays(GoalStatus.StaleAfterDays) >= today;
        var signals = withSignal
            .Where(Recent)
            .OrderBy(m => m.Reading.Signal == Signal.Concern ? 0 : 1)
            .Select(m =>
            {
                var latest = m.Charted[^1].Point;
                return new MeasureSignal(m.Series.Metric.Key, m.Series.Metric.Name, Codes.Of(m.Reading.Signal), m.Reading.SignalWords, m.Reading.Sentence,
                    MetricFormat.Format(latest.Value, m.Series.Metric.Unit), latest.Period, $"/schools/{school.Urn}/metrics/{m.Series.Metric.Key}", m.Reading);
            })
            .ToList();
        Link? start = analyses.Count > 0 ? null
            : rights.Import ? new Link($"/schools/{school.Urn}/imports", "Import the school's attendance or assessments")
            : new Link(open.Href, "No figures yet: they appear once the school's data is imported");
        return new MeasuresPart(signals, analyses.Count, withSignal.Count - signals.Count, open, start);
    }

    private static PlansPart PlansOf(School school, List<PlanView> all, List<PlanView> current, Rights rights, DateOnly today)
    {
        var open = new Link($"/schools/{school.Urn}/plans", "Improvement plans");
        var priorities = current.SelectMany(p => p.Priorities).ToList();
        var goals = priorities.SelectMany(p => p.Goals.Select(g => (Priority: p, Goal: g))).ToList();
        var off = goals.Where(x => x.Goal.Status.Trajectory == Trajectory.Off)
            .Select(x => new GoalLine(x.Goal.Id, x.Priority.Title, x.Goal.Group == PupilGroups.All ? x.Goal.MetricName : $"{x.Goal.MetricName} ({x.Goal.GroupName.ToLowerInvariant()})",
                MetricFormat.Format(x.Goal.Status.Latest, x.Goal.MetricUnit), x.Goal.Status.LatestPeriod, x.Goal.Status.Reading, $"/priorities/{x.Priority.Id}",
                x.Goal.Status.ToReading()))
            .ToList();
        var overdue = all.SelectMany(p => p.Priorities).SelectMany(p => p.Actions.Where(a => a.State == ActionState.Overdue)
                .Select(a => new ActionLine(a.Id, a.Title, a.Owner, a.DueOn, today.DayNumber - a.DueOn.DayNumber, p.Title, $"/priorities/{p.Id}")))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .ToList();
        Link? start = current.Count > 0 ? null
            : rights.EditPlans ? new Link(open.Href, "Write this year's improvement plan")
            : new Link(open.Href, "No plan running today: see the plans");
        return new PlansPart(
            current.Select(p => new PlanLine(p.Id, p.Title, p.Kind, p.StartsOn, p.EndsOn, $"/plans/{p.Id}")).ToList(),
            goals.Count(x => x.Goal.Status.Trajectory == Trajectory.On), off.Count, goals.Count(x => x.Goal.Status.Trajectory == Trajectory.NoData),
            off, overdue, open, start);
    }

    /// <summary>
    /// The school's own latest survey that has opened, read through its results page's use case: the headline pools the
    /// agreement questions that page shows a figure for (their favourable and valid answers, as a scale is pooled), so it
    /// releases nothing the page does not.
    /// </summary>
    private async Task<SurveyPart> SurveyAsync(School school, Rights rights, DateOnly today, CancellationToken ct)
    {
        var open = new Link("/surveys", "Surveys");
        var latest = await db.Surveys.AsNoTracking()
            .Where(s => s.SchoolId == school.Id && s.Status != SurveyStatus.Draft && s.OpensOn <= today)
            .OrderByDescending(s => s.OpensOn).ThenByDescending(s => s.Id)
            .Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        var results = latest is int id ? await surveyResults.HandleAsync(id, null, ct) : null;
        if (results is null)
        {
            var start = rights.ManageSurveys ? new Link("/surveys/new", "Build a survey for staff, pupils or parents") : new Link(open.Href, "No survey yet: see the surveys");
            return new SurveyPart(null, open, start);
        }
        var s = results.Survey;
        var shown = results.Questions.Where(q => q.Agreement is { N: > 0 }).Select(q => q.Agreement!).ToList();
        var pooled = shown.Count > 0 ? Favourability.Pool(shown) : null;
        var min = results.Policy.MinimumRespondents;
        var noFigures = results.TooFew
            ? results.Batched
                ? $"No figures yet: they appear once at least {2 * min} responses have come from one group of people."
                : $"Figures appear once at least {min} people have answered."
            : results.Withheld is not null ? results.Withheld
            : pooled is null ? "No agreement question has enough answers for a figure yet."
            : null;
        return new SurveyPart(new SurveyHeadline(s.Id, s.Title, Codes.Of(s.Audience), Codes.Of(s.Status), s.OpensOn, s.ClosesOn, results.Received, results.Respondents,
            noFigures is null ? pooled!.PercentFavourable : null, noFigures is null ? shown.Count : 0, noFigures, $"/surveys/{s.Id}/results"), open, null);
    }

    private async Task<GapPart> GapAsync(School school, Rights rights, CancellationToken ct)
    {
        var open = new Link($"/schools/{school.Urn}/gaps", "Gaps between groups of pupils");
        var view = await gaps.HandleAsync(school.Urn, null, ct);
        const string group = "disadvantaged";
        var attainment = (view?.Subjects ?? []).Select(subject =>
        {
            var latest = subject.Years[^1];
            var comparison = latest.Comparisons.FirstOrDefault(c => c.Group == group);
            var verdict = subject.Verdict;
            return comparison is null ? null : new AttainmentGap(subject.Name, subject.ResultType, latest.Year, latest.Period, comparison.Gap, comparison.Missing,
                verdict?.NarrowingGap switch { true => "narrowing", false => "widening", _ => null }, verdict is null ? null : subject.Years[^2].Year);
        }).OfType<AttainmentGap>().ToList();

        AttendanceGap? attendance = null;
        var years = (view?.Attendance ?? []).Select(y => (Year: y, Comparison: y.Comparisons.FirstOrDefault(c => c.Group == group))).Where(y => y.Comparison is not null).ToList();
        if (years.Count > 0)
        {
            var thisYear = clock.ThisAcademicYear().ToString();
            AbsenceGapYear? Figures((ReadSchoolGaps.AttendanceYear Year, ReadSchoolGaps.AbsenceComparison? Comparison) y) =>
                y.Comparison is { RateGroup: double g, RateOthers: double o } ? new AbsenceGapYear(y.Year.Year, y.Year.Year == thisYear, g, o) : null;
            var (latest, before) = (years[^1], years.Count > 1 ? years[^2] : default);
            var figures = Figures(latest);
            var previous = years.Count > 1 ? Figures(before) : null;
            // The direction is the trust overview's (DisadvantageGapSnapshot): narrower or wider, by arithmetic.
            var change = new DisadvantageGapSnapshot(figures, previous).Change;
            attendance = new AttendanceGap(latest.Year.Year, latest.Year.Year == thisYear, figures?.Disadvantaged, figures?.Others, figures?.Gap, latest.Comparison!.Missing,
                change switch { "narrower" => "narrowing", "wider" => "widening", _ => null }, change is null ? null : before.Year.Year);
        }
        Link? start = attainment.Count > 0 || attendance is not null ? null
            : rights.Import ? new Link($"/schools/{school.Urn}/imports", "Import pupils, attendance and assessments to see the gaps")
            : new Link(open.Href, "No figures yet: they appear once the school's pupils and results are imported");
        return new GapPart(attainment, attendance, ReadSchoolGaps.GapIndexLabel, open, start);
    }

    private async Task<NextPart> NextAsync(School school, List<PlanView> current, Rights rights, DateOnly today, CancellationToken ct)
    {
        var milestone = current.SelectMany(p => p.Priorities.SelectMany(pr => pr.Milestones.Where(m => m.State == "upcoming").Select(m => (Priority: pr, Milestone: m))))
            .OrderBy(x => x.Milestone.DueOn).ThenBy(x => x.Milestone.Id)
            .Select(x => new MilestoneLine(x.Milestone.Id, x.Milestone.Title, x.Milestone.DueOn, x.Priority.Title, $"/priorities/{x.Priority.Id}"))
            .FirstOrDefault();
        var review = current.Select(p => (Plan: p, Unreviewed: p.Priorities.Count(pr => pr.Review is null)))
            .Where(x => x.Unreviewed > 0)
            .OrderBy(x => x.Plan.EndsOn).ThenBy(x => x.Plan.Id)
            .Select(x => new ReviewLine(x.Plan.Id, x.Plan.Title, x.Plan.EndsOn, x.Unreviewed, $"/plans/{x.Plan.Id}"))
            .FirstOrDefault();
        VisitLine? visit = null;
        if (rights.Visits && await visits.ForSchoolAsync(school.Urn, ct) is { Kind: OutcomeKind.Ok, Value: { } read } && read.Visits.FirstOrDefault() is { } last)
        {
            visit = new VisitLine(last.Id, last.VisitedOn, last.Focus, $"/visits/{last.Id}");
        }
        Link? start = milestone is null && review is null
            ? new Link($"/schools/{school.Urn}/plans", rights.EditPlans ? "Add milestones to the plan's priorities" : "No milestone or review ahead: see the plans")
            : null;
        return new NextPart(milestone, review, visit, start);
    }

    /// <summary>
    /// What needs doing from today to the end of the week: overdue actions, milestones missed or due, impact reviews due
    /// or overdue (a plan that has ended with priorities not yet reviewed), and the latest survey if it closes.
    /// </summary>
    private static List<Attention> ThisWeek(PlansPart plans, List<PlanView> all, SurveyPart? survey, DateOnly today)
    {
        var weekEnd = today.AddDays(WeekDays - 1);
        var items = new List<Attention>();
        items.AddRange(plans.Overdue.Select(a => new Attention("overdue-action",
            $"Overdue by {a.DaysLate} day{(a.DaysLate == 1 ? "" : "s")}: {a.Title} ({a.Owner})", a.DueOn, a.Href)));
        foreach (var priority in all.SelectMany(p => p.Priorities))
        {
            foreach (var m in priority.Milestones.Where(m => m.ReachedOn is null && m.DueOn <= weekEnd))
            {
                items.Add(m.State == "missed"
                    ? new Attention("missed-milestone", $"Milestone missed: {m.Title}", m.DueOn, $"/priorities/{priority.Id}")
                    : new Attention("milestone-due", $"Milestone due: {m.Title}", m.DueOn, $"/priorities/{priority.Id}"));
            }
        }
        items.AddRange(all.Where(p => p.StartsOn <= today && p.EndsOn <= weekEnd && p.Priorities.Any(pr => pr.Review is null))
            .Select(p => new Attention("review-due",
                p.EndsOn < today ? $"Impact review not yet written: {p.Title} has ended" : $"Impact review due as the plan ends: {p.Title}", p.EndsOn, $"/plans/{p.Id}")));
        if (survey?.Latest is { Status: "open" } open && open.ClosesOn >= today && open.ClosesOn <= weekEnd)
        {
            items.Add(new Attention("survey-closing", $"Survey closes: {open.Title} ({open.Received} response{(open.Received == 1 ? "" : "s")} so far)", open.ClosesOn, open.Href));
        }
        return items.OrderBy(i => i.On).ThenBy(i => i.Kind, StringComparer.Ordinal).ToList();
    }
}
