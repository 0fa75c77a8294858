using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.Enquiries;

public sealed class TeamsIndexModel(ReadTeams read, AccessControl access) : PageModel
{
    public List<ReadTeams.TeamRow> Teams { get; private set; } = [];
    public bool CanForm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Teams = await read.ListAsync(ct);
        CanForm = access.PersonId is not null && await access.SchoolIdsAsync(Permission.FormLearningTeams, ct) is null or { Count: > 0 };
    }
}
