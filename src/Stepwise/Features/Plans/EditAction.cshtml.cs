using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Plans;

public sealed class EditActionModel(ReadPlans read, SaveAction save, AccessControl access) : PageModel
{
    public int PriorityId { get; private set; }
    public string PriorityTitle { get; private set; } = "";

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int actionId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, ct) is { } refused)
        {
            return refused;
        }
        var (action, _, _) = (await read.FindActionAsync(actionId, ct))!.Value;
        Input = new ActionInput
        {
            Title = action.Title,
            Owner = action.Owner,
            StartsOn = action.StartsOn,
            DueOn = action.DueOn,
            Status = Codes.Of(action.Status),
            Cost = action.Cost?.ToString("0.00", CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int actionId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await save.UpdateAsync(actionId, Input, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors);
            return Page();
        }
        return this.Reply(outcome, a => this.Done($"Your changes to “{a.Title}” have been saved.", $"/priorities/{PriorityId}#actions"));
    }

    private async Task<IActionResult?> LoadAsync(int actionId, CancellationToken ct)
    {
        if (await read.FindActionAsync(actionId, ct) is not var (_, priority, school))
        {
            return NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Forbid();
        }
        PriorityId = priority.Id;
        PriorityTitle = priority.Title;
        ViewData["Urn"] = school.Urn;
        return null;
    }
}
