using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Schools;

public sealed class CreateModel(SaveSchool saveSchool, AccessControl access) : SchoolFormModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await access.CanAcrossTrustAsync(Permission.CreateSchool, ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await saveSchool.CreateAsync(Input, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"{outcome.Value!.Name} has been added.";
                return Redirect($"/schools/{outcome.Value.Urn}");
            case OutcomeKind.Invalid:
                ModelState.AddOutcomeErrors(outcome.Errors);
                return Page();
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
