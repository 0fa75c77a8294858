using Microsoft.Playwright;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Browser;

/// <summary>A trust administrator visits every kind of page, forms and error pages included, each checked with axe.</summary>
public sealed class EveryPageIsAccessible(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Every_page_a_trust_administrator_can_reach_has_no_serious_accessibility_problem()
    {
        app.EnsureAvailable();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(World.NorthAdmin);
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));

        var w = app.World;
        string[] paths =
        [
            "/", "/trust", "/schools", "/schools/new", $"/schools/{World.NorthPrimaryUrn}", $"/schools/{World.NorthPrimaryUrn}/edit",
            $"/schools/{World.NorthPrimaryUrn}/units/new", $"/units/{w.Units["primary-year6"].Id}/edit",
            $"/schools/{World.NorthPrimaryUrn}/pupils", $"/schools/{World.NorthPrimaryUrn}/pupils/new", $"/pupils/{w.PupilKeys[World.NorthPrimaryUrn][0]}",
            "/people", "/people/new", "/people/new?invite=true", "/setup", $"/people/{w.Person(World.PrimaryTeacher).Id}", $"/people/{w.Person(World.PrimaryTeacher).Id}/edit",
            "/frameworks", "/frameworks/new", "/stages", $"/schools/{World.NorthPrimaryUrn}/self-evaluation", $"/schools/{World.NorthPrimaryUrn}/self-evaluation/moderation",
            $"/schools/{World.NorthPrimaryUrn}/self-evaluation/summary", $"/schools/{World.NorthPrimaryUrn}/stages", $"/units/{w.Units["primary-year6"].Id}/stage",
            $"/schools/{World.NorthPrimaryUrn}/plans",
            "/audit", "/imports", "/trust/overview", "/benchmarking/weights", $"/benchmarking/schools/{World.NorthPrimaryUrn}", "/account", "/account/password", "/account/two-factor", "/no-such-page",
        ];
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("admin" + path.Replace('/', '_'));
        }

        // A form with errors: the summary and the fields it links to must be accessible too.
        await page.GotoAsync("/schools/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add school" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the school's URN.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("admin_school-errors");
    }
}
