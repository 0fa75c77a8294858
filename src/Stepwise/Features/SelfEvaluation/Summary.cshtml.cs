using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>The self-evaluation as a document to print or save as PDF: each area's grades, strengths, areas for development and evidence.</summary>
public sealed class SummaryModel(ReadSelfEvaluation read, TimeProvider clock) : PageModel
{
    public SelfEvaluationView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, int? unit, string? framework, CancellationToken ct)
    {
        var view = await read.HandleAsync(urn, unit, framework, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Today = clock.Today();
        ViewData["Urn"] = urn;
        return Page();
    }
}
