using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Stepwise.Features.Demo;

namespace Stepwise.Tests.Browser;

/// <summary>
/// The improvement loop end to end in the demo trust, one thread followed by links: what staff said in a survey → the
/// plan action that answers it → the enquiry that carries it out → its measure's improvement signal with the cycles
/// marked on the chart → the cycle adopted → the practice library's entry for it, with the school to ask → a school
/// similar to it, whose judgement in that area needs attention, offered it as a giver with reasons → the support
/// episode agreed. Every page is checked with axe.
/// </summary>
public sealed partial class TheWholeLoop(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Larkhaven = "Larkhaven Primary School";
    private const string Brackenmoor = "Brackenmoor Primary Academy";

    [GeneratedRegex(@"^/enquiries/\d+/cycles/\d+$")]
    private static partial Regex CycleUrl();

    [Fact]
    public async Task What_staff_said_becomes_an_action_an_enquiry_an_adopted_change_a_library_entry_and_support_for_a_similar_school()
    {
        app.EnsureAvailable();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        }
        var page = await app.NewPageAsync();
        await SignInAsync(page, "claire.dawson@larkhaven.example");

        // You said: staff on training; we did: learning teams, an action in the plan.
        await page.GotoAsync("/schools/990001/you-said-we-did");
        await page.AssertAccessibleAsync();
        var said = page.Locator("ul.you-said > li").Filter(new() { HasText = "Staff told us training days rarely changed what happened in their classrooms." });
        await said.GetByRole(AriaRole.Link, new() { Name = "Year 3 team tests a daily reading-aloud routine in cycles of enquiry" }).ClickAsync();

        // The plan's priority: the action, prompted by what staff said, carried out by the enquiry.
        await page.AssertAccessibleAsync();
        var action = page.Locator("tr").Filter(new() { HasText = "Year 3 team tests a daily reading-aloud routine in cycles of enquiry" });
        await Assertions.Expect(action).ToContainTextAsync("training days rarely changed");
        await action.GetByRole(AriaRole.Link, new() { Name = "Reading fluency in Year 3" }).ClickAsync();

        // The enquiry: it carries out the action; a measure shows an improvement signal with its cycles marked on the chart.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reading fluency in Year 3");
        await Assertions.Expect(page.Locator("dl.summary-list")).ToContainTextAsync("Year 3 team tests a daily reading-aloud routine");
        await page.AssertAccessibleAsync();
        var improving = page.Locator("section[aria-labelledby=measures] .measure-block")
            .Filter(new() { Has = page.Locator(".signal--improvement") });
        await Assertions.Expect(improving.First).ToBeVisibleAsync();
        var marked = improving.First.Locator("svg a");
        Assert.True(await marked.CountAsync() > 0, "the improving measure's chart marks the cycles that watch it");

        // The cycle adopted.
        var adopted = page.GetByRole(AriaRole.Link, new() { Name = "PDSA 2", Exact = true });
        await adopted.ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=act]")).ToContainTextAsync("Adopted");
        await page.AssertAccessibleAsync();
        var cycleUrl = new Uri(page.Url).AbsolutePath;
        Assert.Matches(CycleUrl(), cycleUrl);

        // The practice library: the adopted change, with the school to ask and a link to its cycle.
        await page.GotoAsync("/practice?words=Reading+fluency+in+Year+3");
        await page.AssertAccessibleAsync();
        var entry = page.Locator("li[data-entry]").Filter(new() { Has = page.Locator($"a.evidence[href='{cycleUrl}']") });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry.Locator("[data-school='990001']")).ToHaveTextAsync(Larkhaven);

        // The trust's director: Brackenmoor (a similar primary, whose curriculum and teaching needs attention) needs help on reading.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "helen.marsh@larkhaven.example");
        await page.GotoAsync("/support");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Brackenmoor}: Curriculum and teaching") }).ClickAsync();
        await page.AssertAccessibleAsync();
        var suggestion = page.Locator("ol.suggestions > li").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^{Larkhaven}") }) });
        await Assertions.Expect(suggestion).ToContainTextAsync("in the enquiry \"Reading fluency in Year 3\"");
        await Assertions.Expect(suggestion).ToContainTextAsync("a similar school");

        // The practice library from the need: the same entry, and the school to ask.
        await page.GetByRole(AriaRole.Link, new() { Name = "What worked here in this area: the practice library" }).ClickAsync();
        await Assertions.Expect(page.Locator("li[data-entry]").Filter(new() { Has = page.Locator($"a.evidence[href='{cycleUrl}']") })).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
        await page.GoBackAsync();

        // The support episode, agreed from the suggestion.
        await suggestion.GetByRole(AriaRole.Link, new() { Name = $"Agree support from {Larkhaven}" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("School that gives")).ToHaveValueAsync("990001");
        await page.GetByLabel("Who gives and who receives").FillAsync("Larkhaven's Year 3 team with Brackenmoor's Year 3 teachers");
        await page.GetByLabel("Aims").FillAsync("Daily reading aloud in Year 3, as Larkhaven adopted it.");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the episode" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{Larkhaven} supports {Brackenmoor}");
        await page.AssertAccessibleAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(LoadDemoTrust.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }
}
