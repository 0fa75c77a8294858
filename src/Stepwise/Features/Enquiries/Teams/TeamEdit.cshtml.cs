using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Enquiries;

public sealed class TeamEditModel(ReadTeams read, SaveTeam save, AccessControl access) : PageModel
{
    [BindProperty]
    public TeamDetailsInput Input { get; set; } = new();

    public ReadTeams.TeamView Team { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int teamId, CancellationToken ct)
    {
        if (await LoadAsync(teamId, ct) is { } refused)
        {
            return refused;
        }
        Input = new TeamDetailsInput { Name = Team.Name, Purpose = Team.Purpose, IsImprovementTeam = Team.IsImprovementTeam };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int teamId, CancellationToken ct)
    {
        if (await LoadAsync(teamId, ct) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await save.UpdateAsync(teamId, Input, ct), t => this.Done("The team has been updated.", $"/teams/{t.Id}"));
    }

    public async Task<IActionResult> OnPostArchiveAsync(int teamId, CancellationToken ct)
    {
        if (await LoadAsync(teamId, ct) is { } refused)
        {
            return refused;
        }
        return this.Reply(await save.ArchiveAsync(teamId, archive: true, ct), t => this.Done($"\"{t.Name}\" has been archived.", "/teams"));
    }

    private async Task<IActionResult?> LoadAsync(int teamId, CancellationToken ct)
    {
        if (await read.OneAsync(teamId, ct) is not { } team)
        {
            return NotFound();
        }
        Team = team;
        if (!team.CanEdit)
        {
            return Forbid();
        }
        ViewData["MayNameImprovementTeam"] = team.Schools.Count == 1 && await access.FindSchoolAsync(team.Schools[0].Urn, ct) is { } school
            && await access.CanAsync(Permission.EditPlans, school.Id, ct);
        return null;
    }
}
