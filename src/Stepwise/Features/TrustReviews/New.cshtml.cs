using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.TrustReviews;

/// <summary>Arrange a trust review of a school: the school, the date, the reviewers, the focus and the framework (school-level frameworks).</summary>
public sealed class NewModel(SchoolReviews reviews, ReadReviewCalendar calendar, AccessControl access, FrameworkCatalogue catalogue, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ArrangeReviewInput Input { get; set; } = new();

    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Frameworks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? school, CancellationToken ct)
    {
        Input = new ArrangeReviewInput { School = school, ReviewOn = clock.Today().AddDays(28) };
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await LoadAsync(ct) ?? this.Reply(await reviews.ArrangeAsync(Input, ct), r => this.Done($"The review of {r.SchoolName} on {Shared.Display.Date(r.ReviewOn)} has been arranged.", $"/reviews/{r.Id}"));

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ReviewSchools, ct))
        {
            return Forbid();
        }
        Schools = (await calendar.ListAsync(ct)).OrderBy(s => s.SchoolName).Select(s => new SelectListItem($"{s.SchoolName} ({s.Urn})", $"{s.Urn}")).ToList();
        Schools.Insert(0, new SelectListItem("Choose a school", ""));
        var frameworks = await catalogue.ListAsync(FrameworkLevel.School, ct);
        Frameworks = frameworks.Select(f => new SelectListItem($"{f.Name} (version {f.LatestVersion})", f.Key)).ToList();
        if (Input.Framework is null && (await reviews.FrameworkAsync(null, ct))?.Framework.Key is string key && frameworks.Any(f => f.Key == key))
        {
            Input = Input with { Framework = key };
        }
        return null;
    }
}
