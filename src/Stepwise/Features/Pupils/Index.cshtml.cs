using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Pupils;

public sealed class IndexModel(ListPupils listPupils) : PageModel
{
    public ListPupils.Result Pupils { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, int? year, int? page, CancellationToken ct)
    {
        ViewData["Urn"] = urn;
        return this.Reply(await listPupils.HandleAsync(urn, year, page ?? 1, ct), pupils =>
        {
            Pupils = pupils;
            return Page();
        });
    }
}
