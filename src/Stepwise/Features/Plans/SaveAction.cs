using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Plans;

/// <summary>Adds an action to a priority, or changes one (its status above all). "Overdue" is never stored: it is worked out from the due date.</summary>
public sealed class SaveAction(AppDbContext db, AccessControl access, ReadPlans read, TimeProvider clock)
{
    public async Task<Outcome<ActionView>> AddAsync(int priorityId, ActionInput input, CancellationToken ct)
    {
        if (await read.FindPriorityAsync(priorityId, ct) is not var (priority, plan, school))
        {
            return Outcome<ActionView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<ActionView>.Forbidden();
        }
        var action = new PlanAction { PriorityId = priority.Id, SchoolId = school.Id, TrustId = school.TrustId, Title = "", Owner = "" };
        var problems = Apply(input, action);
        if (problems.Any)
        {
            return Outcome<ActionView>.Invalid(problems);
        }
        db.PlanActions.Add(action);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(plan.Id, action.Id, ct);
    }

    public async Task<Outcome<ActionView>> UpdateAsync(int actionId, ActionInput input, CancellationToken ct)
    {
        if (await read.FindActionAsync(actionId, ct) is not var (action, priority, school))
        {
            return Outcome<ActionView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<ActionView>.Forbidden();
        }
        var problems = Apply(input, action);
        if (problems.Any)
        {
            return Outcome<ActionView>.Invalid(problems);
        }
        await db.SaveChangesAsync(ct);
        return await ViewAsync(priority.PlanId, action.Id, ct);
    }

    /// <summary>Checks the input and, only if all is well, copies it onto the action.</summary>
    private Problems Apply(ActionInput input, PlanAction action)
    {
        var problems = new Problems()
            .Require("title", input.Title, "action", 300)
            .Require("owner", input.Owner, "owner's name", 120);
        var due = PlanRules.Required(problems, "dueOn", input.DueOn, "due date");
        if (input.StartsOn is DateOnly s && due is DateOnly d && d < s)
        {
            problems.Add("dueOn", $"The due date ({PlanRules.Date(d)}) cannot be before the start ({PlanRules.Date(s)}).");
        }
        ActionStatus status = ActionStatus.NotStarted;
        if (Text.Clean(input.Status) is string text && !Codes.TryParse(text, out status))
        {
            problems.Add("status", text.Equals("overdue", StringComparison.OrdinalIgnoreCase)
                ? "Overdue is worked out from the due date: choose not-started, in-progress, done or dropped."
                : $"The status must be one of {Codes.List<ActionStatus>()}, not \"{text}\".");
        }
        var cost = PlanRules.Money(problems, "cost", input.Cost, "cost");
        if (problems.Any)
        {
            return problems;
        }
        action.Title = input.Title!.Trim();
        action.Owner = input.Owner!.Trim();
        action.StartsOn = input.StartsOn;
        action.DueOn = due!.Value;
        action.DoneOn = status == ActionStatus.Done ? action.DoneOn ?? clock.Today() : null;
        action.Status = status;
        action.Cost = cost;
        return problems;
    }

    private async Task<Outcome<ActionView>> ViewAsync(int planId, int actionId, CancellationToken ct) =>
        Outcome<ActionView>.Ok((await read.OneAsync(planId, ct))!.Value.Plan.Priorities.SelectMany(p => p.Actions).First(a => a.Id == actionId));
}
