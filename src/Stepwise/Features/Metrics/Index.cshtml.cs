using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Metrics;

public sealed class IndexModel(ReadSchoolMetrics read) : PageModel
{
    public ReadSchoolMetrics.Overview View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, string? group, CancellationToken ct)
    {
        var view = await read.ForSchoolAsync(urn, group, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
