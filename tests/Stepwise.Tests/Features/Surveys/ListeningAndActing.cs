using Microsoft.EntityFrameworkCore;
using System.Net;
using Stepwise.Features.Surveys;
using Stepwise.Features.Visits;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>Governor visit reports and "you said, we did", through the pages.</summary>
public sealed class ListeningAndActing(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<string> WriteVisitAsync(HttpClient governor, string focus)
    {
        var form = (await governor.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/visits/new")).Form();
        var response = await governor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.VisitedOn"] = "2026-11-02",
            ["Input.Focus"] = focus,
            ["Input.Seen"] = "Two Year 2 phonics groups; pupils reading decodable books to an adult.",
            ["Input.Questions"] = "How are pupils who fall behind caught up?",
            ["Input.Findings"] = "Pupils who fall behind read daily with a trained adult. Pupils said they would like more books to take home.",
        }, $"/schools/{World.NorthPrimaryUrn}/visits/new");
        return await response.AssertRedirectAsync();
    }

    [Fact]
    public async Task A_governor_writes_up_a_visit_that_the_head_reads_and_only_the_governor_may_change()
    {
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var url = await WriteVisitAsync(governor, "Early reading");

        var head = await app.ClientForAsync(World.PrimaryHead);
        var page = await head.GetPageAsync(url);
        Assert.Equal("Early reading", page.Text("h1"));
        Assert.Contains("Grace Governor", page.Text(".caption"));
        Assert.Null(page.QuerySelector($"a[href='{url}/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync(url + "/edit")).StatusCode);
        Assert.NotNull((await governor.GetPageAsync(url)).QuerySelector($"a[href='{url}/edit']"));

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(World.SecondaryHead)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryTeacher)).GetAsync($"/schools/{World.NorthPrimaryUrn}/visits")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/schools/{World.NorthPrimaryUrn}/visits/new")).StatusCode);
    }

    [Fact]
    public async Task A_visit_report_without_findings_is_refused_with_the_field_named()
    {
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var form = (await governor.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/visits/new")).Form();
        var page = await (await governor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Focus"] = "Attendance", ["Input.Seen"] = "The morning register." }, $"/schools/{World.NorthPrimaryUrn}/visits/new")).ReadPageAsync();
        Assert.Contains("Enter the findings.", page.Errors());
        Assert.Equal("#Input_Findings", page.QuerySelectorAll(".error-summary a").First(a => a.TextContent == "Enter the findings.").GetAttribute("href"));
    }

    [Fact]
    public async Task The_head_turns_a_visit_finding_into_an_action_that_appears_on_the_public_page()
    {
        var url = await WriteVisitAsync(await app.ClientForAsync(World.PrimaryGovernor), "Reading for pleasure");
        var head = await app.ClientForAsync(World.PrimaryHead);
        var visit = await head.GetPageAsync(url);
        var record = visit.QuerySelector("a[href*='you-said-we-did?visit=']")!.GetAttribute("href")!;
        var form = (await head.GetPageAsync(record)).Form();
        var done = await head.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.YouSaid"] = "Pupils would like more books to take home.",
            ["Input.WeDid"] = "We bought 400 new reading books and opened the library at lunchtime.",
            ["Input.Owner"] = "Reading lead",
        }, record);
        Assert.Equal($"/schools/{World.NorthPrimaryUrn}/you-said-we-did", await done.AssertRedirectAsync());
        var hidden = (await head.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/you-said-we-did")).Form();
        await (await head.SubmitAsync(hidden, new Dictionary<string, string>
        {
            ["Input.Source"] = "comment", ["Input.YouSaid"] = "A private matter", ["Input.WeDid"] = "Handled", ["Input.Published"] = "false",
        }, $"/schools/{World.NorthPrimaryUrn}/you-said-we-did")).AssertRedirectAsync();

        var publicPage = await app.Anonymous().GetPageAsync($"/you-said-we-did/{World.NorthPrimaryUrn}");

        Assert.Contains("You said: Pupils would like more books to take home.", publicPage.Text("main"));
        Assert.Contains("We bought 400 new reading books", publicPage.Text("main"));
        Assert.DoesNotContain("A private matter", publicPage.Text("main"));
        Assert.DoesNotContain("Reading lead", publicPage.Text("main")); // owners are for staff, not the public page
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryGovernor)).GetAsync($"/schools/{World.NorthPrimaryUrn}/you-said-we-did")).StatusCode);
    }

    private DateOnly Today => app.Today;

    private async Task<(int PriorityId, int ActionId)> PlanWithAnActionAsync(HttpClient head, int urn, string title)
    {
        var plan = await (await head.PostJsonAsync($"/api/schools/{urn}/plans", new { kind = "hundred-day", title = $"{title} plan", startsOn = Today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await head.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title })).ReadJsonAsync(HttpStatusCode.Created);
        var action = await (await head.PostJsonAsync($"/api/priorities/{(int)priority["id"]!}/actions", new { title = $"{title}: books to take home", owner = "Reading lead", dueOn = Today.AddDays(30) }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return ((int)priority["id"]!, (int)action["id"]!);
    }

    [Fact]
    public async Task A_visit_names_a_plan_priority_and_the_action_taken_links_to_the_plan_action_that_carries_it_out()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var (priorityId, actionId) = await PlanWithAnActionAsync(head, World.NorthPrimaryUrn, "Reading for pleasure across the school");
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var newVisit = $"/schools/{World.NorthPrimaryUrn}/visits/new";
        var visitForm = await governor.GetPageAsync(newVisit);
        Assert.Contains(visitForm.QuerySelectorAll("#Input_PriorityId option"), o => o.GetAttribute("value") == $"{priorityId}");
        var url = await (await governor.SubmitAsync(visitForm.Form(), new Dictionary<string, string>
        {
            ["Input.VisitedOn"] = "2026-11-02",
            ["Input.PriorityId"] = $"{priorityId}",
            ["Input.Seen"] = "Reading corners in every class.",
            ["Input.Findings"] = "Pupils said they would like more books to take home.",
        }, newVisit)).AssertRedirectAsync();

        var visit = await head.GetPageAsync(url);
        Assert.Equal("Reading for pleasure across the school", visit.Text("h1")); // the priority's title is the focus when none is written
        Assert.NotNull(visit.QuerySelector($"a[href='/priorities/{priorityId}']"));

        var record = visit.QuerySelector("a[href*='you-said-we-did?visit=']")!.GetAttribute("href")!;
        var recordForm = await head.GetPageAsync(record);
        await (await head.SubmitAsync(recordForm.Form(), new Dictionary<string, string>
        {
            ["Input.YouSaid"] = "Pupils would like more books to take home.",
            ["Input.WeDid"] = "Every class now has a book bag library.",
            ["Input.PlanActionId"] = $"{actionId}",
        }, record)).AssertRedirectAsync();
        var list = await head.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/you-said-we-did");
        var entry = list.QuerySelectorAll("li").Single(li => li.TextContent.Contains("Every class now has a book bag library."));
        Assert.Contains("In the plan: Reading for pleasure across the school: books to take home", entry.TextContent);
        Assert.NotNull(entry.QuerySelector($"a[href='/priorities/{priorityId}']"));
    }

    [Fact]
    public async Task A_priority_or_plan_action_of_another_school_is_refused_and_nothing_is_stored()
    {
        var (otherPriority, otherAction) = await PlanWithAnActionAsync(await app.ClientForAsync(World.SecondaryHead), World.NorthSecondaryUrn, "Attendance in Year 9");
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var newVisit = $"/schools/{World.NorthPrimaryUrn}/visits/new";
        var before = await app.Stored.CountAsync<GovernorVisit>();
        var visitPage = await (await governor.SubmitAsync((await governor.GetPageAsync(newVisit)).Form(), new Dictionary<string, string>
        {
            ["Input.VisitedOn"] = "2026-11-02", ["Input.PriorityId"] = $"{otherPriority}", ["Input.Seen"] = "Registers.", ["Input.Findings"] = "Calm starts.",
        }, newVisit)).ReadPageAsync();
        Assert.Contains("Choose a priority from this school's plan.", visitPage.Errors());
        Assert.Equal(before, await app.Stored.CountAsync<GovernorVisit>());

        var head = await app.ClientForAsync(World.PrimaryHead);
        var page = $"/schools/{World.NorthPrimaryUrn}/you-said-we-did";
        var entries = await app.Stored.CountAsync<YouSaidWeDid>();
        var refused = await (await head.SubmitAsync((await head.GetPageAsync(page)).Form(), new Dictionary<string, string>
        {
            ["Input.Source"] = "comment", ["Input.YouSaid"] = "Late buses", ["Input.WeDid"] = "Spoke to the bus company", ["Input.PlanActionId"] = $"{otherAction}",
        }, page)).ReadPageAsync();
        Assert.Contains("That action is not in this school's plan.", refused.Errors());
        Assert.Equal(entries, await app.Stored.CountAsync<YouSaidWeDid>());
    }

    private static string YouSaidPage => $"/schools/{World.NorthPrimaryUrn}/you-said-we-did";

    /// <summary>A form post made by hand (not from the page's own form), with the person's antiforgery token taken from the sign-out form.</summary>
    private static async Task<HttpResponseMessage> PostByHandAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync($"/schools/{World.NorthPrimaryUrn}");
        values["__RequestVerificationToken"] = page.QuerySelector("form[action='/sign-out'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private async Task<(int Entries, int Actions)> CountAsync() =>
        (await app.Stored.CountAsync<YouSaidWeDid>(), await app.Stored.CountAsync<Stepwise.Features.Plans.PlanAction>());

    [Fact]
    public async Task The_head_turns_a_visit_finding_into_a_new_action_under_a_priority_and_the_priority_page_shows_what_prompted_it()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var (priorityId, _) = await PlanWithAnActionAsync(head, World.NorthPrimaryUrn, "Reading at home");
        var visitUrl = await WriteVisitAsync(await app.ClientForAsync(World.PrimaryGovernor), "Books at home");
        var visitId = int.Parse(visitUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var record = (await head.GetPageAsync(visitUrl)).QuerySelector("a[href*='you-said-we-did?visit=']")!.GetAttribute("href")!;
        var form = await head.GetPageAsync(record);
        Assert.NotNull(form.QuerySelector($"#Input_NewActionPriorityId optgroup[label='Reading at home plan'] option[value='{priorityId}']"));

        var done = await head.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.YouSaid"] = "Pupils would like more books to take home.",
            ["Input.WeDid"] = "Start a book-bag lending library in every Year 2 class.",
            ["Input.Owner"] = "Reading lead",
            ["Input.ActionOn"] = "2027-01-15",
            ["Input.NewActionPriorityId"] = $"{priorityId}",
        }, record);
        Assert.Equal(YouSaidPage, await done.AssertRedirectAsync());

        var saved = await app.QueryAsync(db => db.YouSaidWeDid.Where(e => e.WeDid == "Start a book-bag lending library in every Year 2 class.")
            .Select(e => new { e.PlanActionId, e.GovernorVisitId, Action = db.PlanActions.Single(a => a.Id == e.PlanActionId) }).SingleAsync());
        Assert.Equal(visitId, saved.GovernorVisitId);
        Assert.Equal((priorityId, "Start a book-bag lending library in every Year 2 class.", "Reading lead", new DateOnly(2027, 1, 15), Stepwise.Features.Plans.ActionStatus.NotStarted),
            (saved.Action.PriorityId, saved.Action.Title, saved.Action.Owner, saved.Action.DueOn, saved.Action.Status));

        var row = (await head.GetPageAsync($"/priorities/{priorityId}")).QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains("Start a book-bag lending library"));
        var prompt = row.QuerySelector(".prompted-by")!;
        Assert.Equal("Prompted by: you said “Pupils would like more books to take home.” (the visit report)", prompt.TextContent.Trim());
        Assert.NotNull(prompt.QuerySelector($"a[href='{YouSaidPage}']"));
        Assert.NotNull(prompt.QuerySelector($"a[href='/visits/{visitId}']"));

        var planId = await app.Stored.PlanIdOfAsync(priorityId);
        var onAPage = await head.GetPageAsync($"/plans/{planId}/on-a-page");
        Assert.Equal("1 action prompted by feedback", onAPage.QuerySelector($"a[href='/priorities/{priorityId}#actions']")?.TextContent);

        // A teacher may read the plan but neither the staff "you said, we did" page nor visit reports: the public entry's words, linking to the public page.
        var teacherRow = (await (await app.ClientForAsync(World.PrimaryTeacher)).GetPageAsync($"/priorities/{priorityId}")).QuerySelectorAll("tr")
            .Single(tr => tr.TextContent.Contains("Start a book-bag lending library"));
        Assert.Equal([$"/you-said-we-did/{World.NorthPrimaryUrn}"], teacherRow.QuerySelectorAll(".prompted-by a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Feedback_kept_off_the_public_page_shows_a_teacher_only_that_an_action_was_prompted_by_feedback()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var (priorityId, _) = await PlanWithAnActionAsync(head, World.NorthPrimaryUrn, "Staff workload");
        await (await head.SubmitAsync((await head.GetPageAsync(YouSaidPage)).Form(), new Dictionary<string, string>
        {
            ["Input.Source"] = "comment", ["Input.YouSaid"] = "Two staff said marking keeps them up late.", ["Input.WeDid"] = "Trial whole-class feedback in Year 5.",
            ["Input.Owner"] = "Deputy head", ["Input.Published"] = "false", ["Input.NewActionPriorityId"] = $"{priorityId}",
        }, YouSaidPage)).AssertRedirectAsync();

        var teacherRow = (await (await app.ClientForAsync(World.PrimaryTeacher)).GetPageAsync($"/priorities/{priorityId}")).QuerySelectorAll("tr")
            .Single(tr => tr.TextContent.Contains("Trial whole-class feedback in Year 5."));
        Assert.Equal("Prompted by: feedback", teacherRow.QuerySelector(".prompted-by")!.TextContent.Trim());
        Assert.Empty(teacherRow.QuerySelectorAll(".prompted-by a"));
        var headRow = (await head.GetPageAsync($"/priorities/{priorityId}")).QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains("Trial whole-class feedback in Year 5."));
        Assert.Contains("you said “Two staff said marking keeps them up late.”", headRow.QuerySelector(".prompted-by")!.TextContent);
    }

    [Theory]
    [InlineData(World.PrimaryGovernor)]
    [InlineData(World.PrimaryTeacher)]
    public async Task A_governor_or_teacher_cannot_add_feedback_to_the_plan_and_nothing_is_stored(string email)
    {
        var (priorityId, _) = await PlanWithAnActionAsync(await app.ClientForAsync(World.PrimaryHead), World.NorthPrimaryUrn, "Attendance on Fridays");
        var person = await app.ClientForAsync(email);
        var before = await CountAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync(YouSaidPage)).StatusCode);
        var response = await PostByHandAsync(person, YouSaidPage, new Dictionary<string, string>
        {
            ["Input.Source"] = "comment", ["Input.YouSaid"] = "Fridays are quiet.", ["Input.WeDid"] = "A Friday reward assembly.", ["Input.Owner"] = "Head",
            ["Input.ActionOn"] = "2027-01-15", ["Input.NewActionPriorityId"] = $"{priorityId}",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "another school's priority", "Input.NewActionPriorityId", "The priority for the new action must be one of this school's plan priorities." },
        { "both an existing action and a new one", "Input.NewActionPriorityId", "Choose either an existing plan action to link to or a priority to add a new action under, not both." },
        { "no owner", "Input.Owner", "Enter an owner for the new plan action." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_new_plan_action_is_refused_with_the_field_named_and_nothing_stored_when_given(string wrong, string field, string message)
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var (priorityId, actionId) = await PlanWithAnActionAsync(head, World.NorthPrimaryUrn, "Lunchtimes");
        var (otherPriority, _) = await PlanWithAnActionAsync(await app.ClientForAsync(World.SecondaryHead), World.NorthSecondaryUrn, "Lunch queues");
        var values = new Dictionary<string, string>
        {
            ["Input.Source"] = "comment", ["Input.YouSaid"] = "Lunch queues are long.", ["Input.WeDid"] = "Stagger lunch by year group.", ["Input.Owner"] = "Business manager",
            ["Input.NewActionPriorityId"] = $"{priorityId}",
        };
        switch (wrong)
        {
            case "another school's priority": values["Input.NewActionPriorityId"] = $"{otherPriority}"; break;
            case "both an existing action and a new one": values["Input.PlanActionId"] = $"{actionId}"; break;
            default: values["Input.Owner"] = "  "; break;
        }
        var before = await CountAsync();

        var page = await (await head.SubmitAsync((await head.GetPageAsync(YouSaidPage)).Form(), values, YouSaidPage)).ReadPageAsync();

        Assert.Contains(message, page.Errors());
        Assert.Equal("#" + field.Replace('.', '_'), page.QuerySelectorAll(".error-summary a").First(a => a.TextContent == message).GetAttribute("href"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_long_we_did_becomes_an_action_title_cut_at_a_word_to_the_300_character_limit()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var (priorityId, _) = await PlanWithAnActionAsync(head, World.NorthPrimaryUrn, "Homework");
        var weDid = string.Join(' ', Enumerable.Repeat("Homework clubs run on Tuesdays and Thursdays.", 20));
        await (await head.SubmitAsync((await head.GetPageAsync(YouSaidPage)).Form(), new Dictionary<string, string>
        {
            ["Input.Source"] = "comment", ["Input.YouSaid"] = "Homework is hard to do at home.", ["Input.WeDid"] = weDid, ["Input.Owner"] = "Head of Year 7",
            ["Input.NewActionPriorityId"] = $"{priorityId}",
        }, YouSaidPage)).AssertRedirectAsync();

        var title = await app.QueryAsync(db => db.YouSaidWeDid.Where(e => e.WeDid == weDid).Select(e => db.PlanActions.Single(a => a.Id == e.PlanActionId).Title).SingleAsync());
        Assert.True(title.Length <= 300, $"{title.Length} characters");
        Assert.EndsWith("…", title);
        Assert.StartsWith(title[..^1], weDid);
        Assert.False(char.IsLetterOrDigit(weDid[title.Length - 1]), "cut in the middle of a word"); // the character after the kept text
    }
}
