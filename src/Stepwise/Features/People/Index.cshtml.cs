using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.People;

public sealed class IndexModel(PeopleQueries people, AccessControl access) : PageModel
{
    public List<PersonSummary> People { get; private set; } = [];
    public bool IncludeArchived { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool archived, CancellationToken ct)
    {
        if (await access.SchoolIdsAsync(Permission.ManagePeople, ct) is { Count: 0 })
        {
            return Forbid();
        }
        IncludeArchived = archived;
        People = await people.ListAsync(archived, ct);
        return Page();
    }
}
