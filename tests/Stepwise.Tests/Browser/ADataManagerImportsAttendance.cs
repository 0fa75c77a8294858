using Microsoft.Playwright;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Browser;

/// <summary>
/// A data manager uploads the school's pupils and attendance on the web page, watches the import run in the
/// background, reads the report, then opens a measure's run chart and the gaps page — every page checked with axe.
/// </summary>
public sealed class ADataManagerImportsAttendance(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string Example(string name) => Path.Combine(Repository.Root, "docs", "examples", name);

    [Fact]
    public async Task Uploads_files_reads_the_report_and_sees_the_measures()
    {
        app.EnsureAvailable();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(World.NorthDataManager);
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync($"/schools/{World.NorthSecondaryUrn}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import data" }).ClickAsync();
        await page.AssertAccessibleAsync();

        // A file with a problem is refused whole, with the line and column.
        await page.GetByLabel("What the file holds").SelectOptionAsync("attendance");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "bad-attendance.csv", MimeType = "text/csv",
            Buffer = "UPN,Period,Possible,Present,Authorised,Unauthorised\nA123456789012,2024/25 HT1,seventy,60,0,0\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Not imported", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "seventy" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        foreach (var kind in new[] { "pupils", "attendance" })
        {
            await page.GotoAsync($"/schools/{World.NorthSecondaryUrn}/imports");
            await page.GetByLabel("What the file holds").SelectOptionAsync(kind);
            await page.GetByLabel("CSV file").SetInputFilesAsync(Example($"{kind}.csv"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported", new() { Timeout = 20_000 });
        }
        await Assertions.Expect(page.Locator(".fact", new() { HasText = "Accepted" })).ToContainTextAsync("36");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("import-report");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the measures" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Overall absence" }).ClickAsync();
        await Assertions.Expect(page.Locator(".reading")).ToContainTextAsync("No signal");
        await Assertions.Expect(page.Locator(".reading")).ToContainTextAsync("provisional until there are 12 half-terms");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("Run chart") })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/schools/{World.NorthSecondaryUrn}/gaps");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Gaps");
        await Assertions.Expect(page.GetByText("fewer than 5 pupils").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }
}
