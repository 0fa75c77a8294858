using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Rounds;

public sealed class SchoolRoundsModel(ReadRound read) : PageModel
{
    public ReadRound.AcrossView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (await read.AcrossAsync(urn, null, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
