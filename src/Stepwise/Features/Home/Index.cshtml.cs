using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Home;

public sealed class IndexModel(ListSchools listSchools, AppDbContext db, TrustScope scope) : PageModel
{
    public string TrustName { get; private set; } = "";
    public List<SchoolSummary> Schools { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        TrustName = await db.Trusts.Where(t => t.Id == scope.TrustId).Select(t => t.Name).FirstAsync(ct);
        Schools = await listSchools.HandleAsync(includeArchived: false, ct);
    }
}
