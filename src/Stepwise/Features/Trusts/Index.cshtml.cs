using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Trusts;

public sealed class IndexModel(TrustDetails details) : PageModel
{
    public TrustSummary Trust { get; private set; } = null!;

    [BindProperty]
    public TrustInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Trust = await details.GetAsync(ct);
        Input = new TrustInput { Name = Trust.Name, CompanyNumber = Trust.CompanyNumber };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Trust = await details.GetAsync(ct);
        return this.Reply(await details.UpdateAsync(Input, ct), _ => this.Done("The trust's details have been saved.", "/trust"));
    }
}
