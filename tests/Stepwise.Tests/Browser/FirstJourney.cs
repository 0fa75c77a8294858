using Microsoft.Playwright;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Browser;

/// <summary>A trust director signs in, sees the trust's schools, opens one, and signs out — every page checked with axe.</summary>
public sealed class ATrustDirectorsFirstVisit(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Signs_in_sees_the_schools_opens_one_and_signs_out()
    {
        app.EnsureAvailable();
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("sign-in");

        await page.GetByLabel("Email address").FillAsync(World.NorthLeader);
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("North Star Learning Trust");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Northgate Academy", Exact = true })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("overview");

        await page.GetByRole(AriaRole.Link, new() { Name = "Northgate Primary School", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Northgate Primary School");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Year 6", Exact = true })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("school");

        await page.GetByRole(AriaRole.Link, new() { Name = "Schools", Exact = true }).First.ClickAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("schools");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await page.GotoAsync("/schools");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
    }

    [Fact]
    public async Task Works_on_a_phone_sized_screen()
    {
        app.EnsureAvailable();
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(World.PrimaryHead);
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Northgate Primary School", Exact = true }).ClickAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The school page scrolls sideways on a phone.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("school-phone");
    }
}
