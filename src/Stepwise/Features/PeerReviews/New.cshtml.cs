using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.PeerReviews;

/// <summary>Arrange a peer review: host school, dates, framework and focus areas, the team and its lead.</summary>
public sealed class NewModel(ArrangePeerReview arrange, AccessControl access, FrameworkCatalogue catalogue, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ArrangeInput Input { get; set; } = new();

    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Frameworks { get; private set; } = [];
    public LoadedVersion? Version { get; private set; }
    public List<ReviewerChoice> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? framework, int? school, CancellationToken ct)
    {
        var today = clock.Today();
        Input = new ArrangeInput { Framework = framework, School = school, StartsOn = today.AddDays(28), EndsOn = today.AddDays(29) };
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        return this.Reply(await arrange.HandleAsync(Input, ct), r => this.Done("The peer review has been arranged.", $"/peer-reviews/{r.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ArrangePeerReviews, ct))
        {
            return Forbid();
        }
        Schools = (await arrange.HostChoicesAsync(ct)).Select(s => new SelectListItem($"{s.Name} ({s.Urn})", $"{s.Urn}")).ToList();
        Schools.Insert(0, new SelectListItem("Choose a school", ""));
        Frameworks = (await catalogue.ListAsync(FrameworkLevel.School, ct)).Select(f => new SelectListItem($"{f.Name} (version {f.LatestVersion})", f.Key)).ToList();
        Version = await arrange.FrameworkAsync(Input.Framework, ct);
        Input = Input with { Framework = Version?.Framework.Key ?? Input.Framework };
        People = await arrange.CandidatesAsync(null, ct);
        return null;
    }
}
