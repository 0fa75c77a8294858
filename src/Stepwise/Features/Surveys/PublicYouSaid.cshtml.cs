using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Surveys;

/// <summary>The public "you said, we did" page of a school: published entries only, nothing else about the school.</summary>
[AllowAnonymous]
public sealed class PublicYouSaidModel(ReadYouSaidWeDid read) : PageModel
{
    public string SchoolName { get; private set; } = "";
    public string TrustName { get; private set; } = "";
    public List<ReadYouSaidWeDid.PublicEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (await read.PublicAsync(urn, ct) is not { } page)
        {
            return NotFound();
        }
        (SchoolName, TrustName, Entries) = (page.School, page.Trust, page.Entries);
        return Page();
    }
}
