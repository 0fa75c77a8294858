using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Evidence;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>
/// PDSA cycles through the HTTP pipeline on each database: planned, carried through Do and Study and decided on the
/// pages (following links, submitting forms) and through the API; an adapted cycle opens the next one and an adopted
/// one spreads to another school; the rules are the use case's, so the page and the API refuse the same things with
/// the field named; governors read the summary without the team's working notes; a teacher outside the team reads
/// but cannot change.
/// </summary>
public abstract class CyclesOfAnEnquiry(StepwiseApp app)
{
    private const int Urn = World.NorthPrimaryUrn;
    private static readonly DateOnly Start = new(2026, 11, 2);
    private static readonly DateOnly Decided = new(2026, 11, 13);

    [Fact]
    public async Task A_teacher_runs_a_cycle_on_the_pages_adapts_it_and_plans_the_next_cycle_from_it()
    {
        app.EnsureAvailable();
        var seeded = await CycleSeed.EnquiryAsync(app, Urn, ["primary-year6"], [World.PrimaryTeacher]);
        var teacher = await app.SignInAsync(World.PrimaryTeacher);
        var cycles = $"/enquiries/{seeded.EnquiryId}/cycles";

        var planned = await teacher.SubmitAsync((await teacher.GetPageAsync($"{cycles}/new?idea={seeded.IdeaId}")).Form(), new Dictionary<string, string>
        {
            ["Input.Question"] = "Will paired reading every morning make Year 6 read more fluently?",
            ["Input.Prediction"] = "Words read correctly per minute rise by ten within three weeks.",
            ["Input.PlanWho"] = "Ms Okafor and the Year 6 teaching assistant",
            ["Input.PlanWhat"] = "Ten minutes of paired reading, stronger with weaker reader",
            ["Input.PlanWhen"] = "Every morning for three weeks",
            ["Input.PlanWhere"] = "Class 6B",
            ["Input.UnitId"] = $"{app.World.Units["primary-year6"].Id}",
            ["Input.StartsOn"] = Start.ToString("yyyy-MM-dd"),
            ["Input.MeasureIds"] = $"{seeded.TeamMeasureId}",
        }, $"{cycles}/new");
        var first = await planned.AssertRedirectAsync();
        Assert.Matches($@"^{cycles}/\d+$", first);

        var page = await teacher.GetPageAsync(first);
        Assert.Contains("Cycle 1: Paired reading every morning", page.Text("h1"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/enquiries/{seeded.EnquiryId}/measures/{seeded.TeamMeasureId}']"));
        await (await teacher.SubmitAsync(HandlerForm(page, "do"), new Dictionary<string, string> { ["Changes.WhatHappened"] = "Ran on 12 of 15 mornings; a trip took three." }, first)).AssertRedirectAsync();
        page = await teacher.GetPageAsync(first);
        await (await teacher.SubmitAsync(HandlerForm(page, "study"), new Dictionary<string, string> { ["Changes.Study"] = "Up by six words a minute, not ten: weaker readers lost their place." }, first)).AssertRedirectAsync();
        page = await teacher.GetPageAsync(first);
        await (await teacher.SubmitAsync(HandlerForm(page, "decision"), new Dictionary<string, string>
        {
            ["Act.Decision"] = "adapt", ["Act.DecidedOn"] = Decided.ToString("yyyy-MM-dd"), ["Act.Note"] = "Keep it, with a reading ruler for the weaker reader.",
        }, first)).AssertRedirectAsync();

        page = await teacher.GetPageAsync(first);
        Assert.Contains("Adapted", page.Text("section[aria-labelledby=act]"), StringComparison.Ordinal);
        var next = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Plan the next cycle").GetAttribute("href")!;
        var nextForm = await teacher.GetPageAsync(next);
        Assert.Equal("Will paired reading every morning make Year 6 read more fluently?", nextForm.QuerySelector("textarea[name='Input.Question']")!.TextContent.Trim());
        Assert.Equal($"{seeded.IdeaId}", ((IHtmlSelectElement)nextForm.QuerySelector("select[name='Input.ChangeIdeaId']")!).Value);
        var second = await (await teacher.SubmitAsync(nextForm.Form(), new Dictionary<string, string>
        {
            ["Input.Question"] = "Will a reading ruler keep weaker readers with their partner?",
            ["Input.StartsOn"] = Decided.AddDays(3).ToString("yyyy-MM-dd"),
        }, next)).AssertRedirectAsync();

        page = await teacher.GetPageAsync(second);
        Assert.Contains("Cycle 2", page.Text("h1"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='{first}']"));
        Assert.NotNull((await teacher.GetPageAsync(first)).QuerySelector($"a[href='{second}']"));

        // The API reads the same chain, the decision as its code.
        var api = await app.ClientForAsync(World.PrimaryTeacher);
        var listed = (await (await api.GetAsync($"/api{cycles}")).ReadJsonAsync()).AsArray();
        Assert.Equal([1, 2], listed.Select(c => (int)c!["number"]!));
        Assert.Equal(["adapt", null], listed.Select(c => (string?)c!["decision"]));
        Assert.Equal((int)listed[0]!["id"]!, (int)listed[1]!["previous"]!["id"]!);
        Assert.Equal((int)listed[1]!["id"]!, (int)listed[0]!["next"]![0]!["id"]!);
        Assert.Equal([seeded.TeamMeasureId], listed[1]!["measures"]!.AsArray().Select(m => (int)m!["id"]!));

        // A decision a later cycle follows can be corrected but not taken back.
        var errors = await ProblemsAsync(await api.PostJsonAsync($"/api{first}/decision", new { decision = (string?)null }));
        Assert.Contains("Cycle 2 follows this one", errors["decision"], StringComparison.Ordinal);
        var corrected = await (await api.PostJsonAsync($"/api{first}/decision", new { decision = "adapt", decidedOn = Decided.AddDays(1), note = "Decided at the Friday meeting." })).ReadJsonAsync();
        Assert.Equal(Decided.AddDays(1).ToString("yyyy-MM-dd"), (string)corrected["decidedOn"]!);
        Assert.True(await app.Stored.AuditedAsync(entity: nameof(PdsaCycle), key: (string)corrected["id"]!.ToString(), action: "Updated", summaryContains: "DecidedOn"), "the corrected decision is in the audit log");
    }

    [Fact]
    public async Task A_decision_without_a_study_is_refused_on_the_page_and_through_the_api_and_nothing_changes()
    {
        app.EnsureAvailable();
        var seeded = await CycleSeed.EnquiryAsync(app, Urn, ["primary-year6"], [World.PrimaryTeacher]);
        var api = await app.ClientForAsync(World.PrimaryTeacher);
        var cycle = await PlanAsync(api, seeded, "primary-year6");
        var url = $"/api/enquiries/{seeded.EnquiryId}/cycles/{(int)cycle["id"]!}";

        var errors = await ProblemsAsync(await api.PostJsonAsync($"{url}/decision", new { decision = "adopt", decidedOn = Decided }));
        Assert.Contains("Record the study", errors["decision"], StringComparison.Ordinal);
        await (await api.PutJsonAsync(url, new { whatHappened = "It ran." })).ReadJsonAsync();
        var browser = await app.SignInAsync(World.PrimaryTeacher);
        var page = await browser.GetPageAsync(url[4..]);
        var refused = await (await browser.SubmitAsync(HandlerForm(page, "decision"), new Dictionary<string, string> { ["Act.Decision"] = "abandon" }, url[4..])).ReadPageAsync();
        Assert.Contains(refused.Errors(), e => e.Contains("Record the study", StringComparison.Ordinal));

        await (await api.PutJsonAsync(url, new { study = "Fluency rose by four words a minute." })).ReadJsonAsync();
        errors = await ProblemsAsync(await api.PostJsonAsync($"{url}/decision", new { decision = "maybe", decidedOn = Decided }));
        Assert.Contains("adopt, adapt, abandon", errors["decision"], StringComparison.Ordinal);
        errors = await ProblemsAsync(await api.PostJsonAsync($"{url}/decision", new { decision = "adopt", decidedOn = Start.AddDays(-1) }));
        Assert.Contains("before the cycle started", errors["decidedOn"], StringComparison.Ordinal);
        Assert.Null((string?)(await (await api.GetAsync(url)).ReadJsonAsync())["decision"]);

        var adopted = await (await api.PostJsonAsync($"{url}/decision", new { decision = "adopt", decidedOn = Decided })).ReadJsonAsync();
        Assert.Equal("adopt", (string)adopted["decision"]!);
        errors = await ProblemsAsync(await api.PutJsonAsync(url, new { study = "" }));
        Assert.Contains("cannot be cleared", errors["study"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_with_an_idea_of_another_enquiry_a_unit_outside_the_team_or_no_measure_is_refused_naming_the_field()
    {
        app.EnsureAvailable();
        var seeded = await CycleSeed.EnquiryAsync(app, Urn, ["primary-year6"], [World.PrimaryTeacher]);
        var other = await CycleSeed.EnquiryAsync(app, Urn, ["primary-whole"], [World.PrimaryTeacher], "Punctual starts");
        var api = await app.ClientForAsync(World.PrimaryTeacher);
        var before = await app.Stored.CountAsync<PdsaCycle>();

        var errors = await ProblemsAsync(await api.PostJsonAsync($"/api/enquiries/{seeded.EnquiryId}/cycles", Plan(seeded, "primary-year6") with { changeIdeaId = other.IdeaId }));
        Assert.Contains("must be one of this enquiry's", errors["changeIdeaId"], StringComparison.Ordinal);
        errors = await ProblemsAsync(await api.PostJsonAsync($"/api/enquiries/{seeded.EnquiryId}/cycles", Plan(seeded, "primary-year6") with { changeIdeaId = seeded.SecondaryDriverId }));
        Assert.Contains("not a change idea", errors["changeIdeaId"], StringComparison.Ordinal);
        errors = await ProblemsAsync(await api.PostJsonAsync($"/api/enquiries/{seeded.EnquiryId}/cycles", Plan(seeded, "secondary-maths")));
        Assert.Contains("a unit of one of the team's schools", errors["unitId"], StringComparison.Ordinal);
        errors = await ProblemsAsync(await api.PostJsonAsync($"/api/enquiries/{seeded.EnquiryId}/cycles", Plan(seeded, "primary-year6") with { measureIds = [] }));
        Assert.Contains("at least one", errors["measureIds"], StringComparison.Ordinal);
        errors = await ProblemsAsync(await api.PostJsonAsync($"/api/enquiries/{seeded.EnquiryId}/cycles", Plan(seeded, "primary-year6") with { measureIds = [other.MetricMeasureId] }));
        Assert.Contains("the enquiry's own measures", errors["measureIds"], StringComparison.Ordinal);

        // The page refuses the same, naming the field.
        var browser = await app.SignInAsync(World.PrimaryTeacher);
        var form = (await browser.GetPageAsync($"/enquiries/{seeded.EnquiryId}/cycles/new?idea={seeded.IdeaId}")).Form();
        var refused = await (await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.Question"] = "Q?", ["Input.Prediction"] = "P." }, $"/enquiries/{seeded.EnquiryId}/cycles/new")).ReadPageAsync();
        Assert.Contains(refused.Errors(), e => e.Contains("Choose the unit", StringComparison.Ordinal));
        Assert.Contains(refused.Errors(), e => e.Contains("at least one of the enquiry's measures", StringComparison.Ordinal));
        Assert.NotNull(refused.QuerySelector("#Input_MeasureIds.field--error"));
        Assert.Equal(before, await app.Stored.CountAsync<PdsaCycle>());
    }

    [Fact]
    public async Task An_adopted_idea_spreads_to_a_unit_of_another_school_of_the_team_but_not_to_the_same_unit()
    {
        app.EnsureAvailable();
        var seeded = await CycleSeed.EnquiryAsync(app, Urn, ["primary-year6", "secondary-maths"], [World.PrimaryTeacher]);
        var api = await app.ClientForAsync(World.PrimaryTeacher);
        var first = await PlanAsync(api, seeded, "primary-year6");
        var url = $"/api/enquiries/{seeded.EnquiryId}/cycles";
        var firstId = (int)first["id"]!;
        var early = await ProblemsAsync(await api.PostJsonAsync(url, Plan(seeded, "secondary-maths") with { previousCycleId = firstId }));
        Assert.Contains("no decision yet", early["previousCycleId"], StringComparison.Ordinal);
        await (await api.PutJsonAsync($"{url}/{firstId}", new { whatHappened = "Ran every morning.", study = "Fluency up by eleven words a minute, as predicted." })).ReadJsonAsync();
        await (await api.PostJsonAsync($"{url}/{firstId}/decision", new { decision = "adopt", decidedOn = Decided, note = "Year 6 keeps it." })).ReadJsonAsync();

        var same = await ProblemsAsync(await api.PostJsonAsync(url, Plan(seeded, "primary-year6") with { previousCycleId = firstId, startsOn = Decided.AddDays(7) }));
        Assert.Contains("another unit or school", same["unitId"], StringComparison.Ordinal);
        var spread = await (await api.PostJsonAsync(url, Plan(seeded, "secondary-maths") with { previousCycleId = firstId, startsOn = Decided.AddDays(7) })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(World.NorthSecondaryUrn, (int)spread["schoolUrn"]!);
        Assert.Equal(firstId, (int)spread["previous"]!["id"]!);
        Assert.Equal("adopt", (string)spread["previous"]!["decision"]!);

        // The adopted cycle's page offers the spread, and shows where it went.
        var page = await (await app.SignInAsync(World.PrimaryTeacher)).GetPageAsync($"/enquiries/{seeded.EnquiryId}/cycles/{firstId}");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent.Contains("Spread the idea", StringComparison.Ordinal));
        Assert.Contains("Northgate Academy", page.Text("dl.summary-list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_added_to_a_cycle_on_its_page_and_through_the_api_is_the_one_evidence_model()
    {
        app.EnsureAvailable();
        await Plans.SeriesSeed.HalfTermsAsync(app, Urn, "attendance.overall-absence", "disadvantaged", [9.0, 8.5]);
        var seeded = await CycleSeed.EnquiryAsync(app, Urn, ["primary-year6"], [World.PrimaryTeacher]);
        var api = await app.ClientForAsync(World.PrimaryTeacher);
        var cycleId = (int)(await PlanAsync(api, seeded, "primary-year6"))["id"]!;
        var url = $"/enquiries/{seeded.EnquiryId}/cycles/{cycleId}";

        var browser = await app.SignInAsync(World.PrimaryTeacher);
        var page = await browser.GetPageAsync(url);
        await (await browser.SubmitAsync(HandlerForm(page, "evidence"), new Dictionary<string, string>
        {
            ["NewEvidence.Kind"] = "observation", ["NewEvidence.Title"] = "Learning walk, 6B", ["NewEvidence.Note"] = "Every pair reading by 8.50.",
        }, url)).AssertRedirectAsync();
        var measure = await (await api.PostJsonAsync($"/api{url}/evidence", new { metricKey = "attendance.overall-absence", group = "disadvantaged" })).ReadJsonAsync(HttpStatusCode.Created);

        var listed = (await (await api.GetAsync($"/api{url}/evidence")).ReadJsonAsync()).AsArray();
        Assert.Equal(["observation", "metric"], listed.Select(e => (string)e!["kind"]!));
        Assert.Equal(2, await app.Stored.CountAsync<EvidenceItem>(e => e.OwnerKind == EvidenceOwner.Cycle && e.OwnerId == cycleId));
        page = await browser.GetPageAsync(url);
        Assert.Contains("Learning walk, 6B", page.Text("ul.evidence"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"ul.evidence a[href='/schools/{Urn}/metrics/attendance.overall-absence?group=disadvantaged']"));
        var watched = page.QuerySelector($"a[href='/schools/{Urn}/metrics/attendance.overall-absence?group=disadvantaged']:not(ul.evidence a)");
        Assert.NotNull(watched); // the measure the cycle watches links to its chart

        // A governor reads the evidence but cannot add or remove any; the member removes it through the one evidence API.
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        Assert.Equal(2, (await (await governor.GetAsync($"/api{url}/evidence")).ReadJsonAsync()).AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PostJsonAsync($"/api{url}/evidence", new { title = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.DeleteAsync($"/api/evidence/{(int)measure["id"]!}")).StatusCode);
        await (await api.DeleteAsync($"/api/evidence/{(int)measure["id"]!}")).ReadJsonAsync();
        Assert.Single((await (await api.GetAsync($"/api{url}/evidence")).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task A_governor_sees_the_question_prediction_dates_and_decision_but_not_the_teams_working_notes()
    {
        app.EnsureAvailable();
        var seeded = await CycleSeed.EnquiryAsync(app, Urn, ["primary-year6"], [World.PrimaryTeacher]);
        var api = await app.ClientForAsync(World.PrimaryTeacher);
        var cycleId = (int)(await PlanAsync(api, seeded, "primary-year6"))["id"]!;
        var url = $"/enquiries/{seeded.EnquiryId}/cycles/{cycleId}";
        await (await api.PutJsonAsync($"/api{url}", new { whatHappened = "Two pupils refused to read aloud.", study = "The shy readers fell behind their partners." })).ReadJsonAsync();
        await (await api.PostJsonAsync($"/api{url}/decision", new { decision = "abandon", decidedOn = Decided, note = "Parents of two pupils complained." })).ReadJsonAsync();

        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var json = await (await governor.GetAsync($"/api{url}")).ReadJsonAsync();
        Assert.Equal("abandon", (string)json["decision"]!);
        Assert.Equal(Decided.ToString("yyyy-MM-dd"), (string)json["decidedOn"]!);
        Assert.Equal("Will paired reading every morning make Year 6 read more fluently?", (string)json["question"]!);
        Assert.True((bool)json["studied"]!);
        Assert.True((bool)json["doRecorded"]!);
        Assert.False((bool)json["detail"]!);
        var listed = await (await governor.GetAsync($"/api/enquiries/{seeded.EnquiryId}/cycles")).Content.ReadAsStringAsync();
        var page = await (await app.SignInAsync(World.PrimaryGovernor)).GetPageAsync(url);
        foreach (var shown in new[] { json.ToJsonString(), listed, page.Body!.TextContent })
        {
            Assert.DoesNotContain("refused to read aloud", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("shy readers", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Parents of two pupils", shown, StringComparison.Ordinal);
        }
        Assert.Contains("Abandoned", page.Text("section[aria-labelledby=act]"), StringComparison.Ordinal);
        Assert.Contains("The team has recorded its study.", page.Text("section[aria-labelledby=study]"), StringComparison.Ordinal);
        Assert.Contains("read more fluently", page.Text("section[aria-labelledby=plan]"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PutJsonAsync($"/api{url}", new { study = "Governors' view" })).StatusCode);

        // The team reads its notes.
        var member = await (await api.GetAsync($"/api{url}")).ReadJsonAsync();
        Assert.Equal("The shy readers fell behind their partners.", (string)member["study"]!);
    }

    [Fact]
    public async Task A_teacher_who_is_neither_a_member_nor_a_leader_of_the_team_reads_its_cycles_but_cannot_change_them()
    {
        app.EnsureAvailable();
        var seeded = await CycleSeed.EnquiryAsync(app, Urn, ["primary-year6"], []);
        var head = await app.ClientForAsync(World.PrimaryHead); // a leader of the team's unit
        var cycleId = (int)(await PlanAsync(head, seeded, "primary-year6"))["id"]!;
        var url = $"/enquiries/{seeded.EnquiryId}/cycles/{cycleId}";

        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        var json = await (await teacher.GetAsync($"/api{url}")).ReadJsonAsync();
        Assert.False((bool)json["canEdit"]!);
        Assert.True((bool)json["detail"]!); // staff of the team's schools read its working notes
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutJsonAsync($"/api{url}", new { whatHappened = "Not mine to say." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostJsonAsync($"/api{url}/decision", new { decision = "abandon", decidedOn = Decided })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostJsonAsync($"/api{url}/evidence", new { title = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostJsonAsync($"/api/enquiries/{seeded.EnquiryId}/cycles", Plan(seeded, "primary-year6"))).StatusCode);

        var browser = await app.SignInAsync(World.PrimaryTeacher);
        var page = await browser.GetPageAsync(url);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Contains("You can read this cycle", page.Text("main"), StringComparison.Ordinal);
        var refused = await browser.GetAsync($"/enquiries/{seeded.EnquiryId}/cycles/new?idea={seeded.IdeaId}");
        Assert.Contains("/access-denied", refused.Headers.Location?.ToString() ?? $"{refused.StatusCode}", StringComparison.Ordinal);
        Assert.Null(await app.QueryAsync(db => Task.FromResult(db.PdsaCycles.Single(c => c.Id == cycleId).WhatHappened)));
    }

    private sealed record PlanBody(int changeIdeaId, int unitId, string question, string prediction, DateOnly startsOn, int[] measureIds, int? previousCycleId = null, string? planWho = null);

    private PlanBody Plan(SeededEnquiry seeded, string unitKey) => new(seeded.IdeaId, app.World.Units[unitKey].Id,
        "Will paired reading every morning make Year 6 read more fluently?", "Words read correctly per minute rise by ten.", Start,
        [seeded.MetricMeasureId, seeded.TeamMeasureId], planWho: "Year 6 team");

    private async Task<JsonNode> PlanAsync(HttpClient api, SeededEnquiry seeded, string unitKey) =>
        await (await api.PostJsonAsync($"/api/enquiries/{seeded.EnquiryId}/cycles", Plan(seeded, unitKey))).ReadJsonAsync(HttpStatusCode.Created);

    private static IHtmlFormElement HandlerForm(IHtmlDocument page, string handler) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => (f.Action ?? "").Contains($"handler={handler}", StringComparison.Ordinal));

    private static async Task<Dictionary<string, string>> ProblemsAsync(HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        return body["errors"]!.AsObject().ToDictionary(e => e.Key, e => string.Join(" ", e.Value!.AsArray().Select(m => (string)m!)), StringComparer.OrdinalIgnoreCase);
    }
}

public sealed class CyclesOfAnEnquiryOnSqlite(SqliteApp app) : CyclesOfAnEnquiry(app), IClassFixture<SqliteApp>;

public sealed class CyclesOfAnEnquiryOnPostgres(PostgresApp app) : CyclesOfAnEnquiry(app), IClassFixture<PostgresApp>;
