using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Enquiries;

public sealed class DriverPageModel(ReadEnquiry read, EditDriverDiagram edit) : PageModel
{
    public EnquiryView View { get; private set; } = null!;

    [BindProperty]
    public DriverNodeInput New { get; set; } = new();

    [BindProperty]
    public DriverNodeInput Node { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int enquiryId, CancellationToken ct) => await LoadAsync(enquiryId, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(int enquiryId, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await edit.AddAsync(enquiryId, New, ct);
        return await ReplyAsync(outcome, "New", enquiryId, n => $"“{n.Text}” is on the diagram.", ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(int enquiryId, int nodeId, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await edit.UpdateAsync(enquiryId, nodeId, Node, ct);
        return await ReplyAsync(outcome, "Node", enquiryId, n => $"“{n.Text}” has been saved.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int enquiryId, int nodeId, bool confirm, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await edit.RemoveAsync(enquiryId, nodeId, confirm, ct);
        return await ReplyAsync(outcome, "Node", enquiryId, n => $"“{n.Text}” is taken off the diagram; it stays in the diagram's history.", ct);
    }

    private async Task<IActionResult> ReplyAsync(Outcome<DriverNode> outcome, string prefix, int enquiryId, Func<DriverNode, string> notice, CancellationToken ct)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return this.Done(notice(outcome.Value!), $"/enquiries/{enquiryId}/driver");
            case OutcomeKind.Invalid:
                ModelState.Clear();
                ModelState.AddOutcomeErrors(outcome.Errors, prefix);
                View = (await read.OneAsync(enquiryId, ct))!;
                return Page();
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(int enquiryId, CancellationToken ct)
    {
        if (await read.OneAsync(enquiryId, ct) is not { } view)
        {
            return NotFound();
        }
        if (!view.Access.Edit)
        {
            return Forbid();
        }
        View = view;
        return null;
    }
}
