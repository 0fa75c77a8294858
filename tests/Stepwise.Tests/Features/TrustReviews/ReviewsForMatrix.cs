using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.TrustReviews;

/// <summary>A planned trust review of each school of the world, arranged through the API by its trust, for the authorisation matrix's review routes.</summary>
public static class ReviewsForMatrix
{
    public static async Task<Dictionary<int, int>> SeedAsync(StepwiseApp app)
    {
        var reviews = new Dictionary<int, int>();
        foreach (var (urn, arranger) in new[] { (World.NorthPrimaryUrn, World.NorthLeader), (World.NorthSecondaryUrn, World.NorthLeader), (World.HarbourUrn, World.HarbourAdmin) })
        {
            var existing = await app.QueryAsync(db => db.SchoolReviews.IgnoreQueryFilters()
                .Where(r => db.Schools.IgnoreQueryFilters().Any(s => s.Id == r.SchoolId && s.Urn == urn)).OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync());
            if (existing is int id)
            {
                reviews[urn] = id;
                continue;
            }
            var client = await app.ClientForAsync(arranger);
            await (await client.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
            var review = await (await client.PostJsonAsync("/api/reviews", new { school = urn, reviewOn = "2026-12-09", reviewers = "The director of education" }))
                .ReadJsonAsync(HttpStatusCode.Created);
            reviews[urn] = (int)review["id"]!;
        }
        return reviews;
    }
}
