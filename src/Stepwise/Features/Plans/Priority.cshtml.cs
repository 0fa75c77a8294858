using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.Evidence;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Plans;

/// <summary>One priority: its goals, actions, milestones, evidence and review, with the forms to add to each.</summary>
public sealed class PriorityModel(ReadPlans read, SaveGoal saveGoal, SaveAction saveAction, AddToPlan add, SavePriority savePriority,
    PlanChoices choices, AddEvidence addEvidence, RemoveEvidence removeEvidence, ReadEvidenceChoices evidenceChoices, AccessControl access, TimeProvider clock) : PageModel
{
    public PlanView Plan { get; private set; } = null!;
    public PriorityView Priority { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public PlanChoices.Choices Choices { get; private set; } = null!;

    [BindProperty]
    public GoalInput NewGoal { get; set; } = new();

    [BindProperty]
    public ActionInput NewAction { get; set; } = new();

    [BindProperty]
    public MilestoneInput NewMilestone { get; set; } = new();

    [BindProperty]
    public EvidenceInput NewEvidence { get; set; } = new();

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int priorityId, CancellationToken ct)
    {
        if (!await LoadAsync(priorityId, ct))
        {
            return NotFound();
        }
        var today = clock.Today();
        NewGoal = new GoalInput { Group = "all", BaselineOn = today, TargetOn = Plan.EndsOn };
        NewAction = new ActionInput { StartsOn = today, Status = "not-started" };
        Review = new ReviewInput { WhatChanged = Priority.Review?.WhatChanged, WhatWeLearned = Priority.Review?.WhatWeLearned, Decision = Priority.Review?.Decision };
        return Page();
    }

    public Task<IActionResult> OnPostGoalAsync(int priorityId, CancellationToken ct) =>
        HandleAsync(priorityId, "NewGoal", () => saveGoal.AddAsync(priorityId, NewGoal, ct), g => $"The goal on {g.MetricName} has been added.", "goals", ct);

    public Task<IActionResult> OnPostActionAsync(int priorityId, CancellationToken ct) =>
        HandleAsync(priorityId, "NewAction", () => saveAction.AddAsync(priorityId, NewAction, ct), a => $"The action “{a.Title}” has been added.", "actions", ct);

    public Task<IActionResult> OnPostMilestoneAsync(int priorityId, CancellationToken ct) =>
        HandleAsync(priorityId, "NewMilestone", () => add.MilestoneAsync(priorityId, NewMilestone, ct), m => $"The milestone “{m.Title}” has been added.", "milestones", ct);

    public Task<IActionResult> OnPostEvidenceAsync(int priorityId, CancellationToken ct) =>
        HandleAsync(priorityId, "NewEvidence", () => addEvidence.HandleAsync(EvidenceOwner.Priority, priorityId, NewEvidence, ct), e => $"“{e.Title}” has been added to the evidence.", "evidence", ct);

    public Task<IActionResult> OnPostReviewAsync(int priorityId, CancellationToken ct) =>
        HandleAsync(priorityId, "Review", () => savePriority.ReviewAsync(priorityId, Review, ct), _ => "The impact review has been saved.", "review", ct);

    /// <summary>Marks one action done, in progress, and so on, straight from the list.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int priorityId, int actionId, string? status, CancellationToken ct)
    {
        if (!await LoadAsync(priorityId, ct))
        {
            return NotFound();
        }
        var action = Priority.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null)
        {
            return NotFound();
        }
        var outcome = await saveAction.UpdateAsync(actionId, new ActionInput
        {
            Title = action.Title,
            Owner = action.Owner,
            StartsOn = action.StartsOn,
            DueOn = action.DueOn,
            Status = status,
            Cost = action.Cost?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors, "Status");
            return Page();
        }
        return this.Reply(outcome, a => this.Done($"“{a.Title}” is now {ActionState.Words(a.State).ToLowerInvariant()}.", $"/priorities/{priorityId}#actions"));
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int priorityId, int evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(priorityId, ct) || Priority.Evidence.All(e => e.Id != evidenceId))
        {
            return NotFound();
        }
        var outcome = await removeEvidence.HandleAsync(evidenceId, ct);
        return this.Reply(outcome, e => this.Done($"“{e.Title}” has been removed from the evidence.", $"/priorities/{priorityId}#evidence"));
    }

    public async Task<IActionResult> OnPostReachedAsync(int priorityId, int milestoneId, CancellationToken ct)
    {
        if (!await LoadAsync(priorityId, ct))
        {
            return NotFound();
        }
        var outcome = await add.ReachedAsync(priorityId, milestoneId, ct);
        return this.Reply(outcome, m => this.Done($"“{m.Title}” has been reached.", $"/priorities/{priorityId}#milestones"));
    }

    private async Task<IActionResult> HandleAsync<T>(int priorityId, string prefix, Func<Task<Outcome<T>>> save, Func<T, string> notice, string anchor, CancellationToken ct)
    {
        if (!await LoadAsync(priorityId, ct))
        {
            return NotFound();
        }
        var outcome = await save();
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors, prefix);
            return Page();
        }
        return this.Reply(outcome, value => this.Done(notice(value), $"/priorities/{priorityId}#{anchor}"));
    }

    private async Task<bool> LoadAsync(int priorityId, CancellationToken ct)
    {
        if (await read.FindPriorityAsync(priorityId, ct) is not var (_, plan, school))
        {
            return false;
        }
        Plan = (await read.OneAsync(plan.Id, ct))!.Value.Plan;
        Priority = Plan.Priorities.First(p => p.Id == priorityId);
        ViewData["Urn"] = school.Urn;
        CanEdit = await access.CanAsync(Permission.EditPlans, school.Id, ct);
        Choices = await choices.ForSchoolAsync(school, ct);
        ViewData[EvidenceChoices.ViewDataKey] = await evidenceChoices.HandleAsync(ct);
        return true;
    }
}
