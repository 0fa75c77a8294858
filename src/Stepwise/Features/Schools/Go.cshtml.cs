using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Schools;

/// <summary>The header's school switcher: works without JavaScript.</summary>
public sealed class GoModel : PageModel
{
    public IActionResult OnGet(string? urn) =>
        Urns.TryParse(urn, out var value) ? Redirect($"/schools/{value}") : Redirect("/schools");
}
