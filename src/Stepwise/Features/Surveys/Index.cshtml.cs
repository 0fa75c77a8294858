using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Surveys;

public sealed class IndexModel(ReadSurveys read) : PageModel
{
    public List<ReadSurveys.SurveyRow> Rows { get; private set; } = [];
    public bool CanBuild { get; private set; }
    public bool CanSetMinimum { get; private set; }

    /// <summary>Schools whose governor visits or "you said, we did" the person may open.</summary>
    public List<ReadSurveys.SchoolLinks> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await read.ListAsync(ct) is not { } list)
        {
            return Forbid();
        }
        (Rows, CanBuild, CanSetMinimum, Schools) = (list.Surveys, list.CanBuild, list.CanSetMinimum, list.Schools);
        return Page();
    }
}
