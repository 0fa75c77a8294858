using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Schools;

/// <summary>The school's home page: the school at a glance (shared with its API), then its context, units and staff.</summary>
public sealed class DetailsModel(ReadSchoolAtAGlance readGlance, GetSchoolProfile getProfile) : PageModel
{
    public ReadSchoolAtAGlance.Glance Glance { get; private set; } = null!;

    public GetSchoolProfile.Result Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var glance = await readGlance.HandleAsync(urn, ct);
        var profile = glance is null ? null : await getProfile.HandleAsync(urn, ct);
        if (glance is null || profile is null)
        {
            return NotFound();
        }
        (Glance, Profile) = (glance, profile);
        ViewData["Urn"] = urn;
        return Page();
    }
}
