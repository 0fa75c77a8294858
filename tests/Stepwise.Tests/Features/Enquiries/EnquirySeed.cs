using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Enquiries;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>
/// A learning team (until the teams pages exist on this branch, written straight to the database as the teams feature
/// stores one) and, for the authorisation matrix, an enquiry with a box, a team measure and a figure at a school.
/// </summary>
public static class EnquirySeed
{
    public sealed record Seeded(int TeamId, int EnquiryId, int NodeId, int MeasureId, int ValueId);

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

    /// <summary>An enquiry with a primary driver, a weekly team measure and one figure, at the school of the unit, for each school of the matrix.</summary>
    public static async Task<Dictionary<int, Seeded>> SeedForMatrixAsync(StepwiseApp app)
    {
        var seeded = new Dictionary<int, Seeded>();
        foreach (var (urn, unitKey) in new[] { (World.NorthPrimaryUrn, "primary-year6"), (World.NorthSecondaryUrn, "secondary-maths"), (World.HarbourUrn, "harbour-send") })
        {
            var teamId = await TeamAsync(app, unitKey, $"Matrix team {urn}");
            seeded[urn] = await app.QueryAsync(async db =>
            {
                var unit = app.World.Units[unitKey];
                var enquiry = new Enquiry
                {
                    TrustId = unit.TrustId, TeamId = teamId, SchoolId = unit.SchoolId, Title = $"Matrix enquiry {urn}", ProblemOfPractice = "Reading", Aim = "Fluency up",
                    CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
                };
                db.Enquiries.Add(enquiry);
                await db.SaveChangesAsync();
                var node = new DriverNode { TrustId = unit.TrustId, EnquiryId = enquiry.Id, Kind = DriverNodeKind.PrimaryDriver, Text = "Modelling", Position = 1 };
                var measure = new EnquiryMeasure
                {
                    TrustId = unit.TrustId, EnquiryId = enquiry.Id, Kind = MeasureKind.Process, Name = "Reading aloud", OperationalDefinition = "Counted daily",
                    Unit = "%", Polarity = "up", Frequency = TeamMeasureFrequency.Weekly,
                };
                db.AddRange(node, measure);
                await db.SaveChangesAsync();
                var value = new TeamMeasureValue { TrustId = unit.TrustId, MeasureId = measure.Id, On = new DateOnly(2026, 11, 9), Value = 50, EnteredAt = app.Clock.GetUtcNow().UtcDateTime, By = "seed" };
                db.TeamMeasureValues.Add(value);
                await db.SaveChangesAsync();
                return new Seeded(teamId, enquiry.Id, node.Id, measure.Id, value.Id);
            });
        }
        return seeded;
    }

    public static Task<int> CountAsync<T>(StepwiseApp app) where T : class => app.Stored.CountAsync<T>();
}
