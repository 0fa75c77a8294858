using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.TrustReviews;

/// <summary>One trust review: its findings per area and the follow-ups kept in the school's plan.</summary>
public sealed class DetailsModel(SchoolReviews reviews) : PageModel
{
    public SchoolReviewView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int schoolReviewId, CancellationToken ct)
    {
        if (await reviews.OneAsync(schoolReviewId, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
