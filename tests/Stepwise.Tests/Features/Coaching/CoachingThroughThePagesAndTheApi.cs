using System.Net;
using Stepwise.Features.Coaching;
using Stepwise.Tests.Features.SharedLanguage;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Coaching;

/// <summary>
/// Issue 20, coaching end to end: a head pairs a teacher with a coach on the school's coaching page; the teacher
/// agrees a step from the trust's library, checks back, secures it, agrees the next in their own words and writes a
/// note, following links and submitting forms; bad input is answered with the field and the reason; leaders'
/// overviews show counts only, and step and check-back counts only from three active pairs; a step is due soon and
/// overdue by the app's clock.
/// </summary>
public abstract class CoachingThroughThePagesAndTheApi(StepwiseApp app)
{
    [Fact]
    public async Task A_head_pairs_a_teacher_with_a_coach_and_the_teacher_agrees_a_library_step_checks_back_secures_it_and_writes_a_note_on_the_pages()
    {
        app.EnsureAvailable();
        var language = await LanguageSeed.PublishedAsync(app);
        await CoachingSeed.PeopleAsync(app);
        var head = await app.ClientForAsync(World.PrimaryHead);
        const string url = $"/schools/990101/coaching";
        var page = await head.GetPageAsync(url);
        var refused = await (await head.SubmitAsync(page.Form("form.arrange-form"), new Dictionary<string, string>
        {
            ["Input.Teacher"] = CoachingSeed.PrimaryTeacher3, ["Input.Coach"] = CoachingSeed.PrimaryTeacher3,
        }, url)).ReadPageAsync();
        Assert.Contains("The coach must be someone other than the teacher.", refused.Errors());
        var arranged = await head.SubmitAsync(refused.Form("form.arrange-form"), new Dictionary<string, string>
        {
            ["Input.Teacher"] = CoachingSeed.PrimaryTeacher3, ["Input.Coach"] = World.PrimaryHead, ["Input.StartedOn"] = "",
        }, url);
        page = await head.GetPageAsync(await arranged.AssertRedirectAsync());
        var row = page.QuerySelectorAll(".coaching-pairs tbody tr").Single(r => r.TextContent.Contains("Theo Third", StringComparison.Ordinal) && r.TextContent.Contains("Priya Head", StringComparison.Ordinal));
        Assert.Contains("Priya Head", row.TextContent, StringComparison.Ordinal);

        // The teacher finds the pair on My coaching, and opens it.
        var teacher = await CoachingSeed.ClientAsync(app, CoachingSeed.PrimaryTeacher3);
        var mine = await teacher.GetPageAsync("/coaching");
        var pairUrl = mine.QuerySelectorAll(".my-coaching a").Single(a => a.TextContent.Contains("Priya Head", StringComparison.Ordinal)).GetAttribute("href")!;
        var pairPage = await teacher.GetPageAsync(pairUrl);
        Assert.Contains("Only Theo Third and Priya Head can open this page", pairPage.Text(".private-note"), StringComparison.Ordinal);
        Assert.NotNull(pairPage.QuerySelector($"#Step_LibraryStepId option[value='{language.Steps["narrate-the-positive"]}']"));
        Assert.Contains("EEF: Feedback", pairPage.QuerySelector("#Step_LibraryStepId")!.TextContent, StringComparison.Ordinal);

        var bad = await (await teacher.SubmitAsync(pairPage.Form("form.agree-step-form"), new Dictionary<string, string> { ["Step.CheckBackOn"] = "" }, pairUrl)).ReadPageAsync();
        Assert.Contains("Enter the step (choose one from the library or write it in your own words).", bad.Errors());
        Assert.Contains("Enter the check-back date.", bad.Errors());
        var agreed = await teacher.SubmitAsync(bad.Form("form.agree-step-form"), new Dictionary<string, string>
        {
            ["Step.LibraryStepId"] = $"{language.Steps["narrate-the-positive"]}", ["Step.Title"] = "", ["Step.CheckBackOn"] = app.Today.AddDays(10).ToString("yyyy-MM-dd"),
        }, pairUrl);
        pairPage = await teacher.GetPageAsync(await agreed.AssertRedirectAsync());
        Assert.Contains("Narrate the positive", pairPage.Text(".current-step .step-title"), StringComparison.Ordinal);
        Assert.Equal("not-due", pairPage.QuerySelector(".current-step")!.GetAttribute("data-due"));
        Assert.Null(pairPage.QuerySelector("form.agree-step-form"));

        var noOutcome = await (await teacher.SubmitAsync(pairPage.Form("form.check-back-form"), new Dictionary<string, string> { ["CheckBack.Note"] = "Tried it twice" }, pairUrl)).ReadPageAsync();
        Assert.Contains("Choose what the check-back decided: keep working, secure or set aside.", noOutcome.Errors());
        var secured = await teacher.SubmitAsync(noOutcome.Form("form.check-back-form"), new Dictionary<string, string>
        {
            ["CheckBack.Note"] = "Pupils settle faster: it is a habit now", ["CheckBack.Outcome"] = "secure",
        }, pairUrl);
        pairPage = await teacher.GetPageAsync(await secured.AssertRedirectAsync());
        Assert.Null(pairPage.QuerySelector(".current-step"));
        Assert.Equal("secure", pairPage.QuerySelector(".earlier-steps li")!.GetAttribute("data-status"));
        Assert.Contains("Pupils settle faster: it is a habit now", pairPage.Text(".check-backs"), StringComparison.Ordinal);

        // The next step in their own words, and a note.
        var next = await teacher.SubmitAsync(pairPage.Form("form.agree-step-form"), new Dictionary<string, string>
        {
            ["Step.Title"] = "Wait three seconds before taking an answer", ["Step.CheckBackOn"] = app.Today.AddDays(3).ToString("yyyy-MM-dd"),
        }, pairUrl);
        pairPage = await teacher.GetPageAsync(await next.AssertRedirectAsync());
        Assert.Equal("due-soon", pairPage.QuerySelector(".current-step")!.GetAttribute("data-due"));
        var noted = await teacher.SubmitAsync(pairPage.Form("form.note-form"), new Dictionary<string, string> { ["Note.Text"] = "Ask Priya to watch period 3" }, pairUrl);
        pairPage = await teacher.GetPageAsync(await noted.AssertRedirectAsync());
        Assert.Contains("Ask Priya to watch period 3", pairPage.Text(".coaching-notes"), StringComparison.Ordinal);
        var csv = await (await teacher.GetAsync(pairPage.QuerySelector("a.export-link")!.GetAttribute("href")!)).Content.ReadAsStringAsync();
        Assert.Contains("Wait three seconds before taking an answer", csv, StringComparison.Ordinal);

        // The head, who arranged it, sees the pair's names on the school's page, never what it wrote; then ends it.
        page = await head.GetPageAsync(url);
        foreach (var text in new[] { "Narrate the positive", "Wait three seconds", "Ask Priya", "habit now" })
        {
            Assert.DoesNotContain(text, page.Body!.TextContent, StringComparison.Ordinal);
        }
        row = page.QuerySelectorAll(".coaching-pairs tbody tr").Single(r => r.TextContent.Contains("Theo Third", StringComparison.Ordinal) && r.TextContent.Contains("Priya Head", StringComparison.Ordinal));
        await (await head.SubmitAsync(page.Form($".coaching-pairs tr[data-pair='{row.GetAttribute("data-pair")}'] form"))).AssertRedirectAsync();
        pairPage = await teacher.GetPageAsync(pairUrl);
        Assert.Null(pairPage.QuerySelector("form.note-form"));
        Assert.Null(pairPage.QuerySelector("form.check-back-form"));
        var ended = await (await teacher.PostJsonAsync($"/api/coaching{pairUrl.Replace("/coaching", "/pairs", StringComparison.Ordinal)}/notes", new { text = "late" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("This coaching ended on", (string)ended["errors"]!["pairId"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_the_api_bad_input_is_answered_with_the_field_and_the_reason()
    {
        app.EnsureAvailable();
        await CoachingSeed.PeopleAsync(app);
        var head = await app.ClientForAsync(World.PrimaryHead);
        var nobody = await (await head.PostJsonAsync("/api/coaching/schools/990101/pairs", new { teacher = "nobody@nowhere.example", coach = "" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("No one with a current role at Northgate Primary School or across the trust has the email address nobody@nowhere.example.", (string)nobody["errors"]!["teacher"]![0]!);
        Assert.Equal("Choose the coach.", (string)nobody["errors"]!["coach"]![0]!);
        var otherSchool = await (await head.PostJsonAsync("/api/coaching/schools/990101/pairs", new { teacher = CoachingSeed.SecondaryStaff[0], coach = World.PrimaryHead })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("teacher", otherSchool["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostJsonAsync("/api/coaching/schools/990102/pairs", new { teacher = CoachingSeed.SecondaryStaff[0], coach = World.SecondaryHead })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(World.PrimaryTeacher)).PostJsonAsync("/api/coaching/schools/990101/pairs", new { teacher = World.PrimaryTeacher, coach = World.PrimaryHead })).StatusCode);

        var pair = await CoachingSeed.PairAsync(app, World.NorthPrimaryUrn, World.PrimaryHead, CoachingSeed.PrimaryTeacher2, CoachingSeed.PrimaryCoach);
        var coach = await CoachingSeed.ClientAsync(app, CoachingSeed.PrimaryCoach);
        var busy = await (await coach.PostJsonAsync($"/api/coaching/pairs/{pair.PairId}/steps", new { title = "Another", checkBackOn = app.Today.AddDays(3) })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("The current step is still being worked on", (string)busy["errors"]!["libraryStepId"]![0]!, StringComparison.Ordinal);
        var past = await (await coach.PutJsonAsync($"/api/coaching/pairs/{pair.PairId}/steps/{pair.StepId}", new { title = "Cold-call", checkBackOn = app.Today.AddDays(-1) })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The check-back date must be today or later.", (string)past["errors"]!["checkBackOn"]![0]!);
        var keep = await (await coach.PostJsonAsync($"/api/coaching/pairs/{pair.PairId}/steps/{pair.StepId}/check-backs", new { outcome = "working", heldOn = app.Today.AddDays(1) })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter the next check-back date: the step is still being worked on.", (string)keep["errors"]!["nextCheckBackOn"]![0]!);
        Assert.Equal("A check-back is recorded once it has been held: the date cannot be in the future.", (string)keep["errors"]!["heldOn"]![0]!);
        var library = await (await coach.PutJsonAsync($"/api/coaching/pairs/{pair.PairId}/steps/{pair.StepId}", new { libraryStepId = 999999, checkBackOn = app.Today.AddDays(5) })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("There is no step 999999 in the trust's current step library", (string)library["errors"]!["libraryStepId"]![0]!, StringComparison.Ordinal);
        var empty = await (await coach.PostJsonAsync($"/api/coaching/pairs/{pair.PairId}/notes", new { text = " " })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter the note.", (string)empty["errors"]!["text"]![0]!);
    }

    [Fact]
    public async Task The_overview_shows_step_and_check_back_counts_only_from_three_active_pairs_and_never_any_content()
    {
        app.EnsureAvailable();
        var people = CoachingSeed.SecondaryStaff;
        await CoachingSeed.PeopleAsync(app);
        var head = await app.ClientForAsync(World.SecondaryHead);
        var contents = new List<string>();
        async Task<int> PairAsync(string teacher, string coach, string step, int days)
        {
            var created = await (await head.PostJsonAsync("/api/coaching/schools/990102/pairs", new { teacher, coach })).ReadJsonAsync(HttpStatusCode.Created);
            var id = (int)created["id"]!;
            var client = await CoachingSeed.ClientAsync(app, teacher);
            await (await client.PostJsonAsync($"/api/coaching/pairs/{id}/steps", new { title = step, detail = $"{step} in detail", checkBackOn = app.Today.AddDays(days) })).ReadJsonAsync();
            await (await client.PostJsonAsync($"/api/coaching/pairs/{id}/notes", new { text = $"A private note on {step}" })).ReadJsonAsync();
            contents.AddRange([step, $"{step} in detail", $"A private note on {step}"]);
            return id;
        }
        await PairAsync(people[0], people[1], "Show-me boards at the hinge point", 3);
        var second = await PairAsync(people[2], people[3], "Exit tickets on one question", 20);

        var twoPairs = await (await head.GetAsync("/api/coaching/schools/990102")).ReadJsonAsync();
        Assert.False((bool)twoPairs["overview"]!["countsShown"]!);
        Assert.Null(twoPairs["overview"]!["counts"]);
        Assert.Equal("Counts show when 3 or more pairs are coaching (2 now).", (string)twoPairs["overview"]!["why"]!);
        Assert.Equal(2, (int)twoPairs["overview"]!["teachersCoached"]!);
        var hiddenPage = await head.GetPageAsync("/schools/990102/coaching");
        Assert.Equal("Counts show when 3 or more pairs are coaching (2 now).", hiddenPage.Text(".counts-hidden"));
        Assert.Null(hiddenPage.QuerySelector("table.half-terms"));

        // A third pair: the counts appear. One step is secured at a check-back today; one is due in 3 days, one in 20.
        var third = await PairAsync(people[1], people[2], "Narrate what pupils do well", 10);
        var thirdTeacher = await CoachingSeed.ClientAsync(app, people[1]);
        var thirdPair = await (await thirdTeacher.GetAsync($"/api/coaching/pairs/{third}")).ReadJsonAsync();
        await (await thirdTeacher.PostJsonAsync($"/api/coaching/pairs/{third}/steps/{(int)thirdPair["currentStep"]!["id"]!}/check-backs", new { outcome = "secure", note = "Secure: a private check-back" })).ReadJsonAsync();
        contents.Add("Secure: a private check-back");

        var shown = await (await head.GetAsync("/api/coaching/schools/990102")).ReadJsonAsync();
        var counts = shown["overview"]!["counts"]!;
        Assert.True((bool)shown["overview"]!["countsShown"]!);
        Assert.Equal(3, (int)shown["overview"]!["teachersCoached"]!);
        Assert.Equal(3, (int)shown["overview"]!["coaches"]!);
        Assert.Equal(1, (int)counts["checkBacksLastFourWeeks"]!);
        Assert.Equal(1, (int)counts["stepsDueSoon"]!);
        Assert.Equal(0, (int)counts["checkBacksOverdue"]!);
        Assert.Equal(1, (int)counts["stepsSecuredThisTerm"]!);
        Assert.Equal(1, counts["checkBacksByHalfTerm"]!.AsArray().Sum(h => (int)h!["checkBacks"]!));
        // The pair list holds names and dates only: no per-pair figure.
        Assert.All(shown["pairs"]!.AsArray(), p => Assert.Equal(["id", "teacher", "teacherEmail", "coach", "coachEmail", "startedOn", "endedOn", "active"], p!.AsObject().Select(kv => kv.Key)));

        var trust = await app.ClientForAsync(World.NorthLeader);
        var overviewJson = await (await trust.GetAsync("/api/coaching/overview")).Content.ReadAsStringAsync();
        var overviewPage = await trust.GetPageAsync("/coaching/overview");
        var schoolPage = await head.GetPageAsync("/schools/990102/coaching");
        Assert.Equal("1", schoolPage.QuerySelectorAll(".coaching-counts .fact").Single(f => f.TextContent.Contains("Steps due in the next 7 days", StringComparison.Ordinal)).QuerySelector("dd")!.TextContent);
        var secondaryRow = overviewPage.QuerySelector("tr[data-urn='990102']")!;
        Assert.Equal(["3", "3", "1", "1", "1", "0", "1"], secondaryRow.QuerySelectorAll("td.num").Select(c => c.TextContent.Trim()));
        foreach (var body in new[] { overviewJson, overviewPage.Body!.TextContent, schoolPage.Body!.TextContent, await (await head.GetAsync("/api/coaching/schools/990102")).Content.ReadAsStringAsync() })
        {
            foreach (var text in contents)
            {
                Assert.DoesNotContain(text, body, StringComparison.Ordinal);
            }
        }

        // Ending one pair takes the school below the minimum again.
        await (await head.PostJsonAsync($"/api/coaching/pairs/{second}/end", new { })).ReadJsonAsync();
        var again = await (await head.GetAsync("/api/coaching/schools/990102")).ReadJsonAsync();
        Assert.Null(again["overview"]!["counts"]);
        Assert.Equal("Counts show when 3 or more pairs are coaching (2 now).", (string)again["overview"]!["why"]!);
        Assert.Equal(CoachingRules.MinimumPairsForCounts, (int)(await (await trust.GetAsync("/api/coaching/overview")).ReadJsonAsync())["minimumPairs"]!);
    }

    [Fact]
    public async Task A_step_is_due_soon_within_seven_days_of_its_check_back_and_overdue_after_it_by_the_apps_clock()
    {
        app.EnsureAvailable();
        await CoachingSeed.PeopleAsync(app);
        var created = await (await (await app.ClientForAsync(World.PrimaryHead)).PostJsonAsync("/api/coaching/schools/990101/pairs",
            new { teacher = CoachingSeed.PrimaryTeacher3, coach = World.PrimaryTeacher })).ReadJsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;
        var teacher = await CoachingSeed.ClientAsync(app, CoachingSeed.PrimaryTeacher3);
        var pair = await (await teacher.PostJsonAsync($"/api/coaching/pairs/{id}/steps", new { title = "Clock step", checkBackOn = app.Today.AddDays(9) })).ReadJsonAsync();
        Assert.Equal("not-due", (string)pair["currentStep"]!["due"]!);
        async Task<string> DueAsync() => (string)(await (await teacher.GetAsync($"/api/coaching/pairs/{id}")).ReadJsonAsync())["currentStep"]!["due"]!;

        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("due-soon", await DueAsync());
        var mine = (await (await teacher.GetAsync("/api/coaching/pairs")).ReadJsonAsync()).AsArray().Single(p => (int)p!["id"]! == id)!;
        Assert.Equal("due-soon", (string)mine["due"]!);
        app.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal("due-soon", await DueAsync()); // the check-back day itself
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("overdue", await DueAsync());
        Assert.Equal("overdue", (await teacher.GetPageAsync($"/coaching/{id}")).QuerySelector(".current-step")!.GetAttribute("data-due"));
    }
}

public sealed class CoachingThroughThePagesAndTheApiOnSqlite(SqliteApp app) : CoachingThroughThePagesAndTheApi(app), IClassFixture<SqliteApp>;

public sealed class CoachingThroughThePagesAndTheApiOnPostgres(PostgresApp app) : CoachingThroughThePagesAndTheApi(app), IClassFixture<PostgresApp>;
