using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Plans;

/// <summary>A whole plan: each priority with its goals (and their computed status), actions, milestones and review; comments; adding a priority.</summary>
public sealed class DetailsModel(ReadPlans read, SavePriority savePriority, AddToPlan add, PlanChoices choices, AccessControl access) : PageModel
{
    public PlanView Plan { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public PlanChoices.Choices Choices { get; private set; } = null!;

    [BindProperty]
    public PriorityForm NewPriority { get; set; } = new();

    [BindProperty]
    public CommentInput NewComment { get; set; } = new();

    /// <summary>The priority form: the area as one choice, "framework/area".</summary>
    public sealed record PriorityForm
    {
        public string? Title { get; init; }
        public string? Why { get; init; }
        public string? Lead { get; init; }
        public string? Area { get; init; }
        public int? UnitId { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPriorityAsync(int planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct))
        {
            return NotFound();
        }
        var area = NewPriority.Area?.Split('/', 2);
        var outcome = await savePriority.AddAsync(planId, new PriorityInput
        {
            Title = NewPriority.Title,
            Why = NewPriority.Why,
            Lead = NewPriority.Lead,
            Framework = area?.Length == 2 ? area[0] : null,
            Area = area?.Length == 2 ? area[1] : null,
            UnitId = NewPriority.UnitId,
        }, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors, "NewPriority", new Dictionary<string, string> { ["framework"] = "area" });
            return Page();
        }
        return this.Reply(outcome, p => this.Done($"The priority “{p.Title}” has been added: now give it a goal and actions.", $"/priorities/{p.Id}"));
    }

    public async Task<IActionResult> OnPostCommentAsync(int planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct))
        {
            return NotFound();
        }
        var outcome = await add.CommentAsync(planId, NewComment, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors, "NewComment");
            return Page();
        }
        return this.Reply(outcome, _ => this.Done("Your comment has been added.", $"/plans/{planId}#comments"));
    }

    private async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        if (await read.OneAsync(planId, ct) is not var (plan, school))
        {
            return false;
        }
        Plan = plan;
        ViewData["Urn"] = school.Urn;
        CanEdit = await access.CanAsync(Permission.EditPlans, school.Id, ct);
        Choices = await choices.ForSchoolAsync(school, ct);
        return true;
    }
}
