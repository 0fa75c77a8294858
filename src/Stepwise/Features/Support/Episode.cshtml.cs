using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Support;

/// <summary>One support episode: who gives and receives, the area and measure, the dates and people; ending it and recording its impact.</summary>
public sealed class EpisodeModel(ReadSupport read, AgreeEpisode agree, Data.AppDbContext db) : PageModel
{
    public EpisodeView View { get; private set; } = null!;

    /// <summary>The impact as the data reads it now (shown before it is recorded).</summary>
    public ImpactRead? Reading { get; private set; }

    [BindProperty]
    public ImpactInput Impact { get; set; } = new(null);

    public async Task<IActionResult> OnGetAsync(int episodeId, CancellationToken ct) => await LoadAsync(episodeId, ct) ?? Page();

    public async Task<IActionResult> OnPostEndAsync(int episodeId, CancellationToken ct) =>
        await LoadAsync(episodeId, ct) ?? this.Reply(await agree.EndAsync(episodeId, ct), _ => this.Done("The episode has ended.", $"/support/episodes/{episodeId}"));

    public async Task<IActionResult> OnPostImpactAsync(int episodeId, CancellationToken ct) =>
        await LoadAsync(episodeId, ct) ?? this.Reply(await agree.RecordImpactAsync(episodeId, Impact, ct), _ => this.Done("The impact has been recorded.", $"/support/episodes/{episodeId}"));

    private async Task<IActionResult?> LoadAsync(int episodeId, CancellationToken ct)
    {
        if (await read.EpisodeAsync(episodeId, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        if (view.Can.RecordImpact)
        {
            Reading = await EpisodeImpact.ReadAsync(db, await db.SupportEpisodes.FindAsync([episodeId], ct) ?? throw new InvalidOperationException(), ct);
        }
        return null;
    }
}
