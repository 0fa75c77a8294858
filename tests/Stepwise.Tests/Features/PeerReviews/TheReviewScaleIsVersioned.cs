using System.Net;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.PeerReviews;

/// <summary>The trust's review scale is data, versioned like frameworks: a version a review used never changes.</summary>
public sealed class TheReviewScaleIsVersioned(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Writing_the_scale_changes_an_unused_version_but_makes_the_next_version_once_a_review_has_used_it()
    {
        var leader = await app.ClientForAsync(World.NorthLeader);
        var empty = await (await leader.GetAsync("/api/peer-reviews/scale")).ReadJsonAsync();
        Assert.Null(empty["current"]);
        Assert.Equal("Leading", (string)empty["starter"]![0]!["name"]!);

        object Scale(params string[] names) => new { name = "Larkhaven review scale", points = names.Select(n => new { name = n, description = $"What {n} means." }).ToArray() };
        var tooShort = await (await leader.PutJsonAsync("/api/peer-reviews/scale", Scale("Only one"))).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at least two points", tooShort["errors"]!["points"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, (int)(await (await leader.PutJsonAsync("/api/peer-reviews/scale", Scale("Strong", "Secure", "Weak"))).ReadJsonAsync())["number"]!);
        // Not used yet: writing again changes version 1.
        Assert.Equal(1, (int)(await (await leader.PutJsonAsync("/api/peer-reviews/scale", Scale("Strong", "Secure", "Developing", "Weak"))).ReadJsonAsync())["number"]!);

        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        var review = await (await leader.PostJsonAsync("/api/peer-reviews", new
        {
            school = World.NorthPrimaryUrn, startsOn = "2026-12-01", endsOn = "2026-12-01", areas = new[] { "inclusion" }, team = new[] { World.SecondaryHead }, lead = World.SecondaryHead,
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, (int)review["scale"]!["number"]!);

        // Used: writing makes version 2, and the review keeps version 1 as it was.
        var second = await (await leader.PutJsonAsync("/api/peer-reviews/scale", Scale("Leading", "Effective", "Not yet"))).ReadJsonAsync();
        Assert.Equal(2, (int)second["number"]!);
        var again = await (await leader.GetAsync($"/api/peer-reviews/{(int)review["id"]!}")).ReadJsonAsync();
        Assert.Equal(1, (int)again["scale"]!["number"]!);
        Assert.Equal(["Strong", "Secure", "Developing", "Weak"], again["scale"]!["points"]!.AsArray().Select(p => (string)p!["name"]!));
        var book = await (await leader.GetAsync("/api/peer-reviews/scale")).ReadJsonAsync();
        Assert.Equal([true, false], book["versions"]!.AsArray().Select(v => (bool)v!["used"]!));
        Assert.Equal(2, (int)book["current"]!["number"]!);

        // A head may read the scale but not write it.
        var head = await app.ClientForAsync(World.PrimaryHead);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PutJsonAsync("/api/peer-reviews/scale", Scale("A", "B"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/peer-reviews/scale")).StatusCode);
    }

    [Fact]
    public async Task The_first_review_arranged_adopts_the_starter_scale_as_version_one()
    {
        var admin = await app.ClientForAsync(World.HarbourAdmin);
        await (await admin.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        var review = await (await admin.PostJsonAsync("/api/peer-reviews", new
        {
            school = World.HarbourUrn, startsOn = "2026-12-01", endsOn = "2026-12-02", areas = new[] { "inclusion", "achievement" }, team = new[] { World.HarbourAdmin }, lead = World.HarbourAdmin,
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, (int)review["scale"]!["number"]!);
        Assert.Equal(["leading", "effective", "working-towards-effective", "ineffective"], review["scale"]!["points"]!.AsArray().Select(p => (string)p!["key"]!));
        Assert.Equal("The trust", (string)review["team"]![0]!["fromSchool"]!);
    }
}
