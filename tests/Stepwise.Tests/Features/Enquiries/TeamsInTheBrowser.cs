using Microsoft.Playwright;
using Stepwise.Tests.Browser;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>
/// A head forms a learning team in the browser, adds a member, opens the trust's enquiries and ticks an activity of the
/// whole-school programme; every page on the way, its forms with errors included, is checked with axe.
/// </summary>
public sealed class TeamsInTheBrowser(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_head_forms_a_team_and_ticks_the_programme_on_pages_with_no_serious_accessibility_problem()
    {
        app.EnsureAvailable();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(World.PrimaryHead);
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Enquiries" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Learning teams" }).First.ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Form a learning team" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Form the team" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the team's name.");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Year 6 arithmetic");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Year 6" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Tom Teacher" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Form the team" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Year 6 arithmetic");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Add a member").SelectOptionAsync(new SelectOptionValue { Label = "Grace Governor" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the member" }).ClickAsync();
        await Assertions.Expect(page.Locator(".team-members")).ToContainTextAsync("Grace Governor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the team" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/schools/{World.NorthPrimaryUrn}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Whole-school programme" }).ClickAsync();
        await page.AssertAccessibleAsync();
        var rounds = page.Locator("li[data-activity='culture']");
        await rounds.GetByRole(AriaRole.Button, new() { Name = "Tick" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the note saying what shows it happened.");
        await page.AssertAccessibleAsync();
        await page.Locator("li[data-activity='culture']").GetByLabel("What shows it happened").FillAsync("Rounds on questioning with 12 staff");
        await page.Locator("li[data-activity='culture']").GetByRole(AriaRole.Button, new() { Name = "Tick" }).ClickAsync();
        await Assertions.Expect(page.Locator("li[data-activity='culture']")).ToContainTextAsync("Ticked by hand: Rounds on questioning with 12 staff");
        await page.AssertAccessibleAsync();
    }
}
