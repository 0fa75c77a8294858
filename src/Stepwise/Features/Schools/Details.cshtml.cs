using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Schools;

public sealed class DetailsModel(GetSchoolProfile getProfile) : PageModel
{
    public GetSchoolProfile.Result Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var profile = await getProfile.HandleAsync(urn, ct);
        if (profile is null)
        {
            return NotFound();
        }
        Profile = profile;
        ViewData["Urn"] = urn;
        return Page();
    }
}
