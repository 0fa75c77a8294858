using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Schools;

/// <summary>What the create and edit pages share: the form's fields.</summary>
public abstract class SchoolFormModel : PageModel
{
    [BindProperty]
    public SchoolInput Input { get; set; } = new();
}
