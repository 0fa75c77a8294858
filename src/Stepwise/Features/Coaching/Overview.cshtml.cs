using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Coaching;

/// <summary>The coaching overview per school the person may arrange coaching at: counts only.</summary>
public sealed class OverviewModel(ReadCoachingOverview read) : PageModel
{
    public ReadCoachingOverview.TrustOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await read.TrustAsync(ct) is not { } overview)
        {
            return NotFound();
        }
        Overview = overview;
        return Page();
    }
}
