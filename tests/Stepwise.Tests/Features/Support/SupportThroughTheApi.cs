using System.Net;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Support;

/// <summary>
/// Support through the API on the world: a school's head raises a need for their own school only; the trust sees the
/// givers suggested with reasons and capacity, agrees an episode from a suggestion, after which the giver (at its
/// capacity) is no longer suggested and a second episode from it is refused; the episode is ended and its impact
/// recorded; the CSV lists it; and who may see what.
/// </summary>
public abstract class SupportThroughTheApi(StepwiseApp app)
{
    [Fact]
    public async Task A_need_gets_givers_with_reasons_an_episode_is_agreed_a_giver_at_capacity_is_left_out_and_refused_and_the_impact_is_recorded()
    {
        app.EnsureAvailable();
        var leader = await app.ClientForAsync(World.NorthLeader);
        var head = await app.ClientForAsync(World.PrimaryHead);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        await (await leader.PostJsonAsync($"/api/schools/{World.NorthSecondaryUrn}/judgements", new { framework = "ofsted-2025", area = "curriculum-and-teaching", grade = "strong-standard", source = "trust" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        // The head raises a need for their school, not for another.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJsonAsync("/api/support/needs", new { school = World.NorthSecondaryUrn, area = "inclusion", description = "Help" })).StatusCode);
        var refused = await (await head.PostJsonAsync("/api/support/needs", new { school = World.NorthPrimaryUrn, area = "no-such-area", metric = "no.such", description = "" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = refused["errors"]!.ToJsonString();
        Assert.Contains("no area \\u0022no-such-area\\u0022", errors, StringComparison.Ordinal);
        Assert.Contains("There is no measure \\u0022no.such\\u0022.", errors, StringComparison.Ordinal);
        var need = await (await head.PostJsonAsync("/api/support/needs", new
        {
            school = World.NorthPrimaryUrn, area = "curriculum-and-teaching", metric = "attendance.overall-absence", description = "Checking for understanding is inconsistent.",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var needId = (int)need["id"]!;
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/api/support/needs/{needId}/suggestions")).StatusCode);

        // The trust sees the secondary suggested, with its reasons and capacity.
        await (await leader.PutJsonAsync($"/api/support/capacities/{World.NorthSecondaryUrn}", new { episodesPerTerm = 1, note = "One a term" })).ReadJsonAsync();
        var suggestions = await (await leader.GetAsync($"/api/support/needs/{needId}/suggestions")).ReadJsonAsync();
        var giver = Assert.Single(suggestions["givers"]!.AsArray())!;
        Assert.Equal(World.NorthSecondaryUrn, (int)giver["giverUrn"]!);
        Assert.Equal(World.NorthPrimaryUrn, (int)giver["receiverUrn"]!);
        Assert.Equal(1, (int)giver["capacityLeft"]!);
        Assert.Contains(giver["reasons"]!.AsArray(), r => (string)r!["sentence"]! == "Its latest trust judgement of curriculum and teaching is strong standard (16 November 2026).");

        // Agreed from the suggestion: the giver is now at its capacity, left out and refused a second episode.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJsonAsync("/api/support/episodes", new { need = needId, giver = World.NorthSecondaryUrn })).StatusCode);
        var episode = await (await leader.PostJsonAsync("/api/support/episodes", new
        {
            need = needId, giver = World.NorthSecondaryUrn, startsOn = "2026-11-23", endsOn = "2026-12-11", people = "The English lead with Year 5", aims = "Hinge questions",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var episodeId = (int)episode["episode"]!["id"]!;
        Assert.Equal(World.NorthSecondaryUrn, (int)episode["episode"]!["giverUrn"]!);
        Assert.Equal("curriculum-and-teaching", (string)episode["episode"]!["areaKey"]!);
        var after = await (await leader.GetAsync($"/api/support/needs/{needId}/suggestions")).ReadJsonAsync();
        Assert.Empty(after["givers"]!.AsArray());
        Assert.Equal(World.NorthSecondaryUrn, (int)after["atCapacity"]![0]!["urn"]!);
        var full = await (await leader.PostJsonAsync("/api/support/episodes", new
        {
            receiver = World.NorthPrimaryUrn, area = "inclusion", giver = World.NorthSecondaryUrn, startsOn = "2026-12-01", endsOn = "2026-12-05", people = "SENCos",
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Northgate Academy already gives 1 episode in the autumn term 2026/27, its capacity of 1", full["errors"]!.ToJsonString(), StringComparison.Ordinal);

        // The receiver's head sees it but may not decide; the trust ends it and records the impact from the data.
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/support/episodes/{episodeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/api/support/episodes/{episodeId}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(World.HarbourAdmin)).GetAsync($"/api/support/episodes/{episodeId}")).StatusCode);
        var ended = await (await leader.PostAsync($"/api/support/episodes/{episodeId}/end", null)).ReadJsonAsync();
        Assert.Equal("ended", (string)ended["episode"]!["status"]!);
        var recorded = await (await leader.PostJsonAsync($"/api/support/episodes/{episodeId}/impact", new { note = "Teachers use hinge questions." })).ReadJsonAsync();
        Assert.NotNull((string?)recorded["episode"]!["impact"]);
        Assert.Contains("Northgate Primary School", (string)recorded["episode"]!["impactSentence"]!, StringComparison.Ordinal);
        Assert.Equal("Teachers use hinge questions.", (string)recorded["episode"]!["impactNote"]!);

        var csv = await (await leader.GetAsync("/api/support/episodes.csv")).Content.ReadAsStringAsync();
        Assert.Contains($"{episodeId},{World.NorthSecondaryUrn},Northgate Academy,{World.NorthPrimaryUrn},Northgate Primary School", csv, StringComparison.Ordinal);
    }
}

public sealed class SupportThroughTheApiOnSqlite(SqliteApp app) : SupportThroughTheApi(app), IClassFixture<SqliteApp>;

public sealed class SupportThroughTheApiOnPostgres(PostgresApp app) : SupportThroughTheApi(app), IClassFixture<PostgresApp>;
