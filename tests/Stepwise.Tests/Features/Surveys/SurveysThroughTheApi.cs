using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stepwise.Features.Surveys;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>
/// Surveys, their results and "you said, we did" through the JSON API: the same figures and the same small-group
/// protection as the pages, read side by side on the same data.
/// </summary>
public abstract partial class SurveysThroughTheApi(StepwiseApp app)
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    private static SurveyQuestion Agreement(int position, string text) => new() { Position = position, Kind = QuestionKind.Agreement, Text = text };

    /// <summary>
    /// 14 pupils: 12 in Year 7, one each in Years 8 and 9. Question 1 answered by all; question 2 by four only; question 3
    /// (how they travel) Walk 7, Bus 6, Car 1, Bike 0.
    /// </summary>
    private Task<int> SeedAsync(string title)
    {
        int[] enjoy = [5, 5, 4, 4, 4, 2, 2, 1, 3, 5, 4, 2, 5, 1];
        int[] travel = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3];
        int[] years = [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 9];
        var questions = new List<SurveyQuestion>
        {
            Agreement(1, "I enjoy school."),
            Agreement(2, "I like the new lunch menu."),
            new() { Position = 3, Kind = QuestionKind.SingleChoice, Text = "How do you get to school?", Options = "Walk\nBus\nCar\nBike" },
        };
        return SurveyJourney.SeedClosedAsync(app, World.NorthPrimaryUrn, title, questions, Enumerable.Range(0, 14).Select(i => ((int?)null, (int?)years[i], new SurveyAnswer?[]
        {
            new() { Choice = enjoy[i] },
            i < 4 ? new SurveyAnswer { Choice = 4 } : null,
            new() { Choice = travel[i] },
        })));
    }

    [Fact]
    public async Task The_results_api_gives_the_figures_and_hides_the_same_small_groups_as_the_results_page()
    {
        app.EnsureAvailable();
        var id = await SeedAsync("Results side by side");
        var head = await app.ClientForAsync(World.PrimaryHead);

        var page = await head.GetPageAsync($"/surveys/{id}/results");
        var json = await (await head.GetAsync($"/api/surveys/{id}/results")).ReadJsonAsync();

        Assert.Equal(14, (int)json["respondents"]!);
        Assert.Equal(5, (int)json["minimumRespondents"]!);
        var sections = page.QuerySelectorAll(".result-question");
        var questions = json["questions"]!.AsArray();
        Assert.Equal(sections.Length, questions.Count);

        // Question 1: the figures the page shows.
        var enjoy = questions[0]!;
        var percent = (double)enjoy["percentFavourable"]!;
        var mean = (double)enjoy["mean"]!;
        Assert.Contains($"{percent:0}% favourable, mean {mean:0.00} (n = {(int)enjoy["n"]!}", Squash(sections[0].TextContent), StringComparison.Ordinal);
        Assert.Equal(14, enjoy["distribution"]!.AsArray().Sum(c => (int)c!));

        // Question 2: four answers, no figures on the page and none in the API, for the same reason.
        var lunch = questions[1]!;
        Assert.Null(lunch["percentFavourable"]);
        Assert.Null(lunch["distribution"]);
        Assert.Contains((string)lunch["hidden"]!, sections[1].TextContent, StringComparison.Ordinal);

        // Question 3: Car (1) is too few, so Bus is hidden too (else Car = 14 − 7 − 6): both places agree.
        var rows = sections[2].QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => Squash(c.TextContent)).ToList()).ToList();
        var choices = questions[2]!["choices"]!.AsArray();
        Assert.Equal(rows.Count, choices.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var choice = choices[i]!;
            Assert.Equal(rows[i][0], (string)choice["option"]!);
            var expected = (string)choice["reason"]! switch
            {
                "complementary" => "hidden",
                "too-few-respondents" => "fewer than 5",
                _ => $"{(int)choice["count"]!}",
            };
            Assert.Equal(expected, rows[i][1]);
        }
        Assert.Equal(["shown", "complementary", "too-few-respondents", "no-respondents"], choices.Select(c => (string)c!["reason"]!).ToList());
        Assert.Null(choices[1]!["count"]);
        Assert.Null(choices[1]!["percent"]);
    }

    [Fact]
    public async Task A_breakdown_through_the_api_hides_the_same_year_groups_as_the_page()
    {
        app.EnsureAvailable();
        var id = await SeedAsync("Breakdown side by side");
        var head = await app.ClientForAsync(World.PrimaryHead);

        var page = await head.GetPageAsync($"/surveys/{id}/results?by=year-group");
        var breakdown = (await (await head.GetAsync($"/api/surveys/{id}/results?by=year-group")).ReadJsonAsync())["breakdown"]!;

        var headers = page.QuerySelectorAll("table thead tr:first-child th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(headers.Skip(1).ToList(), breakdown["groups"]!.AsArray().Select(g => (string)g!).ToList());
        var pageCells = page.QuerySelectorAll("table tbody tr").First().QuerySelectorAll("td").Select(c => Squash(c.TextContent)).ToList();
        var cells = breakdown["rows"]!.AsArray()[0]!["cells"]!.AsArray();
        Assert.Equal(["hidden", "too few", "too few"], pageCells); // Year 7 with the total of 14 would give away the other two
        Assert.Equal(["complementary", "too-few-respondents", "too-few-respondents"], cells.Select(c => (string)c!["reason"]!).ToList());
        Assert.All(cells, c => Assert.Null(c!["percentFavourable"]));
        Assert.All(cells, c => Assert.Null(c!["n"]));
    }

    [Fact]
    public async Task The_survey_list_and_one_survey_read_as_their_pages_do()
    {
        app.EnsureAvailable();
        var id = await SeedAsync("Listed side by side");
        var governor = await app.ClientForAsync(World.PrimaryGovernor);

        var list = await (await governor.GetAsync("/api/surveys")).ReadJsonAsync();
        var row = list["surveys"]!.AsArray().Single(s => (int)s!["id"]! == id)!;
        var pageRow = (await governor.GetPageAsync("/surveys")).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/surveys/{id}']") is not null);
        Assert.Equal((string)row["title"]!, pageRow.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"{(int)row["responses"]!}", pageRow.QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.Equal(14, (int)row["responses"]!);
        Assert.False((bool)list["canBuild"]!); // a governor reads results; they do not build surveys

        var survey = await (await governor.GetAsync($"/api/surveys/{id}")).ReadJsonAsync();
        var details = await governor.GetPageAsync($"/surveys/{id}");
        foreach (var question in survey["questions"]!.AsArray())
        {
            Assert.Contains((string)question!["text"]!, details.Body!.TextContent, StringComparison.Ordinal);
        }
        Assert.False((bool)survey["canManage"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(World.SecondaryHead)).GetAsync($"/api/surveys/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_survey_built_opened_and_closed_through_the_api_reads_the_same_on_its_page()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);

        var refused = await (await head.PostJsonAsync("/api/surveys", new { title = "No dates", audience = "pupils", school = $"{World.NorthPrimaryUrn}" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(refused["errors"]!.AsObject().Count > 0);

        var created = await (await head.PostJsonAsync("/api/surveys", new
        {
            title = "Built through the API", audience = "pupils", school = $"{World.NorthPrimaryUrn}", opensOn = "2026-11-01", closesOn = "2027-06-30",
            distribution = "one-time-codes", askYearGroup = true, bankCodes = Array.Empty<string>(),
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;
        Assert.Equal("Draft", (string)created["status"]!);

        var withQuestion = await (await head.PostJsonAsync($"/api/surveys/{id}/questions", new { kind = "agreement", text = "I feel safe at school (API)." }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Contains(withQuestion["questions"]!.AsArray(), q => (string)q!["text"]! == "I feel safe at school (API).");
        var extra = await (await head.PostJsonAsync($"/api/surveys/{id}/questions", new { kind = "free-text", text = "Anything else? (to remove)" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var extraId = (int)extra["questions"]!.AsArray().Single(q => (string)q!["text"]! == "Anything else? (to remove)")!["id"]!;
        var removed = await (await head.DeleteAsync($"/api/surveys/{id}/questions/{extraId}")).ReadJsonAsync();
        Assert.DoesNotContain(removed["questions"]!.AsArray(), q => (int)q!["id"]! == extraId);
        Assert.Equal("Open", (string)(await (await head.PostAsync($"/api/surveys/{id}/open", null)).ReadJsonAsync())["status"]!);

        var sheet = await (await head.PostJsonAsync($"/api/surveys/{id}/codes", new { group = "5K", count = 3 })).ReadJsonAsync();
        Assert.Equal(3, sheet["codes"]!.AsArray().Count);

        var survey = await (await head.GetAsync($"/api/surveys/{id}")).ReadJsonAsync();
        Assert.Equal(3, (int)survey["codesIssued"]!);
        var page = await head.GetPageAsync($"/surveys/{id}");
        Assert.Contains($"{(int)survey["codesUsed"]!} of {(int)survey["codesIssued"]!} printed codes used", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("I feel safe at school (API).", page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("(to remove)", page.Body.TextContent, StringComparison.Ordinal);

        Assert.Equal("Closed", (string)(await (await head.PostAsync($"/api/surveys/{id}/close", null)).ReadJsonAsync())["status"]!);
        var secondary = await app.ClientForAsync(World.SecondaryHead);
        Assert.Equal(HttpStatusCode.NotFound, (await secondary.PostAsync($"/api/surveys/{id}/open", null)).StatusCode);
    }

    [Fact]
    public async Task You_said_we_did_recorded_through_the_api_reads_the_same_on_the_pages_and_goes_public_only_when_published()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var url = $"/api/schools/{World.NorthPrimaryUrn}/you-said-we-did";

        var refused = await (await head.PostJsonAsync(url, new { source = "comment", weDid = "Nothing yet", actionOn = "2026-03-01" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the what people said.", refused["errors"]!["youSaid"]!.AsArray().Select(e => (string)e!));

        var created = await (await head.PostJsonAsync(url, new
        {
            source = "comment", youSaid = "Pupils want a quiet place at lunch (API).", weDid = "The library opens at lunch.", owner = "Mrs Khan",
            actionOn = "2026-03-02", published = false,
        })).ReadJsonAsync(HttpStatusCode.Created);
        var entryId = (int)created["id"]!;
        Assert.Equal("comment", (string)created["sourceCode"]!);

        var list = await (await head.GetAsync(url)).ReadJsonAsync();
        var entry = list["entries"]!.AsArray().Single(e => (int)e!["id"]! == entryId)!;
        var page = await head.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/you-said-we-did");
        var card = page.QuerySelectorAll("h3").Single(h => h.TextContent.Contains("(API)", StringComparison.Ordinal)).ParentElement!;
        Assert.Contains((string)entry["weDid"]!, card.TextContent, StringComparison.Ordinal);
        Assert.Contains("not public", card.TextContent, StringComparison.Ordinal);
        Assert.False((bool)entry["published"]!);

        var anonymous = app.Anonymous();
        var publicUrl = $"/api/you-said-we-did/{World.NorthPrimaryUrn}";
        Assert.DoesNotContain("(API)", await (await anonymous.GetAsync(publicUrl)).Content.ReadAsStringAsync(), StringComparison.Ordinal); // 404 until something is published (issue 17 defect 13)

        var published = await (await head.PutJsonAsync($"{url}/{entryId}/published", new { published = true })).ReadJsonAsync();
        Assert.True((bool)published["published"]!);

        var publicJson = await (await anonymous.GetAsync(publicUrl)).ReadJsonAsync();
        var publicPage = await anonymous.GetPageAsync($"/you-said-we-did/{World.NorthPrimaryUrn}");
        var entries = publicJson["entries"]!.AsArray();
        Assert.Contains(entries, e => (string)e!["youSaid"]! == "Pupils want a quiet place at lunch (API).");
        Assert.All(entries, e => Assert.Contains((string)e!["weDid"]!, publicPage.Body!.TextContent, StringComparison.Ordinal));
        Assert.Equal((string)publicJson["school"]!, publicPage.QuerySelector(".respond__school")!.TextContent.Trim());
        Assert.Null(entries[0]!["owner"]); // the public page and its API say what was heard and done, nothing about who

        // A URN is unique only within a trust (ADR 0075): the public page says whose it is, so another trust holding the
        // same URN cannot pass its page off as the school's.
        Assert.Equal("North Star Learning Trust", (string)publicJson["trust"]!);
        Assert.Contains("Published by North Star Learning Trust.", publicPage.Text("main"), StringComparison.Ordinal);
    }
}

public sealed class SurveysThroughTheApiOnSqlite(SqliteApp app) : SurveysThroughTheApi(app), IClassFixture<SqliteApp>;

public sealed class SurveysThroughTheApiOnPostgres(PostgresApp app) : SurveysThroughTheApi(app), IClassFixture<PostgresApp>;
