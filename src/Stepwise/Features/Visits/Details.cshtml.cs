using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Visits;

public sealed class DetailsModel(ReadVisits read) : PageModel
{
    public GovernorVisit Visit { get; private set; } = null!;
    public School School { get; private set; } = null!;
    public string Governor { get; private set; } = "";
    public bool IsAuthor { get; private set; }
    public bool CanTurnIntoAction { get; private set; }

    public async Task<IActionResult> OnGetAsync(int visitId, CancellationToken ct)
    {
        if (await read.FindAsync(visitId, ct) is not var (visit, school, view))
        {
            return NotFound();
        }
        (Visit, School, Governor, IsAuthor, CanTurnIntoAction) = (visit, school, view.Governor, view.IsAuthor, view.CanTurnIntoAction);
        ViewData["Urn"] = School.Urn;
        return Page();
    }
}
