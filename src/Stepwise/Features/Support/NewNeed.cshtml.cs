using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.PeerReviews;

namespace Stepwise.Features.Support;

/// <summary>Raise a need: the school, the area of its framework, an optional measure, and what is needed.</summary>
public sealed class NewNeedModel(RaiseNeed raise, ArrangePeerReview frameworks) : PageModel
{
    [BindProperty]
    public NeedInput Input { get; set; } = new();

    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Areas { get; private set; } = [];
    public List<SelectListItem> Metrics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? school, CancellationToken ct)
    {
        Input = new NeedInput { School = school };
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await LoadAsync(ct) ?? this.Reply(await raise.HandleAsync(Input, ct), n => this.Done("The need has been raised.", $"/support/needs/{n.Id}"));

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var schools = await raise.SchoolChoicesAsync(ct);
        if (schools.Count == 0)
        {
            return Forbid();
        }
        Schools = schools.Select(s => new SelectListItem($"{s.Name} ({s.Urn})", $"{s.Urn}")).Prepend(new SelectListItem("Choose a school", "")).ToList();
        var version = await frameworks.FrameworkAsync(null, ct);
        Areas = (version?.Areas ?? []).Select(a => new SelectListItem(a.Name, a.Key)).Prepend(new SelectListItem("Choose an area", "")).ToList();
        Metrics = (await raise.MetricChoicesAsync(ct)).Select(m => new SelectListItem(m.Name, m.Key)).Prepend(new SelectListItem("No measure", "")).ToList();
        return null;
    }
}
