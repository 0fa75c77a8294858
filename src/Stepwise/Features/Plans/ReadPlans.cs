using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Spc;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Evidence;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Plans;

/// <summary>
/// A school's plans with everything in them, and each goal's status computed from its metric series there and then.
/// Also finds a plan, priority or action by id for the person asking — null (so: 404) if they may not see its school.
/// </summary>
public sealed class ReadPlans(AppDbContext db, AccessControl access, ReadEvidence readEvidence, TimeProvider clock)
{
    public async Task<List<PlanView>?> ForSchoolAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return null;
        }
        var plans = await db.Plans.AsNoTracking().Where(p => p.SchoolId == school.Id).OrderByDescending(p => p.StartsOn).ThenBy(p => p.Id).ToListAsync(ct);
        return await BuildAsync(school, plans, ct);
    }

    public async Task<(PlanView Plan, School School)?> OneAsync(int planId, CancellationToken ct)
    {
        if (await FindPlanAsync(planId, ct) is not var (plan, school))
        {
            return null;
        }
        return ((await BuildAsync(school, [plan], ct))[0], school);
    }

    public async Task<(Plan Plan, School School)?> FindPlanAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        var school = plan is null ? null : await SchoolAsync(plan.SchoolId, ct);
        return plan is null || school is null ? null : (plan, school);
    }

    public async Task<(Priority Priority, Plan Plan, School School)?> FindPriorityAsync(int priorityId, CancellationToken ct)
    {
        var priority = await db.Priorities.FirstOrDefaultAsync(p => p.Id == priorityId, ct);
        if (priority is null || await FindPlanAsync(priority.PlanId, ct) is not var (plan, school))
        {
            return null;
        }
        return (priority, plan, school);
    }

    public async Task<(PlanAction Action, Priority Priority, School School)?> FindActionAsync(int actionId, CancellationToken ct)
    {
        var action = await db.PlanActions.FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null || await FindPriorityAsync(action.PriorityId, ct) is not var (priority, _, school))
        {
            return null;
        }
        return (action, priority, school);
    }

    private async Task<School?> SchoolAsync(int schoolId, CancellationToken ct)
    {
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        return school is not null && await access.CanAsync(Permission.ViewSchool, school.Id, ct) ? school : null;
    }

    private async Task<List<PlanView>> BuildAsync(School school, List<Plan> plans, CancellationToken ct)
    {
        var planIds = plans.Select(p => p.Id).ToList();
        var priorities = await db.Priorities.AsNoTracking().Where(p => planIds.Contains(p.PlanId)).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(ct);
        var priorityIds = priorities.Select(p => p.Id).ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => priorityIds.Contains(g.PriorityId)).OrderBy(g => g.Id).ToListAsync(ct);
        var actions = await db.PlanActions.AsNoTracking().Where(a => priorityIds.Contains(a.PriorityId)).OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(ct);
        var prompts = await PromptsAsync(school, actions.Select(a => a.Id).ToList(), ct);
        var actionIds = actions.Select(a => a.Id).ToList();
        var carriedOut = (await db.Enquiries.AsNoTracking().Where(e => e.PlanActionId != null && actionIds.Contains(e.PlanActionId.Value))
            .OrderBy(e => e.Title).Select(e => new { ActionId = e.PlanActionId!.Value, e.Id, e.Title }).ToListAsync(ct))
            .ToLookup(e => e.ActionId, e => new ActionEnquiry(e.Id, e.Title));
        var milestones = await db.Milestones.AsNoTracking().Where(m => priorityIds.Contains(m.PriorityId)).OrderBy(m => m.DueOn).ThenBy(m => m.Id).ToListAsync(ct);
        var evidence = await readEvidence.ForAsync(EvidenceOwner.Priority, priorityIds, ct);
        var comments = await db.PlanComments.AsNoTracking().Where(c => planIds.Contains(c.PlanId)).OrderBy(c => c.At).ToListAsync(ct);
        var areaIds = priorities.Where(p => p.FrameworkAreaId is not null).Select(p => p.FrameworkAreaId!.Value).ToList();
        var areas = await (from a in db.FrameworkAreas.AsNoTracking()
                           where areaIds.Contains(a.Id)
                           join v in db.FrameworkVersions on a.FrameworkVersionId equals v.Id
                           join f in db.Frameworks on v.FrameworkId equals f.Id
                           select new { a.Id, Link = new AreaLink(f.Key, f.Name, v.Number, a.Key, a.Name) }).ToDictionaryAsync(a => a.Id, a => a.Link, ct);
        var unitIds = priorities.Where(p => p.UnitId is not null).Select(p => p.UnitId!.Value).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var statuses = await GoalStatusesAsync(school, goals, ct);
        var today = clock.Today();

        return plans.Select(plan => new PlanView(plan.Id, school.Urn, school.Name, Codes.Of(plan.Kind), plan.Title, plan.AcademicYear, plan.StartsOn, plan.EndsOn,
            plan.Summary, plan.CreatedBy, plan.CreatedAt,
            priorities.Where(p => p.PlanId == plan.Id).Select(p => new PriorityView(p.Id, p.PlanId, p.Title, p.Why, p.Lead,
                p.FrameworkAreaId is int a ? areas.GetValueOrDefault(a) : null,
                p.UnitId is int u && units.TryGetValue(u, out var unitName) ? new UnitLink(u, unitName) : null,
                goals.Where(g => g.PriorityId == p.Id).Select(g => statuses[g.Id]).ToList(),
                actions.Where(x => x.PriorityId == p.Id).Select(x => new ActionView(x.Id, x.Title, x.Owner, x.StartsOn, x.DueOn, Codes.Of(x.Status),
                    ActionState.Of(x.Status, x.DueOn, today), x.Cost, x.DoneOn, prompts[x.Id].ToList()) { CarriedOutBy = [.. carriedOut[x.Id]] }).ToList(),
                milestones.Where(m => m.PriorityId == p.Id).Select(m => new MilestoneView(m.Id, m.Title, m.DueOn, m.ReachedOn, ActionState.MilestoneState(m.DueOn, m.ReachedOn, today))).ToList(),
                evidence.GetValueOrDefault(p.Id, []),
                p.Decision is null && p.WhatChanged is null && p.WhatWeLearned is null ? null
                    : new ReviewView(p.WhatChanged, p.WhatWeLearned, p.Decision is ReviewDecision d ? Codes.Of(d) : null, p.ReviewedOn, p.ReviewedBy))).ToList(),
            comments.Where(c => c.PlanId == plan.Id).Select(c => new CommentView(c.Id, c.PriorityId, c.Author, c.Text, c.At)).ToList())).ToList();
    }

    /// <summary>The "you said, we did" entries each action answers, shown only as far as the reader may see them.</summary>
    private async Task<ILookup<int, ActionPrompt>> PromptsAsync(School school, List<int> actionIds, CancellationToken ct)
    {
        var entries = await db.YouSaidWeDid.AsNoTracking().Where(e => e.PlanActionId != null && actionIds.Contains(e.PlanActionId.Value)).OrderBy(e => e.Id)
            .Select(e => new
            {
                ActionId = e.PlanActionId!.Value, e.YouSaid, e.Source, e.Published, e.GovernorVisitId,
                SurveyId = db.SurveyQuestions.Where(q => q.Id == e.SurveyQuestionId).Select(q => (int?)q.SurveyId).FirstOrDefault(),
            }).ToListAsync(ct);
        if (entries.Count == 0)
        {
            return Array.Empty<ActionPrompt>().ToLookup(_ => 0);
        }
        var manages = await access.CanAsync(Permission.ManageSurveys, school.Id, ct);
        var readsResults = manages || await access.CanAsync(Permission.ViewSurveyResults, school.Id, ct);
        var readsVisits = await access.CanAsync(Permission.ViewVisitReports, school.Id, ct);
        return entries.ToLookup(e => e.ActionId, e =>
        {
            var fromVisit = e.Source == Surveys.FeedbackSource.VisitFinding || e.GovernorVisitId is not null;
            var mayRead = e.Published || manages || (fromVisit ? readsVisits : readsResults);
            var href = manages ? $"/schools/{school.Urn}/you-said-we-did" : e.Published ? $"/you-said-we-did/{school.Urn}" : null;
            var (sourceHref, sourceLabel) = e.GovernorVisitId is int v && readsVisits ? ($"/visits/{v}", "the visit report")
                : e.SurveyId is int s && readsResults ? ($"/surveys/{s}/results", "the survey results")
                : ((string?)null, (string?)null);
            return new ActionPrompt(mayRead ? e.YouSaid : null, href, sourceHref, sourceLabel);
        });
    }

    /// <summary>Each goal with its status, reading each pupil group's series once.</summary>
    private async Task<Dictionary<int, GoalView>> GoalStatusesAsync(School school, List<Goal> goals, CancellationToken ct)
    {
        var today = clock.Today();
        var keys = goals.Select(g => g.MetricKey).Distinct().ToList();
        var metrics = await db.Metrics.AsNoTracking().Where(m => keys.Contains(m.Key)).ToDictionaryAsync(m => m.Key, ct);
        var result = new Dictionary<int, GoalView>();
        foreach (var byGroup in goals.GroupBy(g => g.Group))
        {
            var series = await MetricSeries.ForSchoolAsync(db, school.Id, school.Urn, byGroup.Key, null, ct);
            foreach (var goal in byGroup)
            {
                var metric = metrics[goal.MetricKey];
                var found = series.FirstOrDefault(s => s.Metric.Key == goal.MetricKey);
                var kind = found is null ? PeriodKind.Year : MetricSeries.PreferredKind(found);
                var points = found is null ? [] : GoalStatus.PointsOf(found with { Points = found.Points.Where(p => p.PeriodKind == kind).ToList() });
                var status = GoalStatus.Compute(new GoalStatus.Figures(goal.Baseline, goal.BaselineOn, goal.Target, goal.TargetOn),
                    SpcCodes.ParsePolarity(metric.Polarity) ?? Polarity.Neutral, points, today,
                    goal.Group == PupilGroups.All ? metric.Name : $"{metric.Name} ({PupilGroups.Name(goal.Group).ToLowerInvariant()})", Noun(kind));
                result[goal.Id] = new GoalView(goal.Id, goal.MetricKey, metric.Name, metric.Unit, metric.Polarity, goal.Group, PupilGroups.Name(goal.Group),
                    goal.Baseline, goal.BaselineOn, goal.Target, goal.TargetOn, goal.Description, status,
                    found?.Latest is null ? GoalMeasures.FedBy(goal.MetricKey, school.Urn) : null);
            }
        }
        return result;
    }

    private static string Noun(PeriodKind kind) => kind switch
    {
        PeriodKind.HalfTerm => "half-term",
        PeriodKind.Term => "term",
        PeriodKind.Week => "week",
        PeriodKind.Date => "day",
        _ => "year",
    };
}
