using Microsoft.Playwright;
using Stepwise.Tests.Features.Enquiries;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Browser;

/// <summary>
/// A teacher who is a member of a learning team builds the enquiry's driver diagram (a primary driver, a secondary
/// driver, a change idea rated for impact and ease), plans a PDSA cycle on the change idea from the enquiry's page,
/// records what happened and the study, tries to decide before studying (and is told why not), decides to adapt the
/// idea and is offered the next cycle. Every page is checked with axe. The team, the enquiry and its measures are the
/// arrange step.
/// </summary>
public sealed class ATeacherRunsAPdsaCycle(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Builds_a_driver_diagram_plans_a_cycle_records_what_happened_and_the_study_and_decides_to_adapt_it()
    {
        app.EnsureAvailable();
        var seeded = await CycleSeed.EnquiryAsync(app, World.NorthPrimaryUrn, ["primary-year6"], [World.PrimaryTeacher], diagram: false);
        var page = await app.NewPageAsync();
        await SignInAsync(page, World.PrimaryTeacher);

        // The driver diagram: aim → primary driver → secondary driver → change idea.
        await page.GotoAsync($"/enquiries/{seeded.EnquiryId}");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the driver diagram" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await AddBoxAsync(page, "primary", null, "Time spent reading aloud");
        await AddBoxAsync(page, "secondary", "Time spent reading aloud", "Daily practice routines");
        await AddBoxAsync(page, "change-idea", "— Daily practice routines", "Paired reading every morning", impact: "3", ease: "2");
        await page.AssertAccessibleAsync();
        await page.GotoAsync($"/enquiries/{seeded.EnquiryId}");
        await page.AssertAccessibleAsync();

        // Plan.
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan a cycle of “Paired reading every morning”" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan a PDSA cycle");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Question").FillAsync("Will paired reading every morning make Year 6 read more fluently?");
        await page.GetByLabel("Prediction").FillAsync("Words read correctly per minute rise by ten within three weeks.");
        await page.GetByLabel("Who", new() { Exact = true }).FillAsync("Year 6 teacher and teaching assistant");
        await page.GetByLabel("What", new() { Exact = true }).FillAsync("Ten minutes of paired reading");
        await page.GetByLabel("When", new() { Exact = true }).FillAsync("Every morning for three weeks");
        await page.GetByLabel("Where", new() { Exact = true }).FillAsync("Class 6B");
        await page.GetByLabel("Unit it runs in").SelectOptionAsync(new SelectOptionValue { Label = "Year 6" });
        await page.GetByLabel("Starts").FillAsync(app.Today.AddDays(-21).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Pupils reading aloud daily").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the cycle" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cycle 1 has been planned");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cycle 1: Paired reading every morning");
        await page.AssertAccessibleAsync();

        // Act before Study is refused, with the reason.
        await page.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("adapt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Record the study");
        await page.AssertAccessibleAsync();

        // Do, then Study.
        await page.GetByLabel("What happened").FillAsync("Ran on 12 of 15 mornings; a trip took three.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save what happened" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=do]")).ToContainTextAsync("Ran on 12 of 15 mornings");
        await page.GetByLabel("Results set against the prediction").FillAsync("Up by six words a minute, not ten: weaker readers lost their place.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the study" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=study]")).ToContainTextAsync("Up by six words a minute");
        await page.AssertAccessibleAsync();

        // Act: adapt, which offers the next cycle.
        await page.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("adapt");
        await page.GetByLabel("Decided on").FillAsync(app.Today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Why you decided").FillAsync("Keep it, with a reading ruler for the weaker reader.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("to be adapted");
        await Assertions.Expect(page.Locator("section[aria-labelledby=act]")).ToContainTextAsync("Adapted");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan the next cycle" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan the cycle after cycle 1");
        await Assertions.Expect(page.GetByLabel("Question")).ToHaveValueAsync("Will paired reading every morning make Year 6 read more fluently?");
        await page.AssertAccessibleAsync();
    }

    private static async Task AddBoxAsync(IPage page, string kind, string? parent, string words, string impact = "", string ease = "")
    {
        var add = page.Locator("form:has(#add-text)");
        await add.GetByLabel("What it is").SelectOptionAsync(kind);
        if (parent is not null)
        {
            await add.GetByLabel("Hangs off").SelectOptionAsync(new SelectOptionValue { Label = parent });
        }
        await add.GetByLabel("Words").FillAsync(words);
        await add.GetByLabel("Impact (change ideas)").SelectOptionAsync(impact);
        await add.GetByLabel("Ease (change ideas)").SelectOptionAsync(ease);
        await add.GetByRole(AriaRole.Button, new() { Name = "Add to the diagram" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3 }).Filter(new() { HasText = words })).ToBeVisibleAsync();
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
