using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.People;

namespace Stepwise.Features.Enquiries;

/// <summary>What a learning team is called, what it is for, and whether it is its school's improvement team.</summary>
public class TeamDetailsInput
{
    public string? Name { get; set; }
    public string? Purpose { get; set; }
    public bool IsImprovementTeam { get; set; }
}

/// <summary>A new learning team: its details, the units it works on and its members (by email address) beside the person forming it.</summary>
public sealed class TeamInput : TeamDetailsInput
{
    public List<int> UnitIds { get; set; } = [];
    public List<string> Members { get; set; } = [];

    /// <summary>The network the team belongs to, by id (optional).</summary>
    public int? NetworkId { get; set; }
}

public sealed class TeamMemberInput
{
    public string? Email { get; set; }
}

public sealed class TeamUnitInput
{
    public int? UnitId { get; set; }
}

/// <summary>
/// Forms a learning team and changes it: its details, its members and its units, and archives it. Forming needs the
/// right to form teams at every school of its units (the person forming it leads it); changing it needs
/// <see cref="TeamAccess.Edit"/>; naming a school's improvement team needs a leader of that school (one who may change
/// its plans). The same use cases answer the pages and the API.
/// </summary>
public sealed class SaveTeam(AppDbContext db, AccessControl access, EnquiryAccess enquiries, TimeProvider clock)
{
    public async Task<Outcome<LearningTeam>> CreateAsync(TeamInput input, CancellationToken ct)
    {
        if (access.PersonId is not int me || await access.SchoolIdsAsync(Permission.FormLearningTeams, ct) is { Count: 0 })
        {
            return Outcome<LearningTeam>.Forbidden();
        }
        var problems = new Problems();
        await CheckDetailsAsync(input, null, problems, ct);
        var units = new List<(int UnitId, int SchoolId)>();
        foreach (var unitId in input.UnitIds.Distinct())
        {
            if (await FormableUnitAsync(unitId, "unitIds", problems, ct) is { } unit)
            {
                units.Add(unit);
            }
        }
        if (input.UnitIds.Count == 0)
        {
            problems.Add("unitIds", "Choose at least one unit the team works on.");
        }
        var members = new List<int>();
        foreach (var email in input.Members.Select(Text.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await PersonAsync(email, "members", problems, ct) is int personId && personId != me)
            {
                members.Add(personId);
            }
        }
        if (!problems.Any)
        {
            await CheckImprovementTeamAsync(input.IsImprovementTeam, units.Select(u => u.SchoolId).Distinct().ToList(), problems, ct);
        }
        if (input.NetworkId is int networkId && !await db.Networks.AnyAsync(n => n.Id == networkId && n.ArchivedAt == null, ct))
        {
            problems.Add("networkId", $"There is no network {networkId} in your trust.");
        }
        if (problems.Any)
        {
            return Outcome<LearningTeam>.Invalid(problems);
        }
        var team = new LearningTeam { Name = input.Name!.Trim(), Purpose = Text.Clean(input.Purpose), IsImprovementTeam = input.IsImprovementTeam, NetworkId = input.NetworkId, CreatedAt = clock.UtcNow() };
        db.LearningTeams.Add(team);
        await db.SaveChangesAsync(ct);
        db.LearningTeamMembers.Add(new LearningTeamMember { TeamId = team.Id, PersonId = me, IsLead = true });
        db.LearningTeamMembers.AddRange(members.Select(p => new LearningTeamMember { TeamId = team.Id, PersonId = p }));
        db.LearningTeamUnits.AddRange(units.Select(u => new LearningTeamUnit { TeamId = team.Id, UnitId = u.UnitId, SchoolId = u.SchoolId }));
        await db.SaveChangesAsync(ct);
        return Outcome<LearningTeam>.Ok(team);
    }

    public Task<Outcome<LearningTeam>> UpdateAsync(int teamId, TeamDetailsInput input, CancellationToken ct) =>
        ChangeAsync(teamId, async (team, teamAccess, problems) =>
        {
            await CheckDetailsAsync(input, team.Id, problems, ct);
            if (input.IsImprovementTeam != team.IsImprovementTeam)
            {
                await CheckImprovementTeamAsync(input.IsImprovementTeam, teamAccess.SchoolIds, problems, ct);
            }
            if (problems.Any)
            {
                return;
            }
            team.Name = input.Name!.Trim();
            team.Purpose = Text.Clean(input.Purpose);
            team.IsImprovementTeam = input.IsImprovementTeam;
        }, ct);

