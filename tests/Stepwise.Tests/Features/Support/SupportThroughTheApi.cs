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
            school = World.NorthPrimaryUrn, area = "curriculum-and-teaching", description = "Checking for understanding is inconsistent.",
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
        Assert.Equal("no-data", (string)recorded["episode"]!["impact"]!);
        Assert.Equal("The episode has no measure, so there is no data to read its impact from.", (string)recorded["episode"]!["impactSentence"]!);
        Assert.Equal("Teachers use hinge questions.", (string)recorded["episode"]!["impactNote"]!);

        var csv = await (await leader.GetAsync("/api/support/episodes.csv")).Content.ReadAsStringAsync();
        Assert.Contains($"{episodeId},{World.NorthSecondaryUrn},Northgate Academy,{World.NorthPrimaryUrn},Northgate Primary School", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trust_forms_a_network_of_two_schools_and_a_learning_team_and_an_episode_belong_to_it()
    {
        app.EnsureAvailable();
        var leader = await app.ClientForAsync(World.NorthLeader);
        var head = await app.ClientForAsync(World.PrimaryHead);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJsonAsync("/api/networks", new { name = "Mine", schools = new[] { World.NorthPrimaryUrn, World.NorthSecondaryUrn } })).StatusCode);
        var lonely = await (await leader.PostJsonAsync("/api/networks", new { name = "Alone", schools = new[] { World.NorthPrimaryUrn } })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Choose at least two schools", lonely["errors"]!.ToJsonString(), StringComparison.Ordinal);
        var network = await (await leader.PostJsonAsync("/api/networks", new
        {
            name = $"Reading network {app.ProviderName}", purpose = "Early reading", schools = new[] { World.NorthPrimaryUrn, World.NorthSecondaryUrn },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var networkId = (int)network["id"]!;

        await (await head.PostJsonAsync("/api/teams", new { name = $"Reading team {app.ProviderName}", unitIds = new[] { app.World.Units["primary-year6"].Id }, networkId }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var bad = await (await head.PostJsonAsync("/api/teams", new { name = "Nowhere team", unitIds = new[] { app.World.Units["primary-year6"].Id }, networkId = 999999 }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("There is no network 999999 in your trust.", bad["errors"]!.ToJsonString(), StringComparison.Ordinal);
        await (await leader.PostJsonAsync("/api/support/episodes", new
        {
            receiver = World.NorthSecondaryUrn, area = "achievement", giver = World.NorthPrimaryUrn, startsOn = "2027-01-11", endsOn = "2027-02-05", people = "Phonics leads", network = networkId,
        })).ReadJsonAsync(HttpStatusCode.Created);

        var seen = await (await head.GetAsync($"/api/networks/{networkId}")).ReadJsonAsync();
        Assert.Equal(1, (int)seen["teams"]!);
        Assert.Equal(1, (int)seen["episodes"]!);
        Assert.Equal(["Northgate Primary School"], seen["members"]!.AsArray().Select(m => (string)m!["name"]!).ToList());
        Assert.Equal(2, (await (await leader.GetAsync($"/api/networks/{networkId}")).ReadJsonAsync())["members"]!.AsArray().Count);
    }
}

public sealed class SupportThroughTheApiOnSqlite(SqliteApp app) : SupportThroughTheApi(app), IClassFixture<SqliteApp>;

public sealed class SupportThroughTheApiOnPostgres(PostgresApp app) : SupportThroughTheApi(app), IClassFixture<PostgresApp>;
