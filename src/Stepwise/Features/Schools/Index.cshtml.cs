using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.Schools;

public sealed class IndexModel(ListSchools listSchools, AccessControl access) : PageModel
{
    public List<SchoolSummary> Schools { get; private set; } = [];
    public bool IncludeArchived { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(bool archived, CancellationToken ct)
    {
        IncludeArchived = archived;
        Schools = await listSchools.HandleAsync(archived, ct);
        CanCreate = await access.CanAcrossTrustAsync(Permission.CreateSchool, ct);
    }
}
