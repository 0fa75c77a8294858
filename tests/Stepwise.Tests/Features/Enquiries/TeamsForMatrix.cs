using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>A learning team at each school of the world, formed through the API by its head, for the authorisation matrix's team routes.</summary>
public static class TeamsForMatrix
{
    public static async Task<Dictionary<int, int>> SeedAsync(StepwiseApp app)
    {
        var teams = new Dictionary<int, int>();
        foreach (var (urn, head, unit) in new[]
        {
            (World.NorthPrimaryUrn, World.PrimaryHead, "primary-year6"),
            (World.NorthSecondaryUrn, World.SecondaryHead, "secondary-maths"),
            (World.HarbourUrn, World.HarbourHead, "harbour-send"),
        })
        {
            var name = $"Matrix team {urn}";
            var existing = await app.QueryAsync(db => db.LearningTeams.IgnoreQueryFilters().Where(t => t.Name == name).Select(t => (int?)t.Id).FirstOrDefaultAsync());
            if (existing is int id)
            {
                teams[urn] = id;
                continue;
            }
            var client = await app.ClientForAsync(head);
            var team = await (await client.PostJsonAsync("/api/teams", new { name, unitIds = new[] { app.World.Units[unit].Id } }))
                .ReadJsonAsync(HttpStatusCode.Created);
            teams[urn] = (int)team["id"]!;
        }
        return teams;
    }
}