    /// <summary>Archives the team (its enquiries and cycles stay, read-only in spirit), or brings it back.</summary>
    public Task<Outcome<LearningTeam>> ArchiveAsync(int teamId, bool archive, CancellationToken ct) =>
        ChangeAsync(teamId, (team, _, _) =>
        {
            team.ArchivedAt = archive ? team.ArchivedAt ?? clock.UtcNow() : null;
            return Task.CompletedTask;
        }, ct);

    public Task<Outcome<LearningTeam>> AddMemberAsync(int teamId, TeamMemberInput input, CancellationToken ct) =>
        ChangeAsync(teamId, async (team, _, problems) =>
        {
            if (Text.Clean(input.Email) is not string email)
            {
                problems.Add("email", "Enter the email address of the person to add.");
                return;
            }
            if (await PersonAsync(email, "email", problems, ct) is not int personId)
            {
                return;
            }
            if (await db.LearningTeamMembers.AnyAsync(m => m.TeamId == team.Id && m.PersonId == personId, ct))
            {
                problems.Add("email", $"{email} is already in the team.");
                return;
            }
            db.LearningTeamMembers.Add(new LearningTeamMember { TeamId = team.Id, PersonId = personId });
        }, ct);

    public Task<Outcome<LearningTeam>> RemoveMemberAsync(int teamId, int personId, CancellationToken ct) =>
        ChangeAsync(teamId, async (team, _, problems) =>
        {
            var member = await db.LearningTeamMembers.FirstOrDefaultAsync(m => m.TeamId == team.Id && m.PersonId == personId, ct);
            if (member is null)
            {
                problems.Add("personId", "That person is not in the team.");
            }
            else if (member.IsLead)
            {
                problems.Add("personId", "The team's lead cannot be taken off the team: the lead convenes it.");
            }
            else
            {
                db.LearningTeamMembers.Remove(member);
            }
        }, ct);

    public Task<Outcome<LearningTeam>> AddUnitAsync(int teamId, TeamUnitInput input, CancellationToken ct) =>
        ChangeAsync(teamId, async (team, _, problems) =>
        {
            if (input.UnitId is not int unitId)
            {
                problems.Add("unitId", "Choose the unit to add.");
                return;
            }
            if (await FormableUnitAsync(unitId, "unitId", problems, ct) is not var (_, schoolId))
            {
                return;
            }
            if (await db.LearningTeamUnits.AnyAsync(u => u.TeamId == team.Id && u.UnitId == unitId, ct))
            {
                problems.Add("unitId", "The team already works on that unit.");
                return;
            }
            if (team.IsImprovementTeam && !await db.LearningTeamUnits.AllAsync(u => u.TeamId != team.Id || u.SchoolId == schoolId, ct))
            {
                problems.Add("unitId", "An improvement team is one school's: add units of its own school only.");
                return;
            }
            db.LearningTeamUnits.Add(new LearningTeamUnit { TeamId = team.Id, UnitId = unitId, SchoolId = schoolId });
        }, ct);

    public Task<Outcome<LearningTeam>> RemoveUnitAsync(int teamId, int unitId, CancellationToken ct) =>
        ChangeAsync(teamId, async (team, _, problems) =>
        {
            var units = await db.LearningTeamUnits.Where(u => u.TeamId == team.Id).ToListAsync(ct);
            var unit = units.FirstOrDefault(u => u.UnitId == unitId);
            if (unit is null)
            {
                problems.Add("unitId", "The team does not work on that unit.");
                return;
            }
            if (units.Count == 1)
            {
                problems.Add("unitId", "A team works on at least one unit: add another before taking this one off.");
                return;
            }
            if (!units.Any(u => u != unit && u.SchoolId == unit.SchoolId)
                && await db.Enquiries.Where(e => e.TeamId == team.Id && e.SchoolId == unit.SchoolId).Select(e => e.Title).FirstOrDefaultAsync(ct) is { } title)
            {
                problems.Add("unitId", $"This is the team's last unit at the school of its enquiry \"{title}\": the enquiry needs the team to work there.");
                return;
            }
            db.LearningTeamUnits.Remove(unit);
        }, ct);

