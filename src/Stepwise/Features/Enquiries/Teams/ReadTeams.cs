using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// The learning teams a person may see (theirs first) and one team with its members, units and enquiries: the one read
/// the team pages, the API and the command line share. Without <see cref="TeamAccess.Detail"/> (governors, reviewers)
/// a team's member names are left out: they read the summary.
/// </summary>
public sealed class ReadTeams(AppDbContext db, AccessControl access, EnquiryAccess enquiries, SaveTeam save)
{
    public sealed record TeamSchool(int Urn, string Name);

    /// <param name="Network">Its units are at more than one school of the trust.</param>
    /// <param name="Mine">The reader is a member.</param>
    public sealed record TeamRow(int Id, string Name, string? Purpose, bool IsImprovementTeam, bool Network, bool Mine, bool Archived,
        IReadOnlyList<TeamSchool> Schools, int Members, int Enquiries);

    public sealed record TeamMemberView(int PersonId, string Name, string? Email, string? JobTitle, bool IsLead);

    public sealed record TeamUnitView(int UnitId, string Name, string Kind, int SchoolUrn, string SchoolName);

    /// <param name="Members">The members, lead first; null for readers of the summary only (governors, reviewers).</param>
    /// <param name="CanEdit">The reader may change the team: its members and the leaders of its units.</param>
    public sealed record TeamView(int Id, string Name, string? Purpose, bool IsImprovementTeam, bool Network, bool Archived, DateTime CreatedAt,
        string Lead, int MemberCount, IReadOnlyList<TeamMemberView>? Members, IReadOnlyList<TeamUnitView> Units, IReadOnlyList<TeamSchool> Schools,
        bool CanEdit, bool Detail);

    /// <summary>Every team the reader may see: their own first, then by name; archived teams last.</summary>
    public async Task<List<TeamRow>> ListAsync(CancellationToken ct)
    {
        var visible = await enquiries.VisibleTeamsAsync(ct);
        var me = access.PersonId ?? -1;
        var teams = await visible.AsNoTracking()
            .Select(t => new
            {
                t.Id, t.Name, t.Purpose, t.IsImprovementTeam, t.ArchivedAt,
                Mine = db.LearningTeamMembers.Any(m => m.TeamId == t.Id && m.PersonId == me),
                Members = db.LearningTeamMembers.Count(m => m.TeamId == t.Id),
                Enquiries = db.Enquiries.Count(e => e.TeamId == t.Id),
            })
            .ToListAsync(ct);
        var ids = teams.Select(t => t.Id).ToList();
        var schools = await db.LearningTeamUnits.AsNoTracking().Where(u => ids.Contains(u.TeamId))
            .Join(db.Schools, u => u.SchoolId, s => s.Id, (u, s) => new { u.TeamId, s.Urn, s.Name })
            .Distinct().ToListAsync(ct);
        return teams
            .Select(t =>
            {
                var of = schools.Where(s => s.TeamId == t.Id).Select(s => new TeamSchool(s.Urn, s.Name)).Distinct().OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
                return new TeamRow(t.Id, t.Name, t.Purpose, t.IsImprovementTeam, of.Count > 1, t.Mine, t.ArchivedAt is not null, of, t.Members, t.Enquiries);
            })
            .OrderBy(t => t.Archived).ThenByDescending(t => t.Mine).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>One team as the reader may read it; null when they may not see it (so: 404).</summary>
    public async Task<TeamView?> OneAsync(int teamId, CancellationToken ct)
    {
        var teamAccess = await enquiries.ForTeamAsync(teamId, ct);
        if (teamAccess is null)
        {
            return null;
        }
        var team = await db.LearningTeams.AsNoTracking().FirstAsync(t => t.Id == teamId, ct);
        var members = await db.LearningTeamMembers.AsNoTracking().Where(m => m.TeamId == teamId)
            .Join(db.Users, m => m.PersonId, p => p.Id, (m, p) => new TeamMemberView(p.Id, p.DisplayName, p.Email, p.JobTitle, m.IsLead))
            .ToListAsync(ct);
        members = members.OrderByDescending(m => m.IsLead).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var units = await db.LearningTeamUnits.AsNoTracking().Where(u => u.TeamId == teamId)
            .Join(db.Units, tu => tu.UnitId, u => u.Id, (tu, u) => new { u.Id, u.Name, u.Kind, tu.SchoolId })
            .Join(db.Schools, u => u.SchoolId, s => s.Id, (u, s) => new { u.Id, u.Name, u.Kind, s.Urn, School = s.Name })
            .ToListAsync(ct);
        var unitViews = units.Select(u => new TeamUnitView(u.Id, u.Name, Codes.Of(u.Kind), u.Urn, u.School))
            .OrderBy(u => u.SchoolName, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        var schools = unitViews.Select(u => new TeamSchool(u.SchoolUrn, u.SchoolName)).Distinct().ToList();
        return new TeamView(team.Id, team.Name, team.Purpose, team.IsImprovementTeam, schools.Count > 1, team.ArchivedAt is not null, team.CreatedAt,
            members.FirstOrDefault(m => m.IsLead)?.Name ?? "", members.Count, teamAccess.Detail ? members : null, unitViews, schools,
            teamAccess.Edit && team.ArchivedAt is null, teamAccess.Detail);
    }

    public sealed record UnitChoice(int UnitId, string Name, int SchoolUrn, string SchoolName);

    public sealed record PersonChoice(int PersonId, string Name, string Email, string? JobTitle);

    /// <summary>The open units of the schools where the reader may form learning teams, by school then name.</summary>
    public async Task<List<UnitChoice>> UnitChoicesAsync(CancellationToken ct)
    {
        var schools = await access.SchoolsAsync(Permission.FormLearningTeams, ct);
        var units = await schools.Where(s => s.ArchivedAt == null)
            .Join(db.Units.Where(u => u.ArchivedAt == null), s => s.Id, u => u.SchoolId, (s, u) => new UnitChoice(u.Id, u.Name, s.Urn, s.Name))
            .ToListAsync(ct);
        return units.OrderBy(u => u.SchoolName, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The people of the trust a team can take in (<see cref="SaveTeam.PeopleWhoMayJoinAsync"/>), by name.</summary>
    public async Task<List<PersonChoice>> PeopleChoicesAsync(CancellationToken ct)
    {
        var people = await (await save.PeopleWhoMayJoinAsync(ct)).AsNoTracking().Where(p => p.Email != null)
            .Select(p => new PersonChoice(p.Id, p.DisplayName, p.Email!, p.JobTitle)).ToListAsync(ct);
        return people.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
