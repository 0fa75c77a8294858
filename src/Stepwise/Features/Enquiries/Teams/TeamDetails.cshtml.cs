using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Enquiries;

/// <summary>A learning team: its units, members and enquiries; its members and the leaders of its units add and take off members and units here.</summary>
public sealed class TeamDetailsModel(ReadTeams read, SaveTeam save, ReadEnquiry enquiries) : PageModel
{
    [BindProperty]
    public TeamMemberInput Member { get; set; } = new();

    [BindProperty]
    public TeamUnitInput Unit { get; set; } = new();

    public ReadTeams.TeamView Team { get; private set; } = null!;
    public List<ReadTeams.PersonChoice> PeopleToAdd { get; private set; } = [];
    public List<ReadTeams.UnitChoice> UnitsToAdd { get; private set; } = [];
    public List<EnquirySummary> Enquiries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int teamId, CancellationToken ct) => await LoadAsync(teamId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddMemberAsync(int teamId, CancellationToken ct) =>
        ChangeAsync(teamId, "Member", save.AddMemberAsync(teamId, Member, ct), "The member has been added.", ct);

    public Task<IActionResult> OnPostRemoveMemberAsync(int teamId, int personId, CancellationToken ct) =>
        ChangeAsync(teamId, "Member", save.RemoveMemberAsync(teamId, personId, ct), "The member has been taken off the team.", ct);

    public Task<IActionResult> OnPostAddUnitAsync(int teamId, CancellationToken ct) =>
        ChangeAsync(teamId, "Unit", save.AddUnitAsync(teamId, Unit, ct), "The unit has been added.", ct);

    public Task<IActionResult> OnPostRemoveUnitAsync(int teamId, int unitId, CancellationToken ct) =>
        ChangeAsync(teamId, "Unit", save.RemoveUnitAsync(teamId, unitId, ct), "The unit has been taken off the team.", ct);

    private async Task<IActionResult> ChangeAsync(int teamId, string prefix, Task<Outcome<LearningTeam>> change, string notice, CancellationToken ct)
    {
        var outcome = await change;
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return this.Done(notice, $"/teams/{teamId}");
            case OutcomeKind.Invalid:
                ModelState.AddOutcomeErrors(outcome.Errors, prefix);
                return await LoadAsync(teamId, ct) ? Page() : NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int teamId, CancellationToken ct)
    {
        if (await read.OneAsync(teamId, ct) is not { } team)
        {
            return false;
        }
        Team = team;
        Enquiries = await enquiries.ListAsync(null, teamId, ct);
        if (team.CanEdit)
        {
            var members = team.Members?.Select(m => m.PersonId).ToHashSet() ?? [];
            PeopleToAdd = (await read.PeopleChoicesAsync(ct)).Where(p => !members.Contains(p.PersonId)).ToList();
            var units = team.Units.Select(u => u.UnitId).ToHashSet();
            UnitsToAdd = (await read.UnitChoicesAsync(ct)).Where(u => !units.Contains(u.UnitId)).ToList();
        }
        if (team.Schools.Count == 1)
        {
            ViewData["Urn"] = team.Schools[0].Urn;
        }
        return true;
    }
}
