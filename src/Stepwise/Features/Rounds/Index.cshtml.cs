using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.Rounds;

public sealed class RoundsIndexModel(ReadRound read, AccessControl access) : PageModel
{
    public List<ReadRound.RoundRow> Rounds { get; private set; } = [];
    public bool CanPlan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await read.ListAsync(null, ct);
        CanPlan = access.PersonId is not null && await access.SchoolIdsAsync(Permission.LeadRounds, ct) is null or { Count: > 0 };
    }
}
