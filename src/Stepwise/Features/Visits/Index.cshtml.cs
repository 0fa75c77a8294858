using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Visits;

public sealed class IndexModel(AppDbContext db, AccessControl access) : PageModel
{
    public sealed record Row(int Id, DateOnly VisitedOn, string Focus, string Governor);

    public School School { get; private set; } = null!;
    public List<Row> Visits { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return NotFound();
        }
        School = school;
        CanWrite = await access.CanAsync(Permission.WriteVisitReports, school.Id, ct);
        var canRead = await access.CanAsync(Permission.ViewVisitReports, school.Id, ct);
        if (!canRead && !CanWrite)
        {
            return Forbid();
        }
        var me = access.PersonId;
        Visits = await db.GovernorVisits.Where(v => v.SchoolId == school.Id && (canRead || v.PersonId == me))
            .OrderByDescending(v => v.VisitedOn)
            .Select(v => new Row(v.Id, v.VisitedOn, v.Focus, db.Users.Where(p => p.Id == v.PersonId).Select(p => p.DisplayName).First()))
            .ToListAsync(ct);
        ViewData["Urn"] = urn;
        return Page();
    }
}
