using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Surveys;

[AllowAnonymous]
public sealed class ThanksModel(SubmitResponse submit) : PageModel
{
    public string Title { get; private set; } = "";

    /// <summary>A survey answered with codes: the page reads the same whether or not the code had been used (ADR 0072).</summary>
    public bool Coded { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var open = await submit.FindAsync(token, ct);
        if (open is null)
        {
            return NotFound();
        }
        Title = open.Survey.Title;
        Coded = open.Survey.Distribution == Distribution.OneTimeCodes;
        return Page();
    }
}
