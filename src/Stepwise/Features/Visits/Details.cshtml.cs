using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Visits;

public sealed class DetailsModel(AppDbContext db, AccessControl access, SaveGovernorVisit visits) : PageModel
{
    public GovernorVisit Visit { get; private set; } = null!;
    public School School { get; private set; } = null!;
    public string Governor { get; private set; } = "";
    public bool IsAuthor { get; private set; }
    public bool CanTurnIntoAction { get; private set; }

    public async Task<IActionResult> OnGetAsync(int visitId, CancellationToken ct)
    {
        var found = await visits.FindAsync(visitId, ct);
        if (found is null)
        {
            return NotFound();
        }
        (Visit, School) = found.Value;
        Governor = await db.Users.Where(p => p.Id == Visit.PersonId).Select(p => p.DisplayName).FirstAsync(ct);
        IsAuthor = Visit.PersonId == access.PersonId && await access.CanAsync(Permission.WriteVisitReports, School.Id, ct);
        CanTurnIntoAction = await access.CanAsync(Permission.ManageSurveys, School.Id, ct);
        ViewData["Urn"] = School.Urn;
        return Page();
    }
}
