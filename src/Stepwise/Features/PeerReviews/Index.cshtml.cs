using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.PeerReviews;

/// <summary>The peer reviews the person may see, latest first.</summary>
public sealed class IndexModel(ReadPeerReviews read, AccessControl access) : PageModel
{
    public List<PeerReviewRow> Reviews { get; private set; } = [];
    public bool CanArrange { get; private set; }

    public async Task OnGetAsync(int? school, CancellationToken ct)
    {
        Reviews = await read.ListAsync(school, ct);
        CanArrange = await access.CanAcrossTrustAsync(Permission.ArrangePeerReviews, ct);
    }

    public static string StatusName(string status) => status == "completed" ? "Completed" : "Planned";
}
