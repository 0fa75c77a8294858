using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Plans;

/// <summary>The whole plan on one page (and one printed sheet): each priority with its goals' status and its actions in a line.</summary>
public sealed class OnAPageModel(ReadPlans read, TimeProvider clock) : PageModel
{
    public PlanView Plan { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        if (await read.OneAsync(planId, ct) is not var (plan, school))
        {
            return NotFound();
        }
        Plan = plan;
        Today = clock.Today();
        ViewData["Urn"] = school.Urn;
        return Page();
    }
}
