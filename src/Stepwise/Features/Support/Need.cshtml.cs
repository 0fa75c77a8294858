using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Support;

/// <summary>One need: the givers suggested with their reasons and capacity (trust leaders), agreeing an episode, the episodes agreed.</summary>
public sealed class NeedModel(ReadSupport read, SuggestGivers suggest, AgreeEpisode agree, Networks networks, AccessControl access, TimeProvider clock) : PageModel
{
    public NeedRow Need { get; private set; } = null!;
    public Suggestions? Suggested { get; private set; }
    public List<EpisodeRow> Episodes { get; private set; } = [];
    public List<SelectListItem> Givers { get; private set; } = [];
    public List<SelectListItem> NetworkChoices { get; private set; } = [];

    [BindProperty]
    public EpisodeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int needId, int? giver, CancellationToken ct)
    {
        if (await LoadAsync(needId, ct) is { } missing)
        {
            return missing;
        }
        var today = clock.Today();
        Input = new EpisodeInput { Giver = giver ?? Suggested?.Givers.FirstOrDefault()?.GiverUrn, StartsOn = today.AddDays(14), EndsOn = today.AddDays(14 + 42) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int needId, CancellationToken ct) =>
        await LoadAsync(needId, ct) ?? this.Reply(await agree.HandleAsync(Input with { Need = needId }, ct),
            e => this.Done("The support episode has been agreed.", $"/support/episodes/{e.Id}"));

    private async Task<IActionResult?> LoadAsync(int needId, CancellationToken ct)
    {
        if (await read.NeedAsync(needId, ct) is not { } need)
        {
            return NotFound();
        }
        Need = need;
        ViewData["Urn"] = need.SchoolUrn;
        Episodes = await read.EpisodesAsync(null, needId, ct);
        if (await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct))
        {
            Suggested = (await suggest.HandleAsync(needId, ct)).Value;
            Givers = (Suggested?.Givers ?? []).Select(g => new SelectListItem($"{g.GiverName} ({g.CapacityLeft} left this term)", $"{g.GiverUrn}"))
                .Prepend(new SelectListItem("Choose the school that gives", "")).ToList();
            NetworkChoices = (await networks.ChoicesAsync(ct)).Select(n => new SelectListItem(n.Name, $"{n.Id}")).Prepend(new SelectListItem("No network", "")).ToList();
        }
        return null;
    }
}
