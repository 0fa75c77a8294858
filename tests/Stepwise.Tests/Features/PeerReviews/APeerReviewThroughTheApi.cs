using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.PeerReviews;

/// <summary>
/// Issue 20's peer reviews through the API: arranged by the trust, the host proposes its area of excellence, the team
/// estimates, completion is refused while a focus area has none, and once complete the estimates stand beside the
/// school's own and the trust's judgement in self-evaluation and are counted by moderation. And who may see a review.
/// </summary>
public abstract class APeerReviewThroughTheApi(StepwiseApp app)
{
    private static JsonNode Area(JsonNode evaluation, string key) => evaluation["areas"]!.AsArray().Single(a => (string)a!["key"]! == key)!;

    private async Task InstallOfstedAsync()
    {
        var leader = await app.ClientForAsync(World.NorthLeader);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
    }

    private async Task<int> ArrangeAsync(int urn, string[] areas, string[] team, string lead)
    {
        var leader = await app.ClientForAsync(World.NorthLeader);
        var review = await (await leader.PostJsonAsync("/api/peer-reviews", new
        {
            school = urn, startsOn = "2026-11-02", endsOn = "2026-11-03", areas, team, lead,
        })).ReadJsonAsync(HttpStatusCode.Created);
        return (int)review["id"]!;
    }

