using Microsoft.AspNetCore.Mvc;
using Stepwise.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.SharedLanguage;

/// <summary>An improvement model, the trust's (<c>/improvement-model</c>) or a school's (<c>/schools/{urn}/improvement-model</c>), with its history; <c>?version=N</c> reads an earlier one.</summary>
public sealed class ImprovementModelViewModel(ReadImprovementModel read) : PageModel
{
    public ReadImprovementModel.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? urn, int? version, CancellationToken ct)
    {
        if (await read.HandleAsync(urn, version, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}

/// <summary>Reviews an improvement model: the next version, prefilled from the current one, with the next review date.</summary>
public sealed class ImprovementModelReviewModel(ReadImprovementModel read, ReviewImprovementModel review) : PageModel
{
    public ReadImprovementModel.View View { get; private set; } = null!;

    [BindProperty]
    public ReviewImprovementModel.Input Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } refused)
        {
            return refused;
        }
        Input = View.Model is { } current ? ReviewImprovementModel.Input.From(current) with { ReviewOn = null } : new();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } refused)
        {
            return refused;
        }
        return this.Reply(await review.HandleAsync(urn, Input, ct), m => this.Done(
            m.Number == 1 ? "The improvement model is written: version 1." : $"The improvement model is reviewed: version {m.Number}.", View.Path));
    }

    private async Task<IActionResult?> LoadAsync(int? urn, CancellationToken ct)
    {
        if (await read.HandleAsync(urn, null, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return view.CanReview ? null : Forbid();
    }
}
