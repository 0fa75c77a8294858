using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Visits;

public sealed class CreateModel(AccessControl access, SaveGovernorVisit save, TimeProvider clock) : PageModel
{
    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public School School { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var result = await LoadAsync(urn, ct);
        Input.VisitedOn = clock.Today();
        return result ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var result = await LoadAsync(urn, ct);
        if (result is not null)
        {
            return result;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await save.CreateAsync(urn, Input, ct), v => this.Done("Your visit report has been saved.", $"/visits/{v.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        School = school;
        ViewData["Urn"] = urn;
        ViewData["Priorities"] = (await save.PrioritiesAsync(school.Id, ct)).Select(p => new SelectListItem(p.Title, $"{p.Id}"))
            .Prepend(new SelectListItem("None of them", "")).ToList();
        return await access.CanAsync(Permission.WriteVisitReports, school.Id, ct) ? null : Forbid();
    }
}
