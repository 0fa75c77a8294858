using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Surveys;

/// <summary>The trust's minimum group size for survey figures: 5 unless changed, never below 3.</summary>
public sealed class SettingsModel(SurveyMinimum minimum) : PageModel
{
    [BindProperty]
    public SurveyMinimum.MinimumInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await minimum.ReadAsync(ct) is not { } current)
        {
            return Forbid();
        }
        Input.MinimumRespondents = current.MinimumRespondents;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.Reply(await minimum.SaveAsync(Input, ct), saved => this.Done($"Survey figures now need at least {saved.MinimumRespondents} respondents.", "/surveys"));
}
