using Microsoft.Playwright;
using Stepwise.Tests.Features.Enquiries;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Browser;

/// <summary>
/// A teacher who is a member of a learning team plans a PDSA cycle on one of the enquiry's change ideas, records what
/// happened and the study, tries to decide before studying (and is told why not), decides to adapt the idea and is
/// offered the next cycle. Every page is checked with axe. The team, the enquiry, its driver diagram and its measures
/// are the arrange step.
/// </summary>
public sealed class ATeacherRunsAPdsaCycle(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Plans_a_cycle_records_what_happened_and_the_study_and_decides_to_adapt_it()
    {
        app.EnsureAvailable();
        var seeded = await CycleSeed.EnquiryAsync(app, World.NorthPrimaryUrn, ["primary-year6"], [World.PrimaryTeacher]);
        var page = await app.NewPageAsync();
        await SignInAsync(page, World.PrimaryTeacher);

        // Plan.
        await page.GotoAsync($"/enquiries/{seeded.EnquiryId}/cycles/new?idea={seeded.IdeaId}");
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

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }
}
