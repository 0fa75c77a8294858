using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Enquiries;

/// <summary>What the acting person may do with a learning team and its enquiries.</summary>
/// <param name="Edit">Change the team, its enquiries, diagrams, measures and cycles.</param>
/// <param name="Detail">Read the working notes (members, what happened, the study); without it, the summaries only.</param>
public sealed record TeamAccess(int TeamId, IReadOnlyList<int> SchoolIds, bool Edit, bool Detail);

/// <summary>
/// The one rule for learning teams: a team is seen by whoever may see one of its schools; its members and the leaders
/// of its units (those who may change plans there) change it; staff of its schools read its working notes, while
/// governors and reviewers read summaries (aim, measures, charts, decisions and score).
/// </summary>
public sealed class EnquiryAccess(AppDbContext db, AccessControl access)
{
    /// <summary>The team's access for the acting person; null when they may not see it (so: 404).</summary>
    public async Task<TeamAccess?> ForTeamAsync(int teamId, CancellationToken ct)
    {
        var units = await db.LearningTeamUnits.AsNoTracking().Where(u => u.TeamId == teamId).Select(u => new { u.UnitId, u.SchoolId }).ToListAsync(ct);
        var exists = units.Count > 0 || await db.LearningTeams.AnyAsync(t => t.Id == teamId, ct);
        if (!exists)
        {
            return null;
        }
        var schools = units.Select(u => u.SchoolId).Distinct().ToList();
        var visible = access.IsSystem;
        var detail = access.IsSystem;
        var edit = access.IsSystem;
        foreach (var school in schools)
        {
            visible |= await access.CanAsync(Permission.ViewSchool, school, ct);
            detail |= await access.CanAsync(Permission.ViewPupils, school, ct);
        }
        foreach (var unit in units)
        {
            edit |= await access.CanForUnitAsync(Permission.EditPlans, unit.SchoolId, unit.UnitId, ct);
        }
        var member = access.PersonId is int me && await db.LearningTeamMembers.AnyAsync(m => m.TeamId == teamId && m.PersonId == me, ct);
        if (!visible && !member)
        {
            return null;
        }
        return new TeamAccess(teamId, schools, edit || member, detail || member);
    }

    /// <summary>The access to an enquiry's team; null when the enquiry does not exist or may not be seen.</summary>
    public async Task<(Enquiry Enquiry, TeamAccess Access)?> ForEnquiryAsync(int enquiryId, CancellationToken ct)
    {
        var enquiry = await db.Enquiries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enquiryId, ct);
        return enquiry is not null && await ForTeamAsync(enquiry.TeamId, ct) is { } team ? (enquiry, team) : null;
    }

    /// <summary>Whether the acting person may form a learning team at this school.</summary>
    public Task<bool> CanFormTeamAsync(int schoolId, CancellationToken ct) => access.CanAsync(Permission.FormLearningTeams, schoolId, ct);

    /// <summary>The ids of the teams the acting person may see: those with a unit at a school they may see, and their own.</summary>
    public async Task<IQueryable<LearningTeam>> VisibleTeamsAsync(CancellationToken ct)
    {
        var schools = await access.SchoolIdsAsync(Permission.ViewSchool, ct);
        if (schools is null)
        {
            return db.LearningTeams;
        }
        var me = access.PersonId ?? -1;
        return db.LearningTeams.Where(t => db.LearningTeamUnits.Any(u => u.TeamId == t.Id && schools.Contains(u.SchoolId))
            || db.LearningTeamMembers.Any(m => m.TeamId == t.Id && m.PersonId == me));
    }
}
