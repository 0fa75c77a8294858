using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Visits;

public sealed class EditModel(AccessControl access, SaveGovernorVisit visits) : PageModel
{
    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public GovernorVisit Visit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int visitId, CancellationToken ct)
    {
        var refused = await LoadAsync(visitId, ct);
        if (refused is not null)
        {
            return refused;
        }
        Input = new VisitInput { VisitedOn = Visit.VisitedOn, PriorityId = Visit.PriorityId, Focus = Visit.Focus, Seen = Visit.Seen, Questions = Visit.Questions, Findings = Visit.Findings, FollowUps = Visit.FollowUps };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int visitId, CancellationToken ct)
    {
        var refused = await LoadAsync(visitId, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await visits.UpdateAsync(visitId, Input, ct), v => this.Done("Your visit report has been updated.", $"/visits/{v.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(int visitId, CancellationToken ct)
    {
        var found = await visits.FindAsync(visitId, ct);
        if (found is null)
        {
            return NotFound();
        }
        Visit = found.Value.Visit;
        ViewData["Urn"] = found.Value.School.Urn;
        ViewData["Priorities"] = (await visits.PrioritiesAsync(Visit.SchoolId, ct)).Select(p => new SelectListItem(p.Title, $"{p.Id}"))
            .Prepend(new SelectListItem("None of them", "")).ToList();
        return Visit.PersonId == access.PersonId && await access.CanAsync(Permission.WriteVisitReports, Visit.SchoolId, ct) ? null : Forbid();
    }
}
