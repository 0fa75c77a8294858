using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stepwise.Tests.Features.Plans;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Browser;

/// <summary>
/// A headteacher grades an area with evidence, sets Year 6's stage, starts a plan with a priority and a goal on a
/// real measure and reads the goal's computed status; the chair of governors then reads the same pages with nothing
/// to change, and the API refuses the governor's writes. Every page is checked with axe.
/// </summary>
public sealed class ASchoolLeaderPlansImprovement(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Urn = World.NorthPrimaryUrn;

    [Fact]
    public async Task Grades_an_area_sets_a_stage_plans_a_goal_and_sees_its_status_while_a_governor_only_reads()
    {
        app.EnsureAvailable();
        // Eight steady half-terms of absence, then a fall: a real improvement once the plan starts.
        var periods = await SeriesSeed.HalfTermsAsync(app, Urn, "attendance.overall-absence", "all", [8.0, 8.2, 7.9, 8.1, 7.8, 8.0, 8.1, 7.9, 5.0]);
        var installed = await (await ApiAsync(World.NorthLeader)).PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" });
        Assert.True(installed.IsSuccessStatusCode);

        var page = await app.NewPageAsync();
        await SignInAsync(page, World.PrimaryHead);

        // Self-evaluation: grade attendance and behaviour with a measure as evidence.
        await page.GotoAsync($"/schools/{Urn}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Self-evaluation" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Attendance and behaviour" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Strong standard").CheckAsync();
        await page.GetByLabel("Strengths").FillAsync("Calm classrooms; absence falling.");
        await page.GetByLabel("Areas for development").FillAsync("Persistent absence of disadvantaged pupils.");
        await page.Locator("[name='Input.Evidence[0].Kind']").SelectOptionAsync("metric");
        await page.Locator("[name='Input.Evidence[0].Title']").FillAsync("Overall absence this year");
        await page.Locator("[name='Input.Evidence[0].MetricKey']").SelectOptionAsync("attendance.overall-absence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record judgement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been recorded");
        await page.GotoAsync($"/schools/{Urn}/self-evaluation");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Attendance and behaviour" });
        await Assertions.Expect(row).ToContainTextAsync("Strong standard");
        await page.AssertAccessibleAsync();

        // Year 6 enters Repair.
        await page.GotoAsync($"/schools/{Urn}/stages");
        await page.GetByRole(AriaRole.Link, new() { Name = "Year 6" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("repair");
        await page.GetByLabel("Why this stage").FillAsync("A new cohort with much higher needs: routines are being rebuilt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set stage" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("routines are being rebuilt");
        await page.GotoAsync($"/schools/{Urn}/stages");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Year 6" })).ToContainTextAsync("Repair");
        await Assertions.Expect(page.Locator("svg").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // The plan, a priority on the framework area and a goal on overall absence.
        await page.GotoAsync($"/schools/{Urn}/plans");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Kind of plan").SelectOptionAsync("year");
        await page.GetByLabel("Title").FillAsync("School improvement plan");
        await page.GetByLabel("Academic year").FillAsync(Stepwise.Common.AcademicYear.Of(app.Today).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("School improvement plan");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Priority", new() { Exact = true }).FillAsync("Everyone in school, every day");
        await page.GetByLabel("Framework area").SelectOptionAsync(new SelectOptionValue { Label = "Attendance and behaviour" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add priority" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Everyone in school, every day");
        await page.AssertAccessibleAsync();
        var baselineOn = periods[^2].Start;
        await page.GetByLabel("Measure").SelectOptionAsync("attendance.overall-absence");
        await page.GetByLabel("Baseline", new() { Exact = true }).FillAsync("8");
        await page.GetByLabel("Baseline date").FillAsync(baselineOn.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Target", new() { Exact = true }).FillAsync("6.5");
        await page.GetByLabel("Target date").FillAsync(baselineOn.AddYears(1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add goal" }).ClickAsync();

        // Nobody typed a colour: the status comes from the series.
        var goals = page.Locator("main");
        await Assertions.Expect(goals).ToContainTextAsync("On trajectory");
        await Assertions.Expect(goals).ToContainTextAsync("Improving");
        await Assertions.Expect(goals).ToContainTextAsync("Data is up to date");
        await page.AssertAccessibleAsync();
        var priorityUrl = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Link, new() { Name = "School improvement plan" }).Last.ClickAsync();
        var planUrl = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(planUrl + "/on-a-page");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("On trajectory");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("plan-on-a-page");

        // The chair of governors reads the same pages and has nothing to press.
        var governor = await app.NewPageAsync();
        await SignInAsync(governor, World.PrimaryGovernor);
        foreach (var path in new[] { $"/schools/{Urn}/self-evaluation", $"/schools/{Urn}/stages", planUrl, priorityUrl, planUrl + "/on-a-page" })
        {
            await governor.GotoAsync(path);
            await Assertions.Expect(governor.Locator("main form[method=post]")).ToHaveCountAsync(0);
            await governor.AssertAccessibleAsync();
        }
        await Assertions.Expect(governor.Locator("main")).ToContainTextAsync("On trajectory");

        var api = await ApiAsync(World.PrimaryGovernor);
        var priorityId = int.Parse(Regex.Match(priorityUrl, @"\d+$").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostJsonAsync($"/api/priorities/{priorityId}/goals",
            new { metricKey = "attendance.overall-absence", baseline = "8", baselineOn, target = "7", targetOn = baselineOn.AddYears(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostJsonAsync($"/api/schools/{Urn}/judgements",
            new { framework = "ofsted-2025", area = "inclusion", grade = "exceptional" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostJsonAsync($"/api/units/{app.World.Units["primary-year6"].Id}/stage",
            new { stage = "sustain", rationale = "Governors think so." })).StatusCode);
    }

    /// <summary>An API client with a token, talking to the same Kestrel server as the browser.</summary>
    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = await app.ClientForAsync(email);
        client.BaseAddress = new Uri(app.BaseUrl);
        return client;
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
