using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Benchmarking;

/// <summary>The trust overview: every school the person may see, its key measures, signals and positions; sorted on the server.</summary>
public sealed class OverviewModel(TrustOverview overview) : PageModel
{
    public OverviewView View { get; private set; } = null!;

    public async Task OnGetAsync(string? sort, string? dir, CancellationToken ct) =>
        View = await overview.HandleAsync(sort, dir switch { "asc" => false, "desc" => true, _ => null }, ct);

    /// <summary>The link a column heading sorts by: the other direction when it is already sorted by this column.</summary>
    public string SortLink(string key)
    {
        var measure = key is "headline" or "absence" or "persistent" or "risk" or "tier";
        var descending = View.Sort == key ? !View.Descending : measure;
        return $"/trust/overview?sort={key}&dir={(descending ? "desc" : "asc")}";
    }

    public string AriaSort(string key) => View.Sort != key ? "none" : View.Descending ? "descending" : "ascending";
}
