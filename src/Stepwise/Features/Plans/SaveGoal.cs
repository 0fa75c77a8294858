using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Plans;

/// <summary>
/// Adds a measurable goal to a priority: a metric from the catalogue, a pupil group, a baseline and a target with
/// their dates. A metric the catalogue does not know, a group that does not exist, or a target date that is not
/// after the baseline date is refused with a message, and nothing is stored.
/// </summary>
public sealed class SaveGoal(AppDbContext db, AccessControl access, ReadPlans read)
{
    public async Task<Outcome<GoalView>> AddAsync(int priorityId, GoalInput input, CancellationToken ct)
    {
        if (await read.FindPriorityAsync(priorityId, ct) is not var (priority, plan, school))
        {
            return Outcome<GoalView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<GoalView>.Forbidden();
        }
        var problems = new Problems();
        var key = Text.Clean(input.MetricKey);
        var metric = key is null ? null : await db.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, ct);
        if (metric is null)
        {
            problems.Add("metricKey", key is null
                ? "Choose the measure the goal is on."
                : $"There is no measure \"{key}\" in the metric catalogue: a goal must be on a measure Stepwise has, like attendance.persistent-absence.");
        }
        var offer = await GoalMeasures.ForSchoolAsync(db, school, ct);
        if (metric is not null && offer.Metrics.All(m => m.Key != metric.Key))
        {
            var (first, last) = GoalMeasures.YearsOf(school.Phase);
            problems.Add("metricKey", GoalMeasures.FitsPhase(metric.Key, school.Phase)
                ? $"{metric.Name} is the DfE's published figure; set the goal on the school's own measure of it, which is worked out from its pupil records."
                : $"{metric.Name} is not published for a school teaching {PupilGroups.YearRange(first, last)}, and {school.Name} has no such figures: choose a measure of its phase.");
            metric = null;
        }
        var group = Text.Clean(input.Group) ?? PupilGroups.All;
        if (!PupilGroups.IsKnown(group))
        {
            problems.Add("group", $"\"{group}\" is not a pupil group: use all, disadvantaged, sen, eal, girls, boys or a year group such as year-6.");
        }
        else if (!offer.Groups.Contains(group))
        {
            var (first, last) = GoalMeasures.YearsOf(school.Phase);
            problems.Add("group", $"{school.Name} has no {PupilGroups.Name(group)}: it teaches {PupilGroups.YearRange(first, last)}.");
        }
        else if (metric is { Level: "school" } && group != PupilGroups.All)
        {
            problems.Add("group", $"{metric.Name} is published for the whole school only, so the goal must be for all pupils.");
        }
        var baseline = PlanRules.Number(problems, "baseline", input.Baseline, "baseline");
        var target = PlanRules.Number(problems, "target", input.Target, "target");
        var baselineOn = PlanRules.Required(problems, "baselineOn", input.BaselineOn, "date of the baseline");
        var targetOn = PlanRules.Required(problems, "targetOn", input.TargetOn, "date to reach the target by");
        if (baselineOn is DateOnly b && targetOn is DateOnly t && t <= b)
        {
            problems.Add("targetOn", $"The target date ({PlanRules.Date(t)}) must be after the baseline date ({PlanRules.Date(b)}).");
        }
        problems.Optional("description", input.Description, "description", 1000);
        if (metric?.Unit.Contains('%', StringComparison.Ordinal) == true)
        {
            problems.Percentage("baseline", baseline, "baseline").Percentage("target", target, "target");
        }
        if (problems.Any)
        {
            return Outcome<GoalView>.Invalid(problems);
        }
        var goal = new Goal
        {
            PriorityId = priority.Id,
            SchoolId = school.Id,
            TrustId = school.TrustId,
            MetricKey = metric!.Key,
            Group = group,
            Baseline = baseline!.Value,
            BaselineOn = baselineOn!.Value,
            Target = target!.Value,
            TargetOn = targetOn!.Value,
            Description = Text.Clean(input.Description),
        };
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        return Outcome<GoalView>.Ok((await read.OneAsync(plan.Id, ct))!.Value.Plan.Priorities.SelectMany(p => p.Goals).First(g => g.Id == goal.Id));
    }
}
