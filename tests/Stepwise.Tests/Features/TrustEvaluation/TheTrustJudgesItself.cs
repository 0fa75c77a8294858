using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.TrustEvaluation;

/// <summary>
/// Issue 22's trust self-evaluation: the trust quality pillars added from the trust's own page, a pillar judged through
/// its form (bad input named by field) with its history, the same through the API, and the walls between levels:
/// schools never judge themselves against a trust-level framework and the trust never against a school-level one.
/// </summary>
public abstract class TheTrustJudgesItself(StepwiseApp app)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_trust_admin_adds_the_pillars_from_the_trust_page_judges_school_improvement_twice_and_sees_the_latest_grade_who_and_when_and_the_history()
    {
        app.EnsureAvailable();
        var admin = await app.SignInAsync(World.HarbourAdmin);

        // From the trust's details to its self-evaluation, where the pillars are added from the library.
        var trust = await admin.GetPageAsync("/trust");
        var empty = await admin.GetPageAsync(trust.QuerySelector("a[href='/trust/self-evaluation']")!.GetAttribute("href")!);
        Assert.Contains("no trust-level framework", empty.Text(".lede"), StringComparison.Ordinal);
        Assert.Equal("/trust/self-evaluation", await (await admin.SubmitAsync(empty.Form("form[action*='handler=Add']"))).AssertRedirectAsync());

        var evaluation = await admin.GetPageAsync("/trust/self-evaluation");
        var pillars = evaluation.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["High-quality and inclusive education", "School improvement", "Workforce", "Finance and operations", "Governance and leadership"], pillars);
        Assert.All(evaluation.QuerySelectorAll("tbody tr"), row => Assert.Contains("Not judged", row.TextContent, StringComparison.Ordinal));

        // Follow the pillar's link; the form names what is wrong and stores nothing.
        var areaUrl = evaluation.QuerySelectorAll("tbody th a").Single(a => a.TextContent.Trim() == "School improvement").GetAttribute("href")!;
        var area = await admin.GetPageAsync(areaUrl);
        var refused = await (await admin.SubmitAsync(area.Form(), new Dictionary<string, string>
        {
            ["Input.JudgedOn"] = Iso(app.Today.AddDays(3)),
        }, areaUrl)).ReadPageAsync();
        Assert.Contains("Choose a grade for School improvement.", refused.Errors());
        Assert.Contains(refused.Errors(), e => e.StartsWith("The date of the judgement cannot be in the future", StringComparison.Ordinal));
        Assert.NotNull(refused.QuerySelector("a[href='#Input_Grade']"));
        var wrongGrade = await (await admin.SubmitAsync(area.Form(), new Dictionary<string, string> { ["Input.Grade"] = "Outstanding" }, areaUrl)).ReadPageAsync();
        Assert.Contains(wrongGrade.Errors(), e => e.StartsWith("\"Outstanding\" is not on the scale for School improvement", StringComparison.Ordinal));
        Assert.Contains("The trust has not judged this area yet.", (await admin.GetPageAsync(areaUrl)).Text("main"), StringComparison.Ordinal);

        // Two judgements a month apart: the latest leads, both stay in the history.
        await (await admin.SubmitAsync((await admin.GetPageAsync(areaUrl)).Form(), new Dictionary<string, string>
        {
            ["Input.Grade"] = "Developing",
            ["Input.Strengths"] = "Every school is reviewed on a calendar.",
            ["Input.AreasForDevelopment"] = "Support between schools is arranged case by case.",
            ["Input.JudgedOn"] = Iso(app.Today.AddDays(-30)),
        }, areaUrl)).AssertRedirectAsync();
        var back = await (await admin.SubmitAsync((await admin.GetPageAsync(areaUrl)).Form(), new Dictionary<string, string>
        {
            ["Input.Grade"] = "Secure",
            ["Input.Strengths"] = "Support is brokered against needs and its impact read from the data.",
        }, areaUrl)).AssertRedirectAsync();
        var judged = await admin.GetPageAsync(back);
        Assert.Equal("Secure", judged.Text(".facts .fact dd"));
        Assert.Equal(["Secure", "Developing"], judged.QuerySelectorAll("article.judgement h3").Select(h => h.TextContent.Trim()).ToList());
        Assert.Contains("Support between schools is arranged case by case.", judged.Text("main"), StringComparison.Ordinal);

        var row = (await admin.GetPageAsync("/trust/self-evaluation")).QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == "School improvement");
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Secure", "Harry Harbour", Stepwise.Features.Shared.Display.Date(app.Today), "2"], cells);
    }

    [Fact]
    public async Task Through_the_api_the_trust_records_a_pillar_bad_fields_are_named_and_neither_level_is_offered_where_the_other_belongs()
    {
        app.EnsureAvailable();
        var leader = await app.ClientForAsync(World.NorthLeader);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        var added = await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "trust-quality" })).ReadJsonAsync();
        var frameworkId = (int)added["framework"]!["id"]!;
        Assert.Equal("trust", (string)added["framework"]!["level"]!);
        Assert.Equal("trust", (string)(await (await leader.GetAsync($"/api/frameworks/{frameworkId}/versions/1")).ReadJsonAsync())["level"]!);
        var listed = (await (await leader.GetAsync("/api/frameworks")).ReadJsonAsync()).AsArray();
        Assert.Equal("school", (string)listed.Single(f => (string)f!["key"]! == "ofsted-2025")!["level"]!);

        // Each field that is wrong is named.
        var bad = await Problems(await leader.PostJsonAsync("/api/trust/self-evaluation/judgements", new
        {
            framework = "trust-quality", area = "workforce", grade = "Outstanding", judgedOn = Iso(app.Today.AddDays(1)),
        }));
        Assert.StartsWith("\"Outstanding\" is not on the scale for Workforce", (string)bad["grade"]![0]!, StringComparison.Ordinal);
        Assert.StartsWith("The date of the judgement cannot be in the future", (string)bad["judgedOn"]![0]!, StringComparison.Ordinal);
        var noArea = await Problems(await leader.PostJsonAsync("/api/trust/self-evaluation/judgements", new { framework = "trust-quality", area = "pupils", grade = "strong" }));
        Assert.Contains("has no area \"pupils\"", (string)noArea["area"]![0]!, StringComparison.Ordinal);
        // The trust does not judge itself against a school-level framework…
        var schoolLevel = await Problems(await leader.PostJsonAsync("/api/trust/self-evaluation/judgements", new { framework = "ofsted-2025", area = "inclusion", grade = "exceptional" }));
        Assert.Contains("school-level framework", (string)schoolLevel["framework"]![0]!, StringComparison.Ordinal);
        // …and a school does not judge itself against a trust-level one, nor see it offered.
        var head = await app.ClientForAsync(World.PrimaryHead);
        var schoolJudgement = await Problems(await head.PostJsonAsync($"/api/schools/{World.NorthPrimaryUrn}/judgements", new { framework = "trust-quality", area = "workforce", grade = "strong" }));
        Assert.NotNull(schoolJudgement["framework"]);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/schools/{World.NorthPrimaryUrn}/self-evaluation?framework=trust-quality")).StatusCode);
        var schoolPage = await head.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/self-evaluation");
        Assert.Equal(["ofsted-2025"], schoolPage.QuerySelectorAll("#framework option").Select(o => ((IHtmlOptionElement)o).Value).ToList());
        var arrange = await (await app.SignInAsync(World.NorthLeader)).GetPageAsync("/peer-reviews/new");
        Assert.NotNull(arrange.QuerySelector("option[value='ofsted-2025']"));
        Assert.Null(arrange.QuerySelector("option[value='trust-quality']"));
        // A school leader neither reads the trust's self-evaluation nor records one.
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/api/trust/self-evaluation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJsonAsync("/api/trust/self-evaluation/judgements", new { framework = "trust-quality", area = "workforce", grade = "strong" })).StatusCode);

        var recorded = await (await leader.PostJsonAsync("/api/trust/self-evaluation/judgements", new
        {
            framework = "trust-quality", area = "workforce", grade = "strong", strengths = "Coaching in every school.",
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("Strong", 2, 5, "Dana Director"), ((string)recorded["gradeName"]!, (int)recorded["rank"]!, (int)recorded["scaleSize"]!, (string)recorded["by"]!));

        // Judged, the version is in use: it can no longer be changed, only followed by a next version.
        var pillars = (await (await leader.GetAsync("/api/frameworks")).ReadJsonAsync()).AsArray().Single(f => (string)f!["key"]! == "trust-quality")!;
        Assert.True((bool)pillars["versions"]![0]!["used"]!);

        var read = await (await leader.GetAsync("/api/trust/self-evaluation")).ReadJsonAsync();
        Assert.Equal("trust-quality", (string)read["evaluation"]!["frameworkKey"]!);
        Assert.Contains("trust-quality", read["frameworks"]!.AsArray().Select(f => (string)f!["key"]!));
        Assert.DoesNotContain("ofsted-2025", read["frameworks"]!.AsArray().Select(f => (string)f!["key"]!));
        var workforce = read["evaluation"]!["areas"]!.AsArray().Single(a => (string)a!["key"]! == "workforce")!;
        Assert.Equal(("strong", "Dana Director", Iso(app.Today)), ((string)workforce["latest"]!["grade"]!, (string)workforce["latest"]!["by"]!, (string)workforce["latest"]!["judgedOn"]!));
        var areaRead = await (await leader.GetAsync($"/api/trust/self-evaluation/areas/{(int)workforce["areaId"]!}")).ReadJsonAsync();
        Assert.Equal("Coaching in every school.", (string)areaRead["area"]!["history"]![0]!["strengths"]!);
        // A school-level area is not one of the trust's.
        var schoolArea = (int)(await (await head.GetAsync($"/api/schools/{World.NorthPrimaryUrn}/self-evaluation")).ReadJsonAsync())["areas"]![0]!["areaId"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/trust/self-evaluation/areas/{schoolArea}")).StatusCode);
    }

    [Fact]
    public async Task An_imported_framework_keeps_its_level_and_a_level_that_is_not_school_or_trust_is_named()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync(World.NorthAdmin);
        object Definition(string? level) => new
        {
            key = "board-review", name = "Board review", level,
            scales = new[] { new { key = "three", name = "Three-point", grades = new[] { new { key = "good", name = "Good" }, new { key = "fair", name = "Fair" }, new { key = "poor", name = "Poor" } } } },
            areas = new[] { new { key = "oversight", name = "Oversight", scale = "three" } },
        };
        var wrong = await Problems(await admin.PostJsonAsync("/api/frameworks", Definition("district")));
        Assert.Contains("not \"district\"", (string)wrong["level"]![0]!, StringComparison.Ordinal);
        var imported = await (await admin.PostJsonAsync("/api/frameworks", Definition("trust"))).ReadJsonAsync();
        Assert.Equal("trust", (string)imported["framework"]!["level"]!);
        var otherLevel = await Problems(await admin.PostJsonAsync("/api/frameworks", Definition("school")));
        Assert.Contains("is a trust-level framework", (string)otherLevel["level"]![0]!, StringComparison.Ordinal);
        // Left out, the level stays as it was: the same content again changes nothing.
        var again = await (await admin.PostJsonAsync("/api/frameworks", Definition(null))).ReadJsonAsync();
        Assert.False((bool)again["changed"]!);
        Assert.Equal("trust", (string)again["framework"]!["level"]!);
    }

    private static async Task<JsonNode> Problems(HttpResponseMessage response) =>
        (await response.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!;
}

public sealed class TheTrustJudgesItselfOnSqlite(SqliteApp app) : TheTrustJudgesItself(app), IClassFixture<SqliteApp>;

public sealed class TheTrustJudgesItselfOnPostgres(PostgresApp app) : TheTrustJudgesItself(app), IClassFixture<PostgresApp>;

/// <summary>The trust's self-evaluation API is described in OpenAPI, reading and writing, for scripts to use.</summary>
public sealed class TrustSelfEvaluationInOpenApi(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_openapi_description_has_the_trusts_self_evaluation_to_read_and_a_judgement_to_record()
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document["paths"]!.AsObject();
        Assert.NotNull(paths["/api/trust/self-evaluation"]!["get"]);
        Assert.NotNull(paths["/api/trust/self-evaluation/areas/{areaId}"]!["get"]);
        Assert.NotNull(paths["/api/trust/self-evaluation/judgements"]!["post"]);
    }
}
