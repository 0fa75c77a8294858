using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Plans;

namespace Stepwise.Features.TrustReviews;

/// <summary>One area's row of the form completing a review: its grade and finding, and an optional follow-up for the school's plan.</summary>
public sealed record FindingRow
{
    public string? Area { get; init; }
    public string? Grade { get; init; }
    public string? Finding { get; init; }
    public int? PriorityId { get; init; }
    public string? Title { get; init; }
    public string? Owner { get; init; }
    public DateOnly? DueOn { get; init; }

    public bool IsBlank => Text.Clean(Grade) is null && Text.Clean(Finding) is null && !HasFollowUp;

    public bool HasFollowUp => PriorityId is not null || Text.Clean(Title) is not null || Text.Clean(Owner) is not null || DueOn is not null;
}

/// <summary>The form completing a review: the summary and a row per framework area (areas left blank are not reviewed).</summary>
public sealed record CompleteForm
{
    public string? Summary { get; init; }
    public List<FindingRow>? Areas { get; init; }

    public CompleteReviewInput ToInput() => new()
    {
        Summary = Summary,
        Findings = (Areas ?? []).Where(r => !r.IsBlank).Select(r => new FindingInput
        {
            Area = r.Area, Grade = r.Grade, Finding = r.Finding,
            FollowUp = r.HasFollowUp ? new FollowUpInput { PriorityId = r.PriorityId, Title = r.Title, Owner = r.Owner, DueOn = r.DueOn } : null,
        }).ToList(),
    };
}

/// <summary>One trust review: its findings per area and the follow-ups kept in the school's plan; while planned, the form completing it.</summary>
public sealed class DetailsModel(SchoolReviews reviews, FrameworkCatalogue catalogue, ReadPlans plans) : PageModel
{
    public SchoolReviewView View { get; private set; } = null!;
    public List<(FrameworkArea Area, List<SelectListItem> Grades)> Areas { get; private set; } = [];
    public List<SelectListItem> Priorities { get; private set; } = [];

    [BindProperty]
    public CompleteForm Complete { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int schoolReviewId, CancellationToken ct)
    {
        if (await LoadAsync(schoolReviewId, ct) is { } missing)
        {
            return missing;
        }
        Complete = new CompleteForm { Areas = Areas.Select(a => new FindingRow { Area = a.Area.Key }).ToList() };
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(int schoolReviewId, CancellationToken ct)
    {
        if (await LoadAsync(schoolReviewId, ct) is { } missing)
        {
            return missing;
        }
        var outcome = await reviews.CompleteAsync(schoolReviewId, Complete.ToInput(), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome.Errors, nameof(Complete));
            return Page();
        }
        return this.Reply(outcome, r => this.Done($"The review is complete: {r.Findings.Count} findings and {r.FollowUps.Count} follow-ups in the school's plan.", $"/reviews/{r.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(int schoolReviewId, CancellationToken ct)
    {
        if (await reviews.OneAsync(schoolReviewId, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        ViewData["Urn"] = view.Urn;
        if (!view.CanComplete)
        {
            return null;
        }
        var latest = await catalogue.LoadByKeyAsync(view.FrameworkKey, ct);
        if (latest is not null && await catalogue.LoadAsync(latest.Framework.Id, view.FrameworkVersion, ct) is { } version)
        {
            Areas = version.Areas.Select(a => (a, version.Scale(a.Scale).Select(g => new SelectListItem(g.Name, g.Key)).Prepend(new SelectListItem("Not reviewed", "")).ToList())).ToList();
        }
        Priorities = (await plans.ForSchoolAsync(view.Urn, ct) ?? []).SelectMany(p => p.Priorities.Select(x => new SelectListItem($"{p.Title}: {x.Title}", $"{x.Id}"))).ToList();
        Priorities.Insert(0, new SelectListItem("No follow-up", ""));
        return null;
    }
}
