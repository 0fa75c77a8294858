using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Surveys;

public sealed class ResultsModel(ReadSurveyResults read, ReadSurveys surveys) : PageModel
{
    public ReadSurveyResults.Results Results { get; private set; } = null!;
    public string? By { get; private set; }

    /// <summary>The school's URN when the person may turn a result into a "you said, we did" action.</summary>
    public int? ActionUrn { get; private set; }

    public async Task<IActionResult> OnGetAsync(int surveyId, string? by, CancellationToken ct)
    {
        var results = await read.HandleAsync(surveyId, by, ct);
        if (results is null)
        {
            return NotFound();
        }
        Results = results;
        By = results.Breakdown is null ? null : by;
        ActionUrn = await surveys.ActionUrnAsync(results.Survey, ct);
        return Page();
    }
}
