using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Enquiries;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>A learning team written straight to the database as the teams feature stores one: the arrange step of the enquiry tests.</summary>
public static class EnquirySeed
{
    /// <summary>A team working on one unit, with these people as members.</summary>
    public static Task<int> TeamAsync(StepwiseApp app, string unitKey, string name, params string[] members) => app.QueryAsync(async db =>
    {
        var unit = app.World.Units[unitKey];
        var team = new LearningTeam { TrustId = unit.TrustId, Name = name, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
        db.LearningTeams.Add(team);
        await db.SaveChangesAsync();
        db.LearningTeamUnits.Add(new LearningTeamUnit { TrustId = unit.TrustId, TeamId = team.Id, UnitId = unit.Id, SchoolId = unit.SchoolId });
        foreach (var (email, i) in members.Select((m, i) => (m, i)))
        {
            db.LearningTeamMembers.Add(new LearningTeamMember { TrustId = unit.TrustId, TeamId = team.Id, PersonId = app.World.Person(email).Id, IsLead = i == 0 });
        }
        await db.SaveChangesAsync();
        return team.Id;
    });

    public static Task<int> CountAsync<T>(StepwiseApp app) where T : class => app.Stored.CountAsync<T>();
}