    /// <summary>Loads the team, checks the person may change it, applies the change and saves it when it raised no problem.</summary>
    private async Task<Outcome<LearningTeam>> ChangeAsync(int teamId, Func<LearningTeam, TeamAccess, Problems, Task> change, CancellationToken ct)
    {
        var teamAccess = await enquiries.ForTeamAsync(teamId, ct);
        if (teamAccess is null)
        {
            return Outcome<LearningTeam>.NotFound();
        }
        if (!teamAccess.Edit)
        {
            return Outcome<LearningTeam>.Forbidden();
        }
        var team = await db.LearningTeams.FirstAsync(t => t.Id == teamId, ct);
        var problems = new Problems();
        await change(team, teamAccess, problems);
        if (problems.Any)
        {
            return Outcome<LearningTeam>.Invalid(problems);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<LearningTeam>.Ok(team);
    }

    private async Task CheckDetailsAsync(TeamDetailsInput input, int? teamId, Problems problems, CancellationToken ct)
    {
        problems.Require("name", input.Name, "team's name", 120).Optional("purpose", input.Purpose, "purpose", 1000);
        if (Text.Clean(input.Name) is string name && name.Length <= 120)
        {
            var lower = name.ToLowerInvariant();
            if (await db.LearningTeams.AnyAsync(t => t.Id != teamId && t.Name.ToLower() == lower, ct))
            {
                problems.Add("name", $"The trust already has a learning team called \"{name}\": choose another name.");
            }
        }
    }

    /// <summary>A unit a team may be formed on (or given): one of a school the person sees and may form teams at, still open.</summary>
    private async Task<(int UnitId, int SchoolId)?> FormableUnitAsync(int unitId, string field, Problems problems, CancellationToken ct)
    {
        if (await access.FindUnitAsync(unitId, ct) is not var (unit, school))
        {
            problems.Add(field, $"There is no unit {unitId} at a school you may see.");
            return null;
        }
        if (unit.ArchivedAt is not null)
        {
            problems.Add(field, $"{unit.Name} at {school.Name} is archived: choose an open unit.");
            return null;
        }
        if (!await enquiries.CanFormTeamAsync(school.Id, ct))
        {
            problems.Add(field, $"You may not form learning teams at {school.Name}: a leader or teacher of that school can add its units.");
            return null;
        }
        return (unit.Id, school.Id);
    }

    /// <summary>
    /// The people a team may take in from where the acting person stands: those with a role across the trust or at a
    /// school they may see (a network's people of another school join through that school's leaders or the trust's).
    /// </summary>
    public async Task<IQueryable<Person>> PeopleWhoMayJoinAsync(CancellationToken ct)
    {
        var schools = await access.SchoolIdsAsync(Permission.ViewSchool, ct);
        var today = clock.Today();
        var people = db.Users.Where(p => p.ArchivedAt == null);
        return schools is null
            ? people.Where(p => p.Memberships.Any(m => m.EndsOn == null || m.EndsOn >= today))
            : people.Where(p => p.Memberships.Any(m => (m.EndsOn == null || m.EndsOn >= today) && (m.SchoolId == null || schools.Contains(m.SchoolId.Value))));
    }

    private async Task<int?> PersonAsync(string email, string field, Problems problems, CancellationToken ct)
    {
        var normalised = email.Trim().ToUpperInvariant();
        var id = await (await PeopleWhoMayJoinAsync(ct)).Where(p => p.NormalizedEmail == normalised).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            problems.Add(field, $"No one of the trust at the schools you may see has the email address {email.Trim()}.");
        }
        return id;
    }

    /// <summary>An improvement team is one school's, named by a leader of that school (one who may change its plans).</summary>
    private async Task CheckImprovementTeamAsync(bool isImprovementTeam, IReadOnlyList<int> schoolIds, Problems problems, CancellationToken ct)
    {
        if (!isImprovementTeam)
        {
            return;
        }
        if (schoolIds.Count != 1)
        {
            problems.Add("isImprovementTeam", "An improvement team is one school's: its units must all be at one school.");
            return;
        }
        if (!await access.CanAsync(Permission.EditPlans, schoolIds[0], ct))
        {
            var name = await db.Schools.Where(s => s.Id == schoolIds[0]).Select(s => s.Name).FirstAsync(ct);
            problems.Add("isImprovementTeam", $"Only a leader of {name} (who may change its plans) can name its improvement team.");
        }
    }
}
