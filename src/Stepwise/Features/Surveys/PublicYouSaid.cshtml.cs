using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>The public "you said, we did" page of a school: published entries only, nothing else about the school.</summary>
[AllowAnonymous]
public sealed class PublicYouSaidModel(AppDbContext db) : PageModel
{
    public sealed record Entry(string YouSaid, string WeDid, DateOnly ActionOn);

    public string SchoolName { get; private set; } = "";
    public List<Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        // Public: read across trusts by URN, and only what the school chose to publish.
        var school = await db.Schools.IgnoreQueryFilters().Where(s => s.Urn == urn && s.ArchivedAt == null).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (school is null)
        {
            return NotFound();
        }
        SchoolName = school.Name;
        Entries = await db.YouSaidWeDid.IgnoreQueryFilters().Where(e => e.SchoolId == school.Id && e.Published)
            .OrderByDescending(e => e.ActionOn).Select(e => new Entry(e.YouSaid, e.WeDid, e.ActionOn)).ToListAsync(ct);
        return Page();
    }
}
