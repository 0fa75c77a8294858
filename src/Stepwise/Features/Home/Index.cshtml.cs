using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Home;

/// <summary>The trust's schools as cards: context, the whole school's stage, and how many plan actions are overdue.</summary>
public sealed class IndexModel(ReadHome read) : PageModel
{
    public string TrustName { get; private set; } = "";
    public List<SchoolSummary> Schools { get; private set; } = [];
    public Dictionary<int, ReadHome.Progress> BySchool { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        (TrustName, Schools, BySchool) = await read.HandleAsync(ct);
}
