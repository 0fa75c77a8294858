using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.Coaching;

/// <summary>My coaching: the pairs I am in, as teacher or coach; leaders also find the overview from here.</summary>
public sealed class IndexModel(ReadCoachingPair read, AccessControl access) : PageModel
{
    public List<ReadCoachingPair.PairRow> Pairs { get; private set; } = [];
    public bool MayArrange { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pairs = await read.MineAsync(ct);
        MayArrange = await access.SchoolIdsAsync(Permission.ArrangeCoaching, ct) is null or { Count: > 0 };
    }
}
