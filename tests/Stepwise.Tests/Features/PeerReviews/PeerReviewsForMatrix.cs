using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.PeerReviews;

/// <summary>
/// A planned peer review of each school of the world, arranged through the API by its trust, for the authorisation
/// matrix's review routes: the team is trust staff (no reviewing school whose name would show where it must not) and neither the primary's head nor Harbour's administrator is on another school's review.
/// Needs the trust's Ofsted framework (the matrix's improvement-loop seed installs it).
/// </summary>
public static class PeerReviewsForMatrix
{
    public static async Task<Dictionary<int, int>> SeedAsync(StepwiseApp app)
    {
        var reviews = new Dictionary<int, int>();
        foreach (var (urn, arranger, reviewer) in new[]
        {
            (World.NorthPrimaryUrn, World.NorthLeader, World.NorthLeader),
            (World.NorthSecondaryUrn, World.NorthLeader, World.NorthAdmin),
            (World.HarbourUrn, World.HarbourAdmin, World.HarbourAdmin),
        })
        {
            var existing = await app.QueryAsync(db => db.PeerReviews.IgnoreQueryFilters()
                .Where(r => db.Schools.IgnoreQueryFilters().Any(s => s.Id == r.SchoolId && s.Urn == urn)).OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync());
            if (existing is int id)
            {
                reviews[urn] = id;
                continue;
            }
            var client = await app.ClientForAsync(arranger);
            await (await client.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
            var review = await (await client.PostJsonAsync("/api/peer-reviews", new
            {
                school = urn, startsOn = "2026-12-07", endsOn = "2026-12-08", areas = new[] { "inclusion" }, team = new[] { reviewer }, lead = reviewer,
            })).ReadJsonAsync(HttpStatusCode.Created);
            reviews[urn] = (int)review["id"]!;
        }
        return reviews;
    }
}
