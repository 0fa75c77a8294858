using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Reference;

/// <summary>Where the national figures came from: every import, newest first.</summary>
public sealed class ImportsModel(AppDbContext db) : PageModel
{
    public List<ImportRun> Runs { get; private set; } = [];
    public int Schools { get; private set; }
    public int Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Runs = await db.ImportRuns.OrderByDescending(r => r.Id).Take(200).AsNoTracking().ToListAsync(ct);
        Schools = await db.ReferenceSchools.CountAsync(ct);
        Figures = await db.ReferenceValues.CountAsync(ct);
    }
}
