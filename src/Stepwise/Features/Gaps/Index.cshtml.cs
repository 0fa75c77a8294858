using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Gaps;

public sealed class IndexModel(ReadSchoolGaps read) : PageModel
{
    public ReadSchoolGaps.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, int? unit, CancellationToken ct)
    {
        var view = await read.HandleAsync(urn, unit, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
