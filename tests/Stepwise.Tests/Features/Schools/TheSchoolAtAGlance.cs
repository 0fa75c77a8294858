using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Demo;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Schools;

/// <summary>
/// The school's home page is the school at a glance (issue 18, build item 2): stage, the measures with a signal in
/// words, plan goals by trajectory and overdue actions, the latest survey's headline as its results page releases it,
/// the disadvantage gap with its direction, what comes next and what needs attention this week — each linking to its
/// page, with the same figures in GET /api/schools/{urn}/at-a-glance; the section menu offers only what the person may
/// open; a school with no data says where to start.
/// </summary>
public abstract class TheSchoolAtAGlance(StepwiseApp app)
{
    private const int Improving = 990001;
    private const int Concern = 990002;

    private async Task LoadDemoAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_school_of_concern_shows_its_stage_a_concern_in_words_an_overdue_action_and_the_disadvantage_gap_with_its_year()
    {
        app.EnsureAvailable();
        await LoadDemoAsync();
        var director = await app.SignInAsync("helen.marsh@larkhaven.example", LoadDemoTrust.Password);

        var glance = await (await director.GetAsync($"/api/schools/{Concern}/at-a-glance")).ReadJsonAsync();
        var page = await director.GetPageAsync($"/schools/{Concern}");

        // Stage: the whole school's, with the day it began, linking to its history.
        Assert.Equal("repair", (string)glance["stage"]!["stage"]!);
        var stage = page.QuerySelector("[data-part=stage]")!;
        Assert.Contains("Repair", stage.TextContent, StringComparison.Ordinal);
        Assert.Contains("since", stage.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/units/", stage.QuerySelector("a.stage-tag")!.GetAttribute("href")!, StringComparison.Ordinal);

        // A concern, as the measures page reads it: the sentence, the icon's words, the latest figure and its period, linking to the chart.
        var concern = glance["measures"]!["signals"]!.AsArray().First(s => (string)s!["signal"]! == "concern")!;
        var measures = (await (await director.GetAsync($"/api/schools/{Concern}/metrics")).ReadJsonAsync()).AsArray();
        var same = measures.Single(m => (string)m!["key"]! == (string)concern["key"]!)!;
        Assert.Equal("concern", (string)same["variation"]!);
        Assert.Equal((string)same["reading"]!, (string)concern["sentence"]!);
        var line = page.QuerySelectorAll("[data-part=measures] li").First(li => li.QuerySelector($"a[href='/schools/{Concern}/metrics/{(string)concern["key"]!}']") is not null);
        Assert.Contains("Concern", line.QuerySelector(".signal__words")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(line.QuerySelector("svg"));
        Assert.Contains((string)concern["period"]!, line.TextContent, StringComparison.Ordinal);

        // An overdue action of the plan running today, on the page, in this week's list and in the plan's own API.
        var overdue = glance["plans"]!["overdue"]!.AsArray();
        Assert.Contains(overdue, a => (string)a!["title"]! == "Report attendance to governors each half-term");
        var plans = (await (await director.GetAsync($"/api/schools/{Concern}/plans")).ReadJsonAsync()).AsArray();
        var overdueInPlans = plans.SelectMany(p => p!["priorities"]!.AsArray()).SelectMany(p => p!["actions"]!.AsArray())
            .Where(a => (string)a!["state"]! == "overdue").Select(a => (int)a!["id"]!).Order().ToList();
        Assert.Equal(overdueInPlans, overdue.Select(a => (int)a!["id"]!).Order().ToList());
        Assert.Contains("Report attendance to governors each half-term", page.QuerySelector("[data-part=plans]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("[data-part=this-week] li"), li => li.TextContent.Contains("Overdue by", StringComparison.Ordinal)
            && li.TextContent.Contains("Report attendance to governors", StringComparison.Ordinal));
        // The 100-day plan has ended with its priority not yet reviewed: that needs attention too, linking to the plan.
        var hundredDay = plans.Single(p => (string)p!["kind"]! == "hundred-day")!;
        Assert.Contains(glance["thisWeek"]!.AsArray(), i => (string)i!["kind"]! == "review-due" && (string)i["href"]! == $"/plans/{(int)hundredDay["id"]!}");
        var goals = glance["plans"]!;
        Assert.True((int)goals["onTrajectory"]! + (int)goals["offTrajectory"]! + (int)goals["noDataYet"]! > 0, "The plan's goals are counted by trajectory.");

        // The disadvantage gap in attendance, with its year, as the gaps page reads it.
        var attendance = glance["gap"]!["attendance"]!;
        var gaps = await (await director.GetAsync($"/api/schools/{Concern}/gaps")).ReadJsonAsync();
        var latestYear = gaps["attendance"]!.AsArray()[^1]!;
        Assert.Equal((string)latestYear["year"]!, (string)attendance["year"]!);
        var disadvantaged = latestYear["comparisons"]!.AsArray().Single(c => (string)c!["group"]! == "disadvantaged")!;
        Assert.Equal((double)disadvantaged["rateGroup"]! - (double)disadvantaged["rateOthers"]!, (double)attendance["gap"]!, 6);
        var gapLine = page.QuerySelector("[data-part=gap] [data-gap=attendance]")!;
        Assert.Contains((string)attendance["year"]!, gapLine.TextContent, StringComparison.Ordinal);
        Assert.Contains("points", gapLine.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"[data-part=gap] a[href='/schools/{Concern}/gaps']"));

        // No survey at this school yet: the director, who may build one, is shown where to start.
        Assert.Null(glance["survey"]!["latest"]);
        Assert.NotNull(page.QuerySelector("[data-part=survey] a[href='/surveys/new']"));
    }

    [Fact]
    public async Task An_improving_school_shows_an_improvement_and_the_latest_surveys_favourable_figure_as_its_results_page_releases_it()
    {
        app.EnsureAvailable();
        await LoadDemoAsync();
        var head = await app.SignInAsync("claire.dawson@larkhaven.example", LoadDemoTrust.Password);

        var glance = await (await head.GetAsync($"/api/schools/{Improving}/at-a-glance")).ReadJsonAsync();
        Assert.Equal("sustain", (string)glance["stage"]!["stage"]!);
        Assert.Contains(glance["measures"]!["signals"]!.AsArray(), s => (string)s!["signal"]! == "improvement");

        // The headline pools the agreement questions the results page shows a figure for; the response count is the page's.
        var latest = glance["survey"]!["latest"]!;
        var results = await (await head.GetAsync($"/api/surveys/{(int)latest["id"]!}/results")).ReadJsonAsync();
        var shown = results["questions"]!.AsArray().Where(q => q!["percentFavourable"] is not null).ToList();
        var favourable = shown.Sum(q => (double)q!["percentFavourable"]! * (int)q["n"]! / 100);
        Assert.Equal(100 * favourable / shown.Sum(q => (int)q!["n"]!), (double)latest["percentFavourable"]!, 6);
        Assert.Equal((int)results["received"]!, (int)latest["received"]!);
        var surveys = (await (await head.GetAsync("/api/surveys")).ReadJsonAsync())["surveys"]!.AsArray();
        var newest = surveys.Where(s => (string)s!["where"]! == "Larkhaven Primary School").MaxBy(s => (string)s!["opensOn"]!)!;
        Assert.Equal((int)newest["id"]!, (int)latest["id"]!);

        var page = await head.GetPageAsync($"/schools/{Improving}");
        var card = page.QuerySelector("[data-part=survey]")!;
        Assert.Contains($"{(double)latest["percentFavourable"]!:0}% favourable", card.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{(int)latest["received"]!} responses", card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector($"a[href='/surveys/{(int)latest["id"]!}/results']"));

        // The data manager may not read survey results: no survey part, no headline, no link to the surveys.
        var dataManager = await app.SignInAsync("raj.patel@larkhaven.example", LoadDemoTrust.Password);
        var theirs = await (await dataManager.GetAsync($"/api/schools/{Improving}/at-a-glance")).ReadJsonAsync();
        Assert.Null(theirs["survey"]);
        var theirPage = await dataManager.GetPageAsync($"/schools/{Improving}");
        Assert.Null(theirPage.QuerySelector("[data-part=survey]"));
        Assert.DoesNotContain("favourable", theirPage.QuerySelector(".glance")!.TextContent, StringComparison.Ordinal);
        Assert.Null(theirPage.QuerySelector(".section-menu a[href='/surveys']"));
    }

    /// <summary>Every section each role of Northgate Primary may open, and only those.</summary>
    [Fact]
    public async Task The_section_menu_links_only_to_sections_the_person_may_open()
    {
        app.EnsureAvailable();
        const int urn = World.NorthPrimaryUrn;
        string[] every =
        [
            $"/schools/{urn}/metrics", $"/schools/{urn}/gaps", $"/benchmarking/schools/{urn}", $"/schools/{urn}/pupils", $"/schools/{urn}/imports",
            $"/schools/{urn}/self-evaluation", $"/schools/{urn}/stages", $"/schools/{urn}/plans", "/surveys", $"/schools/{urn}/visits",
            $"/schools/{urn}/you-said-we-did", $"/schools/{urn}/edit",
        ];
        var failures = new List<string>();
        foreach (var email in new[] { World.NorthAdmin, World.NorthLeader, World.NorthDataManager, World.PrimaryHead, World.PrimaryTeacher, World.PrimaryGovernor, World.PrimaryReviewer })
        {
            var client = await app.ClientForAsync(email);
            var page = await client.GetPageAsync($"/schools/{urn}");
            var shown = page.QuerySelectorAll(".section-menu a").Select(a => a.GetAttribute("href")!).ToList();
            var api = (await (await client.GetAsync($"/api/schools/{urn}/at-a-glance")).ReadJsonAsync())["sections"]!.AsArray().Select(s => (string)s!["href"]!).ToList();
            if (!shown.SequenceEqual(api))
            {
                failures.Add($"{email}: the page's menu ({string.Join(", ", shown)}) is not the API's ({string.Join(", ", api)})");
            }
            foreach (var href in every)
            {
                var response = await client.GetAsync(href);
                var opens = response.StatusCode == HttpStatusCode.OK;
                if (opens != shown.Contains(href))
                {
                    failures.Add($"{email}: {href} answers {(int)response.StatusCode} but the menu {(shown.Contains(href) ? "offers" : "does not offer")} it");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // A teacher and a governor see different menus: neither is offered what only a leader may do.
        var teacher = await (await app.ClientForAsync(World.PrimaryTeacher)).GetPageAsync($"/schools/{urn}");
        Assert.NotNull(teacher.QuerySelector($".section-menu a[href='/schools/{urn}/pupils']"));
        Assert.Null(teacher.QuerySelector(".section-menu a[href='/surveys']"));
        var governor = await (await app.ClientForAsync(World.PrimaryGovernor)).GetPageAsync($"/schools/{urn}");
        Assert.Null(governor.QuerySelector($".section-menu a[href='/schools/{urn}/pupils']"));
        Assert.NotNull(governor.QuerySelector($".section-menu a[href='/schools/{urn}/visits']"));
    }

    [Fact]
    public async Task A_school_with_no_data_says_where_to_start_in_every_part()
    {
        app.EnsureAvailable();
        const int urn = World.NorthSecondaryUrn;
        var head = await app.ClientForAsync(World.SecondaryHead);

        var glance = await (await head.GetAsync($"/api/schools/{urn}/at-a-glance")).ReadJsonAsync();
        var whole = app.World.Units["secondary-whole"].Id;
        Assert.Equal($"/units/{whole}/stage", (string)glance["stage"]!["start"]!["href"]!);
        Assert.Equal($"/schools/{urn}/imports", (string)glance["measures"]!["start"]!["href"]!);
        Assert.Equal($"/schools/{urn}/plans", (string)glance["plans"]!["start"]!["href"]!);
        Assert.Equal("/surveys/new", (string)glance["survey"]!["start"]!["href"]!);
        Assert.Equal($"/schools/{urn}/imports", (string)glance["gap"]!["start"]!["href"]!);
        Assert.NotNull(glance["next"]!["start"]);
        Assert.Empty(glance["thisWeek"]!.AsArray());

        var page = await head.GetPageAsync($"/schools/{urn}");
        foreach (var part in new[] { "stage", "measures", "plans", "survey", "gap" })
        {
            var card = page.QuerySelector($"[data-part={part}]");
            Assert.True(card is not null, $"The {part} part is missing.");
            Assert.True(card!.QuerySelector(".glance__nothing") is not null && card.QuerySelectorAll("a").Length > 0, $"The {part} part does not say where to start: {card.TextContent}");
        }
        Assert.Contains("Nothing overdue", page.QuerySelector("[data-part=this-week]")!.TextContent, StringComparison.Ordinal);
        // Every "start" link opens for this person.
        foreach (var href in page.QuerySelectorAll(".glance .glance__nothing + p a").Select(a => a.GetAttribute("href")!).Distinct())
        {
            Assert.Equal(HttpStatusCode.OK, (await head.GetAsync(href)).StatusCode);
        }
        // The units table stays, below.
        Assert.NotNull(page.QuerySelector("table[aria-labelledby=units]"));
    }
}

public sealed class TheSchoolAtAGlanceOnSqlite(SqliteApp app) : TheSchoolAtAGlance(app), IClassFixture<SqliteApp>;

public sealed class TheSchoolAtAGlanceOnPostgres(PostgresApp app) : TheSchoolAtAGlance(app), IClassFixture<PostgresApp>;
