using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Enquiries;

public sealed class TeamCreateModel(SaveTeam save, ReadTeams read, AccessControl access) : PageModel
{
    [BindProperty]
    public TeamInput Input { get; set; } = new();

    public List<ReadTeams.UnitChoice> Units { get; private set; } = [];
    public List<ReadTeams.PersonChoice> People { get; private set; } = [];
    public bool MayNameImprovementTeam { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await save.CreateAsync(Input, ct), t => this.Done($"The learning team \"{t.Name}\" has been formed.", $"/teams/{t.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Units = await read.UnitChoicesAsync(ct);
        if (access.PersonId is not int me || Units.Count == 0)
        {
            return Forbid();
        }
        People = (await read.PeopleChoicesAsync(ct)).Where(p => p.PersonId != me).ToList();
        MayNameImprovementTeam = await access.SchoolIdsAsync(Permission.EditPlans, ct) is null or { Count: > 0 };
        return null;
    }
}
