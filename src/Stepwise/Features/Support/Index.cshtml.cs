using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.Support;

/// <summary>Support between schools: what each school gives and receives (the one balance read), the open needs and the episodes.</summary>
public sealed class IndexModel(ReadSupport read, AccessControl access) : PageModel
{
    public List<BalanceRow> Balance { get; private set; } = [];
    public List<NeedRow> Needs { get; private set; } = [];
    public List<EpisodeRow> Episodes { get; private set; } = [];
    public bool CanBroker { get; private set; }
    public bool CanRaise { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CanBroker = await access.CanAcrossTrustAsync(Permission.BrokerSupport, ct);
        CanRaise = CanBroker || (await access.SchoolIdsAsync(Permission.RaiseSupportNeeds, ct)) is not { Count: 0 };
        if (!CanRaise)
        {
            return Forbid();
        }
        Balance = await read.BalanceAsync(ct);
        Needs = await read.NeedsAsync(null, "open", ct);
        Episodes = await read.EpisodesAsync(null, null, ct);
        return Page();
    }

    public static string StatusName(string status) => status switch
    {
        "agreed" => "Agreed",
        "ended" => "Ended",
        "cancelled" => "Cancelled",
        "open" => "Open",
        "met" => "Met",
        _ => "Withdrawn",
    };

    public static string ImpactName(string? impact) => impact switch
    {
        "improvement" => "Improvement",
        "no-signal" => "No signal",
        "concern" => "Concern",
        "no-data" => "No data",
        _ => "Not recorded yet",
    };
}
