using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Demo;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.TrustReviews;

/// <summary>
/// Issue 22's must-show through the API, in the demo trust: every demo school's risk rating with its components, line
/// by line; the review calendar with a planned review, an overdue school and the last review's findings; a tier for every
/// school with its history and one differing from its band; and who sees what (a head their own school's rating only,
/// a governor their school's tier and reviews but no rating).
/// </summary>
public abstract class TheDemosTrustReviews(StepwiseApp app)
{
    private static readonly int[] DemoUrns = [990001, 990002, 990003, 990004, 990005, 990006];

    [Fact]
    public async Task Every_demo_school_has_risk_components_and_a_rating_through_the_api_that_add_up_line_by_line()
    {
        app.EnsureAvailable();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        }
        var director = await app.SignInAsync("helen.marsh@larkhaven.example", LoadDemoTrust.Password);

        var counted = new HashSet<string>();
        foreach (var urn in DemoUrns)
        {
            var risk = await (await director.GetAsync($"/api/schools/{urn}/risk")).ReadJsonAsync();
            Assert.Equal(urn, (int)risk["urn"]!);
            var components = risk["components"]!.AsArray();
            Assert.Equal(9, components.Count);
            Assert.Contains((string)risk["band"]!, new[] { "low", "medium", "high" });
            Assert.Equal(Math.Round(components.Sum(c => (double)c!["points"]!), 2), (double)risk["score"]!, 6);
            foreach (var c in components)
            {
                Assert.Equal((int)c!["count"]!, c["because"]!.AsArray().Count);
                Assert.Equal((double)c["count"]! * (double)c["weight"]!, (double)c["points"]!, 6);
                if ((int)c["count"]! > 0)
                {
                    counted.Add((string)c["component"]!);
                }
            }
            // Every demo school was reviewed: its findings count, each naming its area and the review.
            var fromReview = components.Where(c => ((string)c!["component"]!).StartsWith("review-finding", StringComparison.Ordinal)).SelectMany(c => c!["because"]!.AsArray()).ToList();
            Assert.NotEmpty(fromReview);
            Assert.All(fromReview, b => Assert.StartsWith("/reviews/", (string)b!["link"]!, StringComparison.Ordinal));
            Assert.All(fromReview, b => Assert.False(string.IsNullOrEmpty((string?)b!["area"])));
        }
        // Across the trust, components raise and lower risk: review findings both ways and the data's signals.
        Assert.Contains("review-finding-low", counted);
        Assert.Contains("review-finding-strong", counted);

        // The review calendar: Kestrelmead's planned review, St Wenna's overdue, the last review's findings.
        var calendar = (await (await director.GetAsync("/api/reviews/calendar")).ReadJsonAsync()).AsArray();
        Assert.Equal(DemoUrns, calendar.Select(c => (int)c!["urn"]!).Order().ToArray());
        var kestrelmead = calendar.Single(c => (int)c!["urn"]! == 990003)!;
        Assert.Equal("Planned", (string)kestrelmead["nextBecause"]!);
        Assert.False((bool)kestrelmead["overdue"]!);
        var stWennas = calendar.Single(c => (int)c!["urn"]! == 990004)!;
        Assert.True((bool)stWennas["overdue"]!);
        Assert.StartsWith("Last review plus", (string)stWennas["nextBecause"]!, StringComparison.Ordinal);
        Assert.Contains(stWennas["lastFindings"]!.AsArray(), f => (string)f!["gradeName"]! == "Needs attention");
        Assert.All(calendar, c => Assert.NotNull(c!["tier"]));
        Assert.All(calendar, c => Assert.NotNull(c!["band"]));

        // Brackenmoor's tier differs from what its band suggests, with a reason, and its earlier decision stays.
        var tiers = await (await director.GetAsync("/api/schools/990002/support-tier")).ReadJsonAsync();
        Assert.True((bool)tiers["differs"]!);
        Assert.False(string.IsNullOrWhiteSpace((string)tiers["current"]!["reason"]!));
        Assert.Equal(2, tiers["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_head_sees_only_their_own_schools_rating_and_a_governor_sees_tier_and_reviews_but_never_a_rating()
    {
        app.EnsureAvailable();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        }
        var head = await app.SignInAsync("claire.dawson@larkhaven.example", LoadDemoTrust.Password);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/schools/990001/risk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/api/schools/990002/risk")).StatusCode);

        var governor = await app.SignInAsync("margaret.ellis@larkhaven.example", LoadDemoTrust.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await governor.GetAsync("/api/schools/990001/risk")).StatusCode);
        var calendar = (await (await governor.GetAsync("/api/reviews/calendar")).ReadJsonAsync()).AsArray();
        var own = Assert.Single(calendar)!;
        Assert.Equal(990001, (int)own["urn"]!);
        Assert.NotNull(own["tier"]);
        Assert.Null(own["band"]);
        Assert.NotNull(own["nextOn"]);
        var tier = await (await governor.GetAsync("/api/schools/990001/support-tier")).ReadJsonAsync();
        Assert.NotNull(tier["current"]);
        Assert.Null(tier["band"]);
        Assert.Null(tier["current"]!["riskScore"]);
    }
}

public sealed class TheDemosTrustReviewsOnSqlite(SqliteApp app) : TheDemosTrustReviews(app), IClassFixture<SqliteApp>;

public sealed class TheDemosTrustReviewsOnPostgres(PostgresApp app) : TheDemosTrustReviews(app), IClassFixture<PostgresApp>;