    [Fact]
    public async Task A_review_is_arranged_estimated_refused_completion_while_an_area_is_missing_then_completed_and_self_evaluation_shows_and_counts_it()
    {
        app.EnsureAvailable();
        await InstallOfstedAsync();
        const int urn = World.NorthSecondaryUrn;
        var head = await app.ClientForAsync(World.SecondaryHead);
        var leader = await app.ClientForAsync(World.NorthLeader);
        await (await head.PostJsonAsync($"/api/schools/{urn}/judgements", new { framework = "ofsted-2025", area = "curriculum-and-teaching", grade = "strong-standard" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await head.PostJsonAsync($"/api/schools/{urn}/judgements", new { framework = "ofsted-2025", area = "attendance-and-behaviour", grade = "expected-standard" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await leader.PostJsonAsync($"/api/schools/{urn}/judgements", new { framework = "ofsted-2025", area = "curriculum-and-teaching", grade = "expected-standard", source = "trust" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        // Arranged by the trust: a lead from the primary and one of its teachers, on the starter scale adopted as version 1.
        var refused = await (await leader.PostJsonAsync("/api/peer-reviews", new
        {
            school = urn, startsOn = "2026-11-02", endsOn = "2026-11-01", areas = new[] { "no-such-area" }, team = new[] { World.SecondaryHead }, lead = World.SecondaryHead,
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = refused["errors"]!.ToJsonString();
        Assert.Contains("The last day must be on or after the first day.", errors, StringComparison.Ordinal);
        Assert.Contains("no area \\u0022no-such-area\\u0022", errors, StringComparison.Ordinal);
        Assert.Contains("reviewers come from other schools of the trust", errors, StringComparison.Ordinal);

        var id = await ArrangeAsync(urn, ["curriculum-and-teaching", "attendance-and-behaviour"], [World.PrimaryHead, World.PrimaryTeacher], World.PrimaryHead);
        var review = await (await leader.GetAsync($"/api/peer-reviews/{id}")).ReadJsonAsync();
        Assert.Equal("planned", (string)review["status"]!);
        Assert.Equal(1, (int)review["scale"]!["number"]!);
        Assert.Equal(["Leading", "Effective", "Working towards effective", "Ineffective"], review["scale"]!["points"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.Equal("Northgate Primary School", (string)review["team"]![0]!["fromSchool"]!);
        Assert.True((bool)review["team"]![0]!["isLead"]!);

        // The host's leaders propose the area of excellence; a reviewer may not.
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutJsonAsync($"/api/peer-reviews/{id}/area-of-excellence", new { areaOfExcellence = "Ours" })).StatusCode);
        await (await head.PutJsonAsync($"/api/peer-reviews/{id}/area-of-excellence", new { areaOfExcellence = "Sixth-form mentoring of Year 7 readers" })).ReadJsonAsync();

        // A reviewer estimates one area; completion is refused, naming the other.
        await (await teacher.PutJsonAsync($"/api/peer-reviews/{id}/findings", new
        {
            areas = new[] { new { area = "curriculum-and-teaching", estimate = "effective", rationale = "Well sequenced in every subject we saw." } },
        })).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsync($"/api/peer-reviews/{id}/complete", null)).StatusCode);
        var lead = await app.ClientForAsync(World.PrimaryHead);
        var notYet = await (await lead.PostAsync($"/api/peer-reviews/{id}/complete", null)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("no estimate: Attendance and behaviour", notYet["errors"]!["areas"]![0]!.ToString(), StringComparison.Ordinal);
        var wrongPoint = await (await lead.PutJsonAsync($"/api/peer-reviews/{id}/findings", new { areas = new[] { new { area = "attendance-and-behaviour", estimate = "outstanding" } } }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("\\u0022outstanding\\u0022 is not a point of the review\\u0027s scale", wrongPoint["errors"]!.ToJsonString(), StringComparison.Ordinal);

        // The lead estimates the other (by the point's name), writes the findings and completes the review.
        await (await lead.PutJsonAsync($"/api/peer-reviews/{id}/findings", new
        {
            areas = new[]
            {
                new { area = "curriculum-and-teaching", estimate = "effective", rationale = "Well sequenced in every subject we saw." },
                new { area = "attendance-and-behaviour", estimate = "Ineffective", rationale = "Persistent absence has risen two terms running." },
            },
            areaOfExcellenceFinding = "Confirmed: the mentoring is planned and its effect measured.",
            strengths = "Calm corridors.", nextSteps = "Act on absence weekly.",
        })).ReadJsonAsync();
        var completed = await (await lead.PostAsync($"/api/peer-reviews/{id}/complete", null)).ReadJsonAsync();
        Assert.Equal("completed", (string)completed["status"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutJsonAsync($"/api/peer-reviews/{id}/findings", new { strengths = "Changed" })).StatusCode);

        // Self-evaluation: the peer estimate beside the school's and the trust's, compared by position on each scale.
        var evaluation = await (await head.GetAsync($"/api/schools/{urn}/self-evaluation")).ReadJsonAsync();
        var curriculum = Area(evaluation, "curriculum-and-teaching");
        Assert.Equal("Strong standard", (string)curriculum["self"]!["gradeName"]!);
        Assert.Equal("Expected standard", (string)curriculum["trust"]!["gradeName"]!);
        Assert.Equal("Effective", (string)curriculum["peer"]!["estimateName"]!);
        Assert.Equal(["Northgate Primary School"], curriculum["peer"]!["reviewingSchools"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(id, (int)curriculum["peer"]!["reviewId"]!);
        Assert.Equal("agrees", (string)curriculum["peerAgreement"]!);
        Assert.Equal("lower", (string)Area(evaluation, "attendance-and-behaviour")["peerAgreement"]!);
        Assert.Equal("none", (string)Area(evaluation, "inclusion")["peerAgreement"]!);

        var areaId = (int)curriculum["areaId"]!;
        var oneArea = await (await head.GetAsync($"/api/schools/{urn}/self-evaluation/areas/{areaId}")).ReadJsonAsync();
        Assert.Equal("Effective", (string)oneArea["area"]!["peer"]!["estimateName"]!);
        var page = await head.GetPageAsync($"/schools/{urn}/self-evaluation/areas/{areaId}");
        Assert.Contains("Effective", page.QuerySelector($"a[href='/peer-reviews/{id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Well sequenced in every subject we saw.", page.Text("main"), StringComparison.Ordinal);

        var moderation = await head.GetPageAsync($"/schools/{urn}/self-evaluation/moderation");
        Assert.Equal(
            "Against the latest peer review, on 2 areas both have judged: the peer estimate agrees with the school's own judgement on 1, is higher on 0 and lower on 1. Review points and framework grades are compared by where each sits on its own scale.",
            moderation.Text("#peer-count"));
        var summary = await head.GetPageAsync($"/schools/{urn}/self-evaluation/summary");
        var row = summary.QuerySelectorAll("#at-a-glance + table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Curriculum and teaching");
        Assert.Equal(["Strong standard", "Expected standard"], row.QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()));
        Assert.StartsWith("Effective", row.QuerySelectorAll("td")[2].TextContent.Trim(), StringComparison.Ordinal);

        // The lead corrects the completed review; the change is in the audit log.
        await (await lead.PutJsonAsync($"/api/peer-reviews/{id}/findings", new
        {
            areas = new[] { new { area = "attendance-and-behaviour", estimate = "working-towards-effective", rationale = "Corrected after the school's figures for last week." } },
            areaOfExcellenceFinding = "Confirmed: the mentoring is planned and its effect measured.", strengths = "Calm corridors.", nextSteps = "Act on absence weekly.",
        })).ReadJsonAsync();
        Assert.True(await app.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Entity == "PeerReviewArea" && e.Summary.Contains("working-towards-effective"))));
        var corrected = await (await head.GetAsync($"/api/schools/{urn}/self-evaluation")).ReadJsonAsync();
        Assert.Equal("agrees", (string)Area(corrected, "attendance-and-behaviour")["peerAgreement"]!);
    }

    [Fact]
    public async Task A_teacher_of_another_school_sees_a_review_only_when_on_its_team_and_a_governor_of_the_host_sees_it_once_completed()
    {
        app.EnsureAvailable();
        await InstallOfstedAsync();
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        var notOnIt = await ArrangeAsync(World.NorthSecondaryUrn, ["inclusion"], [World.NorthAdmin], World.NorthAdmin);
        var onIt = await ArrangeAsync(World.NorthSecondaryUrn, ["inclusion"], [World.PrimaryTeacher], World.PrimaryTeacher);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/peer-reviews/{notOnIt}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/peer-reviews/{notOnIt}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/api/peer-reviews/{onIt}")).StatusCode);
        var listed = (await (await teacher.GetAsync("/api/peer-reviews")).ReadJsonAsync()).AsArray().Select(r => (int)r!["id"]!).ToList();
        Assert.Contains(onIt, listed);
        Assert.DoesNotContain(notOnIt, listed);

        // Of the host: its leaders see the planned review, its governor not until it is completed, and then only to read.
        var ofPrimary = await ArrangeAsync(World.NorthPrimaryUrn, ["inclusion"], [World.SecondaryHead], World.SecondaryHead);
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(World.PrimaryHead)).GetAsync($"/api/peer-reviews/{ofPrimary}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await governor.GetAsync($"/api/peer-reviews/{ofPrimary}")).StatusCode);
        var lead = await app.ClientForAsync(World.SecondaryHead);
        await (await lead.PutJsonAsync($"/api/peer-reviews/{ofPrimary}/findings", new { areas = new[] { new { area = "inclusion", estimate = "effective" } } })).ReadJsonAsync();
        await (await lead.PostAsync($"/api/peer-reviews/{ofPrimary}/complete", null)).ReadJsonAsync();
        Assert.Equal("Effective", (string)(await (await governor.GetAsync($"/api/peer-reviews/{ofPrimary}")).ReadJsonAsync())["areas"]![0]!["estimateName"]!);
        Assert.Equal(HttpStatusCode.OK, (await governor.GetAsync($"/peer-reviews/{ofPrimary}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PutJsonAsync($"/api/peer-reviews/{ofPrimary}/findings", new { strengths = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PostJsonAsync("/api/peer-reviews", new { school = World.NorthPrimaryUrn })).StatusCode);
    }
}

public sealed class APeerReviewThroughTheApiOnSqlite(SqliteApp app) : APeerReviewThroughTheApi(app), IClassFixture<SqliteApp>;

public sealed class APeerReviewThroughTheApiOnPostgres(PostgresApp app) : APeerReviewThroughTheApi(app), IClassFixture<PostgresApp>;
