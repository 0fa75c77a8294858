using Microsoft.Playwright;
using Stepwise.Features.Plans;
using Stepwise.Features.Rounds;
using Stepwise.Tests.Browser;
using Stepwise.Tests.Features.SharedLanguage;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Rounds;

/// <summary>
/// Issue 20's phone journey, in Chromium at 390 × 844: an observer writes three notes, one with the connection cut (the
/// page says it kept the note on the phone, and sends it once the connection is back); the head moves the round to its
/// debrief, sorts the notes into a pattern and makes the next level of work an action in the school's plan. Every page
/// on the way is checked with axe.
/// </summary>
public sealed class AnObserverTakesNotesOnAPhone(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_observer_writes_three_notes_one_offline_and_the_debrief_sorts_them_into_a_pattern_and_a_plan_action()
    {
        app.EnsureAvailable();
        await LanguageSeed.PublishedAsync(app);
        var school = app.World.School(World.NorthPrimaryUrn);
        var year = Stepwise.Common.AcademicYear.Of(app.Today);
        await app.QueryAsync(async db =>
        {
            var plan = new Plan
            {
                TrustId = school.TrustId, SchoolId = school.Id, Kind = PlanKind.Year, Title = "Talk for learning", AcademicYear = year.ToString(),
                StartsOn = year.StartsOn, EndsOn = year.EndsOn, CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedBy = "Priya Head",
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            db.Priorities.Add(new Priority { TrustId = school.TrustId, SchoolId = school.Id, PlanId = plan.Id, Title = "Pupils explain their thinking" });
            return await db.SaveChangesAsync();
        });
        var roundId = await RoundSeed.RoundAsync(app, [World.NorthPrimaryUrn], RoundStage.Observing, classrooms: 4, groups: [("Group A", [World.PrimaryTeacher])], title: "Talk in maths");

        var page = await app.NewPageAsync(390, 844);
        await SignInAsync(page, World.PrimaryTeacher);
        await page.GotoAsync("/rounds");
        await page.GetByRole(AriaRole.Link, new() { Name = "Talk in maths" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Take notes" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await WriteNoteAsync(page, "Asks \"How do you know?\" and waits.", "Open questions", "Year 4");
        await Assertions.Expect(page.Locator("#note-status")).ToHaveTextAsync("Note sent.");
        await WriteNoteAsync(page, "Gives a sentence stem for reasons.", "Pupils explain reasoning", "Year 5");
        await Assertions.Expect(page.Locator("#note-status")).ToHaveTextAsync("Note sent.");

        await page.Context.SetOfflineAsync(true);
        await WriteNoteAsync(page, "Pairs argue about which answer is wrong.", "Pupils explain reasoning", "Year 6");
        await Assertions.Expect(page.Locator("#note-status")).ToContainTextAsync("Kept on this phone — not sent yet; it will be sent when the connection is back");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("round-notes-offline");
        Assert.Equal(2, await app.Stored.CountAsync<RoundNote>(n => n.RoundId == roundId));
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#note-status")).ToContainTextAsync("Note sent.");
        Assert.Equal(3, await app.Stored.CountAsync<RoundNote>(n => n.RoundId == roundId));

        await page.GetByRole(AriaRole.Button, new() { Name = "+1 classroom visited" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Classroom counted" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("round-notes");

        var leader = await app.NewPageAsync(390, 844);
        await SignInAsync(leader, World.PrimaryHead);
        await leader.GotoAsync($"/rounds/{roundId}");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Move to the debrief" }).ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "The debrief" }).ClickAsync();
        await Assertions.Expect(leader.Locator("[data-counts=shown]")).ToBeVisibleAsync();
        await leader.AssertAccessibleAsync();
        await leader.GetByLabel("Pattern", new() { Exact = true }).FillAsync("Pupils are asked for reasons");
        foreach (var text in new[] { "How do you know", "sentence stem", "Pairs argue" })
        {
            await leader.Locator("#Pattern_NoteIds label").Filter(new() { HasText = text }).GetByRole(AriaRole.Checkbox).CheckAsync();
        }
        await leader.GetByRole(AriaRole.Button, new() { Name = "Name the pattern" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".round-patterns")).ToContainTextAsync("Pupils are asked for reasons — 3 notes");

        await leader.GetByLabel("The next level of work").FillAsync("Ask for reasons in every maths lesson");
        await leader.GetByRole(AriaRole.Radio, new() { Name = "Make it an action in a school's plan" }).CheckAsync();
        await leader.GetByLabel("Priority").SelectOptionAsync(new SelectOptionValue { Label = "Pupils explain their thinking — Talk for learning" });
        await leader.GetByLabel("Owner").FillAsync("Maths lead");
        await leader.GetByLabel("Due").FillAsync(app.Today.AddDays(30).ToString("yyyy-MM-dd"));
        await leader.GetByRole(AriaRole.Button, new() { Name = "Agree the next level of work" }).ClickAsync();
        await Assertions.Expect(leader.Locator("[data-next-step]")).ToContainTextAsync("An action in the plan: Ask for reasons in every maths lesson");
        await leader.AssertAccessibleAsync();
        await leader.ScreenshotAsync("round-debrief");
        Assert.Equal(1, await app.Stored.CountAsync<PlanAction>(a => a.Title == "Ask for reasons in every maths lesson" && a.Owner == "Maths lead"));
    }

    private static async Task WriteNoteAsync(IPage page, string teacher, string lookFor, string year)
    {
        await page.GetByLabel("What the teacher said and did").FillAsync(teacher);
        await page.Locator("label.lookfor").Filter(new() { HasText = lookFor }).ClickAsync();
        await page.GetByLabel("Year group (optional)").FillAsync(year);
        await page.GetByLabel("Subject area (optional)").FillAsync("Maths");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the note" }).ClickAsync();
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
