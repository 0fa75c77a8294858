using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;

namespace Stepwise.Features.PeerReviews;

/// <summary>One review: the host proposes the area of excellence, the team records estimates and findings, the lead completes it.</summary>
public sealed class DetailsModel(ReadPeerReviews read, ConductPeerReview conduct) : PageModel
{
    public PeerReviewView Review { get; private set; } = null!;
    public List<SelectListItem> Points { get; private set; } = [];

    [BindProperty]
    public ExcellenceInput Excellence { get; set; } = new();

    [BindProperty]
    public FindingsInput Findings { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(reviewId, ct) is { } missing)
        {
            return missing;
        }
        Excellence = new ExcellenceInput { AreaOfExcellence = Review.AreaOfExcellence };
        Findings = new FindingsInput
        {
            Areas = Review.Areas.Select(a => new EstimateInput { Area = a.Key, Estimate = a.Estimate, Rationale = a.Rationale }).ToList(),
            AreaOfExcellenceFinding = Review.AreaOfExcellenceFinding,
            Strengths = Review.Strengths,
            NextSteps = Review.NextSteps,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostExcellenceAsync(int reviewId, CancellationToken ct) =>
        await LoadAsync(reviewId, ct) ?? await ReplyAsync(reviewId, await conduct.ProposeExcellenceAsync(reviewId, Excellence, ct), "Excellence",
            "The area of excellence has been proposed.", ct);

    public async Task<IActionResult> OnPostFindingsAsync(int reviewId, CancellationToken ct) =>
        await LoadAsync(reviewId, ct) ?? await ReplyAsync(reviewId, await conduct.RecordFindingsAsync(reviewId, Findings, ct), "Findings",
            "The review's findings have been saved.", ct);

    public async Task<IActionResult> OnPostCompleteAsync(int reviewId, CancellationToken ct) =>
        await LoadAsync(reviewId, ct) ?? await ReplyAsync(reviewId, await conduct.CompleteAsync(reviewId, ct), "Findings",
            "The review is complete: its estimates now stand beside the school's self-evaluation.", ct);

    private async Task<IActionResult> ReplyAsync(int reviewId, Outcome<PeerReview> outcome, string prefix, string notice, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome.Errors, prefix);
            Findings = Findings with { Areas = Review.Areas.Select(a => Findings.Areas?.FirstOrDefault(f => f.Area == a.Key) ?? new EstimateInput { Area = a.Key, Estimate = a.Estimate, Rationale = a.Rationale }).ToList() };
            return Page();
        }
        return this.Reply(outcome, _ => this.Done(notice, $"/peer-reviews/{reviewId}"));
    }

    private async Task<IActionResult?> LoadAsync(int reviewId, CancellationToken ct)
    {
        var review = await read.OneAsync(reviewId, ct);
        if (review is null)
        {
            return NotFound();
        }
        Review = review;
        ViewData["Urn"] = review.SchoolUrn;
        Points = review.Scale.Points.Select(p => new SelectListItem(p.Name, p.Key)).Prepend(new SelectListItem("Not estimated yet", "")).ToList();
        return null;
    }
}
