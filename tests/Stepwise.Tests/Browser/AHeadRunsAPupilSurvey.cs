using System.Net;
using Microsoft.Playwright;
using Stepwise.Tests.Features.Surveys;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Browser;

/// <summary>
/// On a phone: a head builds a pupil survey from the bank, opens it and prints codes; a pupil answers with a code;
/// the same code is refused; while open the results move in whole batches; once closed they show no figures for a year
/// group of four. Every page is checked with axe.
/// </summary>
public sealed class AHeadRunsAPupilSurvey(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Phone = 390;

    [Fact]
    public async Task Builds_a_survey_a_pupil_answers_with_a_code_and_small_groups_show_no_figures()
    {
        app.EnsureAvailable();
        var head = await app.NewPageAsync(Phone, 844);
        await SignInAsync(head, World.PrimaryHead);

        await head.GetByRole(AriaRole.Link, new() { Name = "Surveys", Exact = true }).ClickAsync();
        await head.GetByRole(AriaRole.Link, new() { Name = "Build a survey" }).ClickAsync();
        await head.AssertAccessibleAsync();
        await head.GetByRole(AriaRole.Link, new() { Name = "Pupils", Exact = true }).ClickAsync();
        await head.GetByLabel("Title").FillAsync("Pupil voice, autumn");
        await head.AssertAccessibleAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "Create draft survey" }).ClickAsync();
        await Assertions.Expect(head.Locator(".notice")).ToContainTextAsync("is ready as a draft with 13 questions");
        await head.GetByRole(AriaRole.Button, new() { Name = "Open the survey" }).ClickAsync();
        await Assertions.Expect(head.Locator(".notice")).ToContainTextAsync("is open until");
        await head.AssertAccessibleAsync();
        var link = (await head.Locator(".survey-link").TextContentAsync())!.Trim();
        var surveyUrl = new Uri(head.Url).AbsolutePath;

        await head.GetByRole(AriaRole.Link, new() { Name = "Print codes for a class" }).ClickAsync();
        await head.GetByLabel("Class or group").FillAsync("6B");
        await head.GetByLabel("How many codes").FillAsync("15");
        await head.AssertAccessibleAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "Make the sheet" }).ClickAsync();
        var codes = (await head.Locator(".code-slip__code strong").AllTextContentsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal(15, codes.Count);
        await head.AssertAccessibleAsync();
        await head.ScreenshotAsync("survey-code-sheet");

        // A pupil on a phone, with no account.
        var pupil = await app.NewPageAsync(Phone, 780);
        await pupil.GotoAsync(link);
        await pupil.AssertAccessibleAsync();
        await pupil.GetByLabel("Your code").FillAsync(codes[0].ToLowerInvariant());
        await pupil.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(pupil.Locator("fieldset.q legend").First).ToContainTextAsync("Question 1 of 13");
        var overflow = await pupil.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The response page scrolls sideways on a phone.");
        await pupil.GetByLabel("Your year group").SelectOptionAsync(new SelectOptionValue { Label = "Year 3" });
        var questions = pupil.Locator("fieldset.q:has(input[name^='a'])");
        for (var i = 0; i < await questions.CountAsync(); i++)
        {
            await questions.Nth(i).GetByLabel("Agree", new() { Exact = true }).CheckAsync();
        }
        await pupil.AssertAccessibleAsync();
        await pupil.ScreenshotAsync("survey-response-phone");
        await pupil.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Assertions.Expect(pupil.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");
        await pupil.AssertAccessibleAsync();

        // The same code again is refused with a clear message.
        await pupil.GotoAsync(link);
        await pupil.GetByLabel("Your code").FillAsync(codes[0]);
        await pupil.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(pupil.Locator(".field-error")).ToContainTextAsync("That code has already been used");
        await pupil.AssertAccessibleAsync();
        await pupil.ScreenshotAsync("survey-code-used-phone");

        // Fourteen more pupils answer over plain HTTP: four more in Year 3, six in Year 5, four in Year 6.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(app.BaseUrl) };
        var token = link.Split("/s/")[1];
        var years = Enumerable.Repeat(3, 4).Concat(Enumerable.Repeat(5, 6)).Concat(Enumerable.Repeat(6, 4)).ToList();
        for (var i = 0; i < years.Count; i++)
        {
            Assert.True((await SurveyJourney.AnswerAsync(http, token, codes[i + 1], agreement: 2 + i % 4, yearGroup: years[i])).IsThanks());
        }

        // While the survey is open the figures use whole batches of five within each year group, holding the latest
        // back (ADR 0072): five in Year 3, six in Year 5 and four in Year 6 release nothing yet.
        await head.GotoAsync(surveyUrl + "/results");
        await Assertions.Expect(head.Locator("#batches")).ToContainTextAsync("15 received, 0 shown");
        await head.AssertAccessibleAsync();
        await head.ScreenshotAsync("survey-results-open-phone");
        var desktopOpen = await app.NewPageAsync();
        await SignInAsync(desktopOpen, World.PrimaryHead);
        await desktopOpen.GotoAsync(surveyUrl + "/results");
        await desktopOpen.ScreenshotAsync("survey-results-open");

        await head.GotoAsync(surveyUrl);
        await head.GetByRole(AriaRole.Button, new() { Name = "Close the survey" }).ClickAsync();
        await Assertions.Expect(head.Locator(".notice")).ToContainTextAsync("is closed");
        await head.GotoAsync(surveyUrl + "/results");
        await Assertions.Expect(head.Locator(".result-question").First).ToContainTextAsync("favourable");
        await head.AssertAccessibleAsync();
        await head.GetByRole(AriaRole.Link, new() { Name = "By year group" }).ClickAsync();
        var rows = head.Locator("table tbody tr");
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = rows.Nth(i).Locator("td");
            await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync("too few");  // Year 6: four pupils
            await Assertions.Expect(cells.Nth(0)).ToHaveTextAsync("hidden");   // Year 3: hidden so Year 6 cannot be derived
            await Assertions.Expect(cells.Nth(1)).ToContainTextAsync("%");      // Year 5: shown
        }
        await head.AssertAccessibleAsync();
        await head.ScreenshotAsync("survey-results-by-year-phone");

        var desktop = await app.NewPageAsync();
        await SignInAsync(desktop, World.PrimaryHead);
        await desktop.GotoAsync(surveyUrl + "/results");
        await desktop.AssertAccessibleAsync();
        await desktop.ScreenshotAsync("survey-results");
    }

    [Fact]
    public async Task Every_survey_visit_and_action_page_is_accessible()
    {
        app.EnsureAvailable();
        var admin = await app.NewPageAsync();
        await SignInAsync(admin, World.NorthAdmin);
        await admin.GotoAsync($"/surveys/new?audience=staff&school={World.NorthPrimaryUrn}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create draft survey" }).ClickAsync();
        var surveyUrl = new Uri(admin.Url).AbsolutePath;
        string[] paths = ["/surveys", "/surveys/settings", "/surveys/new", surveyUrl, surveyUrl + "/results",
            $"/schools/{World.NorthPrimaryUrn}/visits", $"/schools/{World.NorthPrimaryUrn}/you-said-we-did", $"/you-said-we-did/{World.NorthPrimaryUrn}"];
        foreach (var path in paths)
        {
            await admin.GotoAsync(path);
            await admin.AssertAccessibleAsync();
            await admin.ScreenshotAsync("survey" + path.Replace('/', '_'));
        }

        // A custom question with a problem: the error summary and field are accessible too.
        await admin.GotoAsync(surveyUrl);
        await admin.GetByLabel("Kind of question").SelectOptionAsync("single-choice");
        await admin.GetByLabel("Question or statement").FillAsync("How do you travel to school?");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter at least two choices");
        await admin.AssertAccessibleAsync();

        var governor = await app.NewPageAsync(Phone, 844);
        await SignInAsync(governor, World.PrimaryGovernor);
        await governor.GotoAsync($"/schools/{World.NorthPrimaryUrn}/visits/new");
        await governor.GetByLabel("Focus").FillAsync("Maths fluency in Year 4");
        await governor.GetByLabel("What you saw").FillAsync("A Year 4 lesson on the 7 times table.");
        await governor.GetByLabel("Findings").FillAsync("Pupils recall facts quickly.");
        await governor.AssertAccessibleAsync();
        await governor.GetByRole(AriaRole.Button, new() { Name = "Save visit report" }).ClickAsync();
        await Assertions.Expect(governor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Maths fluency in Year 4");
        await governor.AssertAccessibleAsync();
        await governor.ScreenshotAsync("visit-phone");
    }

    [Fact]
    public async Task Feedback_added_to_the_plan_as_a_new_action_is_accessible_on_the_form_and_on_the_priority_page()
    {
        app.EnsureAvailable();
        var head = await app.NewPageAsync();
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenForAsync(World.PrimaryHead));
        var plan = await (await api.PostJsonAsync($"/api/schools/{World.NorthPrimaryUrn}/plans", new { kind = "hundred-day", title = "Listening plan", startsOn = app.Today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await api.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title = "Pupil voice" })).ReadJsonAsync(HttpStatusCode.Created);

        await SignInAsync(head, World.PrimaryHead);
        await head.GotoAsync($"/schools/{World.NorthPrimaryUrn}/you-said-we-did");
        await head.GetByLabel("You said").FillAsync("Pupils want a say in lunchtime clubs.");
        await head.GetByLabel("We did").FillAsync("Ask the school council to choose two new lunchtime clubs.");
        await head.GetByLabel("Add as a new action under priority (optional)").SelectOptionAsync($"{(int)priority["id"]!}");
        await head.AssertAccessibleAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await Assertions.Expect(head.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter an owner for the new plan action.");
        await head.AssertAccessibleAsync();
        await head.GetByLabel("Owner (needed for a new plan action)").FillAsync("School council lead");
        await head.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await head.WaitForURLAsync(url => url.EndsWith("/you-said-we-did", StringComparison.Ordinal));

        await head.GotoAsync($"/priorities/{(int)priority["id"]!}");
        await Assertions.Expect(head.Locator(".prompted-by")).ToHaveTextAsync("Prompted by: you said “Pupils want a say in lunchtime clubs.”");
        await head.AssertAccessibleAsync();
        await head.ScreenshotAsync("priority-prompted-by");
    }

    [Fact]
    public async Task Small_choice_counts_and_withheld_trust_wide_figures_read_clearly_and_are_accessible()
    {
        app.EnsureAvailable();
        Stepwise.Features.Surveys.SurveyQuestion Choice(int position, Stepwise.Features.Surveys.QuestionKind kind, string text, params string[] options) =>
            new() { Position = position, Kind = kind, Text = text, Options = string.Join('\n', options) };
        var travel = Enumerable.Repeat(1, 7).Concat(Enumerable.Repeat(2, 6)).Append(3).ToList();
        var schoolSurvey = await SurveyJourney.SeedClosedAsync(app, World.NorthPrimaryUrn, "Getting to school", [
                Choice(1, Stepwise.Features.Surveys.QuestionKind.SingleChoice, "How do you get to school?", "Walk", "Bus", "Car", "Bike"),
                Choice(2, Stepwise.Features.Surveys.QuestionKind.MultipleChoice, "Which clubs do you go to?", "Art", "Sport", "Music")],
            travel.Select((t, i) => ((int?)null, (int?)5, new Stepwise.Features.Surveys.SurveyAnswer?[]
            {
                new() { Choice = t },
                new() { Choices = i < 2 ? "1,3" : i < 9 ? "1,2" : "2" },
            })));
        var trustSurvey = await SurveyJourney.SeedClosedAsync(app, null, "Staff workload", [
                new() { Position = 1, Kind = Stepwise.Features.Surveys.QuestionKind.Agreement, Text = "My workload is manageable." }],
            Enumerable.Repeat(((int?)World.NorthPrimaryUrn, (int?)null, new Stepwise.Features.Surveys.SurveyAnswer?[] { new() { Choice = 4 } }), 10)
                .Concat(Enumerable.Repeat(((int?)World.NorthSecondaryUrn, (int?)null, new Stepwise.Features.Surveys.SurveyAnswer?[] { new() { Choice = 2 } }), 3)),
            Stepwise.Features.Surveys.Audience.Staff);

        var head = await app.NewPageAsync();
        await SignInAsync(head, World.PrimaryHead);
        await head.GotoAsync($"/surveys/{schoolSurvey}/results");
        await Assertions.Expect(head.Locator(".result-question").First.Locator("tbody tr").Nth(2)).ToContainTextAsync("fewer than 5");
        await head.AssertAccessibleAsync();
        await head.ScreenshotAsync("survey-results-fewer-than");

        await head.GotoAsync($"/surveys/{trustSurvey}/results");
        await Assertions.Expect(head.Locator("#withheld")).ToContainTextAsync("the schools whose results you cannot see");
        await head.AssertAccessibleAsync();
        await head.ScreenshotAsync("survey-results-trust-wide-withheld");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }
}
