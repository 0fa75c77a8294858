using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Evidence;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Evidence;

/// <summary>
/// Evidence through the HTTP pipeline on each database: one model for a judgement's evidence and a priority's, added
/// and read the same way by the API and the pages, removed only by someone who may change what it supports, and bad
/// input refused with a message naming the field, storing nothing.
/// </summary>
public abstract class AddingAndRemovingEvidence(StepwiseApp app)
{
    private const int Urn = World.NorthPrimaryUrn;

    [Fact]
    public async Task A_school_leader_adds_a_measure_to_a_priority_reads_it_back_and_removes_it()
    {
        app.EnsureAvailable();
        await Plans.SeriesSeed.HalfTermsAsync(app, Urn, "attendance.overall-absence", "disadvantaged", [9.0, 8.5]); // the measure in the catalogue
        var head = await app.ClientForAsync(World.PrimaryHead);
        var priorityId = await PriorityAsync(head);

        var added = await (await head.PostJsonAsync($"/api/priorities/{priorityId}/evidence", new { metricKey = "attendance.overall-absence", group = "disadvantaged", note = "Falling since October." }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("metric", (string)added["kind"]!);
        Assert.Equal("disadvantaged", (string)added["group"]!);
        Assert.Equal((string)added["metricName"]!, ((string)added["title"]!).Split(':')[0]); // the title comes from the measure
        Assert.Equal(app.World.Person(World.PrimaryHead).DisplayName, (string)added["by"]!);
        await (await head.PostJsonAsync($"/api/priorities/{priorityId}/evidence", new { title = "Minutes", url = "https://example.org/minutes" })).ReadJsonAsync(HttpStatusCode.Created);

        var listed = (await (await head.GetAsync($"/api/priorities/{priorityId}/evidence")).ReadJsonAsync()).AsArray();
        Assert.Equal(["metric", "link"], listed.Select(e => (string)e!["kind"]!));
        var plan = await (await head.GetAsync($"/api/plans/{await PlanOfAsync(priorityId)}")).ReadJsonAsync();
        Assert.Equal(listed.Select(e => (int)e!["id"]!), plan["priorities"]![0]!["evidence"]!.AsArray().Select(e => (int)e!["id"]!));

        // The priority page lists the measure with a link to its chart.
        var page = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/priorities/{priorityId}");
        Assert.NotNull(page.QuerySelector($"ul.evidence a[href='/schools/{Urn}/metrics/attendance.overall-absence?group=disadvantaged']"));

        var removed = await (await head.DeleteAsync($"/api/evidence/{(int)added["id"]!}")).ReadJsonAsync();
        Assert.Equal((int)added["id"]!, (int)removed["id"]!);
        Assert.Equal(["link"], (await (await head.GetAsync($"/api/priorities/{priorityId}/evidence")).ReadJsonAsync()).AsArray().Select(e => (string)e!["kind"]!));
        Assert.True(await app.Stored.AuditedAsync(entity: nameof(EvidenceItem), key: ((int)added["id"]!).ToString(), action: "Deleted"),
            "the removal is in the audit log");
    }

    [Fact]
    public async Task Evidence_added_to_a_judgement_later_shows_with_the_judgement_and_a_governor_can_read_but_not_change_it()
    {
        app.EnsureAvailable();
        await InstallOfstedAsync();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var judgement = await (await head.PostJsonAsync($"/api/schools/{Urn}/judgements", new { framework = "ofsted-2025", area = "inclusion", grade = "strong-standard" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var judgementId = (int)judgement["id"]!;

        var visit = await (await head.PostJsonAsync($"/api/judgements/{judgementId}/evidence", new { kind = "visit", title = "Governor visit, SEND", url = "/schools/990001/visits" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("visit", (string)visit["kind"]!);
        var evaluation = await (await head.GetAsync($"/api/schools/{Urn}/self-evaluation?framework=ofsted-2025")).ReadJsonAsync();
        var inclusion = evaluation["areas"]!.AsArray().Single(a => (string)a!["key"]! == "inclusion")!;
        Assert.Contains(inclusion["self"]!["evidence"]!.AsArray(), e => (int)e!["id"]! == (int)visit["id"]!);

        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        Assert.Single((await (await governor.GetAsync($"/api/judgements/{judgementId}/evidence")).ReadJsonAsync()).AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PostJsonAsync($"/api/judgements/{judgementId}/evidence", new { title = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.DeleteAsync($"/api/evidence/{(int)visit["id"]!}")).StatusCode);
        Assert.Single((await (await head.GetAsync($"/api/judgements/{judgementId}/evidence")).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task Bad_evidence_gets_a_message_naming_the_field_and_stores_nothing()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var priorityId = await PriorityAsync(head);
        var before = await app.Stored.CountAsync<EvidenceItem>();

        var errors = await ProblemsAsync(await head.PostJsonAsync($"/api/priorities/{priorityId}/evidence", new { title = "Click", url = "javascript:alert(1)" }));
        Assert.Contains("must start with https://", errors["url"], StringComparison.Ordinal);
        errors = await ProblemsAsync(await head.PostJsonAsync($"/api/priorities/{priorityId}/evidence", new { kind = "metric", metricKey = "attendance.happiness" }));
        Assert.Contains("no metric \"attendance.happiness\"", errors["metricKey"], StringComparison.Ordinal);
        errors = await ProblemsAsync(await head.PostJsonAsync($"/api/priorities/{priorityId}/evidence", new { kind = "rumour", title = "Heard" }));
        Assert.Contains("must be one of", errors["kind"], StringComparison.Ordinal);
        errors = await ProblemsAsync(await head.PostJsonAsync($"/api/priorities/{priorityId}/evidence", new { kind = "note" }));
        Assert.Equal("Give it a title.", errors["title"]);

        // The page names the field too.
        var browser = await app.SignInAsync(World.PrimaryHead);
        var page = await browser.GetPageAsync($"/priorities/{priorityId}");
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => (f.Action ?? "").Contains("handler=evidence", StringComparison.Ordinal));
        var refused = await (await browser.SubmitAsync(form, new Dictionary<string, string> { ["NewEvidence.Title"] = "Click", ["NewEvidence.Url"] = "javascript:alert(1)" }, $"/priorities/{priorityId}"))
            .ReadPageAsync();
        Assert.Contains(refused.Errors(), e => e.Contains("must start with https://", StringComparison.Ordinal));
        Assert.Equal(before, await app.Stored.CountAsync<EvidenceItem>());
    }

    [Fact]
    public async Task The_area_api_answers_with_what_the_area_page_shows()
    {
        app.EnsureAvailable();
        await InstallOfstedAsync();
        var head = await app.ClientForAsync(World.PrimaryHead);
        await (await head.PostJsonAsync($"/api/schools/{Urn}/judgements", new
        {
            framework = "ofsted-2025", area = "achievement", grade = "expected-standard", evidence = new[] { new { kind = "survey", title = "Pupil survey", note = "Most pupils enjoy reading." } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var evaluation = await (await head.GetAsync($"/api/schools/{Urn}/self-evaluation?framework=ofsted-2025")).ReadJsonAsync();
        var areaId = (int)evaluation["areas"]!.AsArray().Single(a => (string)a!["key"]! == "achievement")!["areaId"]!;

        var area = await (await head.GetAsync($"/api/schools/{Urn}/self-evaluation/areas/{areaId}")).ReadJsonAsync();
        Assert.Equal(["self"], area["canRecord"]!.AsArray().Select(s => (string)s!));
        var page = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/schools/{Urn}/self-evaluation/areas/{areaId}");
        var shown = page.QuerySelectorAll("article.judgement ul.evidence li").Select(li => li.TextContent).ToList();
        Assert.Equal(area["area"]!["history"]!.AsArray().SelectMany(j => j!["evidence"]!.AsArray()).Count(), shown.Count);
        Assert.Contains(shown, s => s.Contains("Pupil survey", StringComparison.Ordinal) && s.Contains("Most pupils enjoy reading.", StringComparison.Ordinal));
        Assert.Equal(area["canRecord"]!.AsArray().Count, page.QuerySelectorAll("select[name='Input.Source'] option").Length);

        var governor = await (await app.ClientForAsync(World.PrimaryGovernor)).GetAsync($"/api/schools/{Urn}/self-evaluation/areas/{areaId}");
        Assert.Empty((await governor.ReadJsonAsync())["canRecord"]!.AsArray());
    }

    private async Task<int> PriorityAsync(HttpClient head)
    {
        var plan = await (await head.PostJsonAsync($"/api/schools/{Urn}/plans", new { kind = "year", title = "Evidence plan", academicYear = "2026/27" })).ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await head.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title = "Attendance" })).ReadJsonAsync(HttpStatusCode.Created);
        return (int)priority["id"]!;
    }

    private Task<int> PlanOfAsync(int priorityId) => app.Stored.PlanIdOfAsync(priorityId);

    private async Task InstallOfstedAsync()
    {
        var leader = await app.ClientForAsync(World.NorthLeader);
        var response = await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Dictionary<string, string>> ProblemsAsync(HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        return body["errors"]!.AsObject().ToDictionary(e => e.Key, e => string.Join(" ", e.Value!.AsArray().Select(m => (string)m!)), StringComparer.OrdinalIgnoreCase);
    }
}

public sealed class AddingAndRemovingEvidenceOnSqlite(SqliteApp app) : AddingAndRemovingEvidence(app), IClassFixture<SqliteApp>;

public sealed class AddingAndRemovingEvidenceOnPostgres(PostgresApp app) : AddingAndRemovingEvidence(app), IClassFixture<PostgresApp>;
