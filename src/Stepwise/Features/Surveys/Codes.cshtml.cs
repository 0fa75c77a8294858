using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;

namespace Stepwise.Features.Surveys;

public sealed class CodesModel(SurveyAccess surveys, ReadSurveys read, IssueCodes issue) : PageModel
{
    public sealed class SheetInput
    {
        public string? Group { get; set; }
        public int? Count { get; set; } = 30;
        public string? School { get; set; }
    }

    [BindProperty]
    public SheetInput Input { get; set; } = new();

    public Survey Survey { get; private set; } = null!;
    public List<SelectListItem> Schools { get; private set; } = [];
    public IssueCodes.Sheet? Sheet { get; private set; }

    public string Link => $"{Request.Scheme}://{Request.Host}/s/{Survey.LinkToken}";

    public async Task<IActionResult> OnGetAsync(int surveyId, CancellationToken ct) =>
        await LoadAsync(surveyId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int surveyId, CancellationToken ct)
    {
        if (!await LoadAsync(surveyId, ct))
        {
            return NotFound();
        }
        // The sheet is the reply itself (not a redirect): the codes exist in plain only on this page.
        return this.Reply(await issue.HandleAsync(surveyId, Input.Group, Input.Count, Input.School, ct), sheet =>
        {
            Sheet = sheet;
            Response.Headers.CacheControl = "no-store";
            return Page();
        });
    }

    private async Task<bool> LoadAsync(int surveyId, CancellationToken ct)
    {
        var survey = await surveys.FindToManageAsync(surveyId, ct);
        if (survey is null)
        {
            return false;
        }
        Survey = survey;
        if (survey.SchoolId is null)
        {
            Schools = (await read.OpenSchoolsAsync(ct)).Select(s => new SelectListItem(s.Name, s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        }
        return true;
    }
}
