using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Surveys;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>The trust's minimum group size for survey figures: 5 unless changed, never below 3.</summary>
public sealed class SettingsModel(AppDbContext db, SurveyAccess surveys, TrustScope scope) : PageModel
{
    public sealed class SettingsInput
    {
        public int? MinimumRespondents { get; set; }
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await surveys.CanManageAsync(null, ct))
        {
            return Forbid();
        }
        Input.MinimumRespondents = await MinimumFor(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await surveys.CanManageAsync(null, ct) || scope.TrustId is not int trustId)
        {
            return Forbid();
        }
        if (Input.MinimumRespondents is not int minimum || minimum < SuppressionPolicy.AbsoluteMinimum || minimum > 50)
        {
            ModelState.AddModelError("Input.MinimumRespondents", $"Enter a whole number from {SuppressionPolicy.AbsoluteMinimum} to 50: below {SuppressionPolicy.AbsoluteMinimum}, answers could be traced to a person.");
            return Page();
        }
        // While a survey is open its figures move in whole batches of the minimum (ResponseBatches): a different size
        // midway would give readings a few responses apart, and the difference would single out those answers.
        var open = await db.Surveys.Where(s => s.Status == SurveyStatus.Open).OrderBy(s => s.Title).Select(s => s.Title).ToListAsync(ct);
        if (open.Count > 0 && minimum != await MinimumFor(db, ct))
        {
            ModelState.AddModelError("Input.MinimumRespondents",
                $"Close the open survey{(open.Count == 1 ? "" : "s")} first ({string.Join(", ", open.Take(3))}{(open.Count > 3 ? $" and {open.Count - 3} more" : "")}): while a survey is open its figures move in steps of this size, and changing it midway could single out someone's answers.");
            return Page();
        }
        var settings = await db.SurveySettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            db.SurveySettings.Add(new SurveySettings { TrustId = trustId, MinimumRespondents = minimum });
        }
        else
        {
            settings.MinimumRespondents = minimum;
        }
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"Survey figures now need at least {minimum} respondents.";
        return Redirect("/surveys");
    }

    /// <summary>The acting trust's minimum (the query filter picks the trust).</summary>
    public static async Task<int> MinimumFor(AppDbContext db, CancellationToken ct) =>
        await db.SurveySettings.Select(s => (int?)s.MinimumRespondents).FirstOrDefaultAsync(ct) ?? 5;
}
