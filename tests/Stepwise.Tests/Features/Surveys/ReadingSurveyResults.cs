using Microsoft.EntityFrameworkCore;
using System.Net;
using Stepwise.Tests.Infrastructure;
using static Stepwise.Tests.Features.Surveys.SurveyJourney;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>Results as a school leader and a governor read them, with small groups protected.</summary>
public abstract class ReadingSurveyResults(StepwiseApp app)
{
    /// <summary>A pupil survey with these answers, closed so that every response counts (unless <paramref name="close"/> is false).</summary>
    private async Task<(HttpClient Head, Built Survey)> AnsweredAsync((int Agreement, int? Year, string? Text)[] answers, bool close = true)
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var survey = await BuildAndOpenAsync(head, "pupils", World.NorthPrimaryUrn, open: false);
        await AddQuestionAsync(head, survey.Id, "free-text", "What one thing would make school better?");
        await OpenAsync(head, survey.Id);
        var codes = await PrintCodesAsync(head, survey.Id, "KS2", answers.Length);
        for (var i = 0; i < answers.Length; i++)
        {
            var (agreement, year, text) = answers[i];
            Assert.True((await AnswerAsync(app.Anonymous(), survey.Token, codes[i], agreement, year, text)).IsThanks());
        }
        if (close)
        {
            await CloseAsync(head, survey.Id);
        }
        return (head, survey);
    }

    [Fact]
    public async Task Percentage_favourable_counts_the_top_two_of_five_and_leaves_out_dont_know()
    {
        app.EnsureAvailable();
        var (head, survey) = await AnsweredAsync([(5, null, null), (4, null, null), (4, null, null), (2, null, null), (1, null, null), (0, null, null)]);

        var page = await head.GetPageAsync($"/surveys/{survey.Id}/results");

        var first = System.Text.RegularExpressions.Regex.Replace(page.QuerySelector(".result-question")!.TextContent, @"\s+", " ");
        Assert.True(first.Contains("60% favourable, mean 3.20 (n = 5; 1 said don't know)", StringComparison.Ordinal), first);
        // "I often feel left out at school" is reverse-scored: agreeing is unfavourable.
        var reversed = page.QuerySelectorAll(".result-question").First(q => q.TextContent.Contains("I often feel left out")).TextContent;
        Assert.Contains("40% favourable", reversed);
        Assert.NotNull(page.QuerySelector("svg.diverging rect.dv-5"));
    }

    [Fact]
    public async Task A_question_with_four_valid_answers_and_one_dont_know_shows_no_figure()
    {
        app.EnsureAvailable();
        var (head, survey) = await AnsweredAsync([(5, null, null), (4, null, null), (4, null, null), (2, null, null), (0, null, null)]);

        var page = await head.GetPageAsync($"/surveys/{survey.Id}/results");

        Assert.Contains("Fewer than 5 answers: no figures", page.QuerySelector(".result-question")!.TextContent);
    }

    [Fact]
    public async Task Below_the_minimum_no_figure_is_shown_at_all()
    {
        app.EnsureAvailable();
        var (head, survey) = await AnsweredAsync([(5, 6, null), (4, 6, null), (4, 6, null), (2, 6, null)]);

        var page = await head.GetPageAsync($"/surveys/{survey.Id}/results");

        Assert.Contains("Figures appear once at least 5 people have answered", page.Text(".warning"));
        Assert.Empty(page.QuerySelectorAll(".result-question"));
        Assert.DoesNotContain("favourable", page.Text("main").Replace("Smallest group", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_group_of_four_shows_no_figures_and_the_next_smallest_is_hidden_too()
    {
        app.EnsureAvailable();
        var answers = Enumerable.Repeat((5, (int?)3, (string?)null), 6)
            .Concat(Enumerable.Repeat((4, (int?)5, (string?)null), 8))
            .Concat(Enumerable.Repeat((2, (int?)6, (string?)null), 4)).ToArray();
        var (head, survey) = await AnsweredAsync(answers);

        var page = await head.GetPageAsync($"/surveys/{survey.Id}/results?by=year-group");

        var headers = page.QuerySelectorAll("table thead tr:first-child th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Question", "Year 3", "Year 5", "Year 6"], headers); // nobody left it blank: no "not stated" column
        var firstRow = page.QuerySelectorAll("table tbody tr").First().QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("hidden", firstRow[0]);        // Year 3 (6): hidden so Year 6 cannot be worked out
        Assert.StartsWith("100%", firstRow[1]);     // Year 5 (8): shown
        Assert.Equal("too few", firstRow[2]);       // Year 6 (4): too few
        Assert.DoesNotContain("%", page.QuerySelectorAll("table tbody tr").SelectMany(r => r.QuerySelectorAll("td").Where((_, i) => i is 0 or 2)).Select(c => c.TextContent).Aggregate("", string.Concat));
        var respondents = page.QuerySelectorAll("table thead tr:nth-child(2) td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["not shown", "8", "not shown"], respondents);
        Assert.Null(page.QuerySelector(".comments"));
    }

    [Fact]
    public async Task Written_answers_appear_only_from_ten_respondents_and_never_in_breakdowns()
    {
        app.EnsureAvailable();
        var nine = Enumerable.Range(0, 9).Select(i => (4, (int?)5, (string?)$"Comment {i}")).ToArray();
        var (head, survey) = await AnsweredAsync(nine, close: false);
        await CloseAsync(head, survey.Id);
        var page = await head.GetPageAsync($"/surveys/{survey.Id}/results");
        Assert.Null(page.QuerySelector(".comments"));
        Assert.Contains("once at least 10 people have answered this question", page.Text("main"));

        (head, survey) = await AnsweredAsync([.. nine, (4, 5, "A tenth comment")]);
        page = await head.GetPageAsync($"/surveys/{survey.Id}/results");
        Assert.Equal(10, page.QuerySelectorAll(".comments li").Length);
        Assert.Equal("A tenth comment", page.QuerySelectorAll(".comments li")[0].TextContent);

        var breakdown = await head.GetPageAsync($"/surveys/{survey.Id}/results?by=year-group");
        Assert.DoesNotContain("Comment 1", breakdown.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_shows_the_change_with_a_significance_test()
    {
        app.EnsureAvailable();
        var (head, first) = await AnsweredAsync(Enumerable.Repeat((2, (int?)null, (string?)null), 12).Concat(Enumerable.Repeat((4, (int?)null, (string?)null), 3)).ToArray());
        var details = await head.GetPageAsync($"/surveys/{first.Id}");
        var again = await (await head.SubmitAsync(details.Form("form[action*='handler=RunAgain']"), null, $"/surveys/{first.Id}")).AssertRedirectAsync();
        var secondId = int.Parse(again.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await OpenAsync(head, secondId);
        var token = (await head.GetPageAsync($"/surveys/{secondId}")).QuerySelector(".survey-link")!.TextContent.Split("/s/")[1].Trim();
        var codes = await PrintCodesAsync(head, secondId, "KS2", 15);
        foreach (var code in codes)
        {
            Assert.True((await AnswerAsync(app.Anonymous(), token, code, 5)).IsThanks());
        }

        await CloseAsync(head, secondId);
        var page = await head.GetPageAsync($"/surveys/{secondId}/results");

        var first3 = System.Text.RegularExpressions.Regex.Replace(page.QuerySelector(".result-question")!.TextContent, @"\s+", " ");
        Assert.True(first3.Contains("+80 points since last time (20%), a real rise (p < 0.001)", StringComparison.Ordinal), first3);
    }

    private static string Figures(AngleSharp.Html.Dom.IHtmlDocument page) =>
        System.Text.RegularExpressions.Regex.Replace(string.Concat(page.QuerySelectorAll(".result-question").Select(q => q.TextContent)), @"\s+", " ");

    [Fact]
    public async Task While_a_survey_is_open_one_more_answer_cannot_be_read_off_the_change_in_the_figures()
    {
        app.EnsureAvailable();
        var (head, survey) = await AnsweredAsync(Enumerable.Repeat((4, (int?)null, (string?)null), 10).ToArray(), close: false);
        var results = $"/surveys/{survey.Id}/results";
        var before = await head.GetPageAsync(results);

        var codes = await PrintCodesAsync(head, survey.Id, "KS2", 5);
        Assert.True((await AnswerAsync(app.Anonymous(), survey.Token, codes[0], agreement: 1)).IsThanks());
        var after = await head.GetPageAsync(results);

        Assert.Equal(Figures(before), Figures(after)); // the eleventh answer is not in the figures yet
        Assert.Contains("11 received, 5 shown", after.Text("#batches"));
        Assert.Contains("100% favourable, mean 4.00 (n = 5)", Figures(after));

        foreach (var code in codes.Skip(1))
        {
            Assert.True((await AnswerAsync(app.Anonymous(), survey.Token, code, agreement: 2)).IsThanks());
        }
        var fifteen = await head.GetPageAsync(results);
        Assert.Contains("15 received, 10 shown", fifteen.Text("#batches")); // a whole batch of five at a time
        Assert.Contains("(n = 10)", Figures(fifteen));

        await CloseAsync(head, survey.Id);
        var closed = await head.GetPageAsync(results);
        Assert.Null(closed.QuerySelector("#batches"));
        Assert.Contains("67% favourable", Figures(closed)); // every response counts once closed: 10 of 15
        Assert.Contains("(n = 15)", Figures(closed));
    }

    [Fact]
    public async Task A_closed_survey_cannot_be_reopened_and_the_minimum_cannot_change_while_a_survey_is_open()
    {
        app.EnsureAvailable();
        var (head, closed) = await AnsweredAsync(Enumerable.Repeat((4, (int?)null, (string?)null), 6).ToArray());
        var details = await head.GetPageAsync($"/surveys/{closed.Id}");
        Assert.Null(details.QuerySelector("form[action*='handler=Open']"));
        var antiforgery = details.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var reopen = await (await head.PostAsync($"/surveys/{closed.Id}?handler=Open",
            new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]))).ReadPageAsync();
        Assert.Contains(reopen.Errors(), e => e.StartsWith("A closed survey cannot be opened again", StringComparison.Ordinal));
        Assert.Equal(Stepwise.Features.Surveys.SurveyStatus.Closed,
            await app.QueryAsync(db => db.Surveys.Where(s => s.Id == closed.Id).Select(s => s.Status).SingleAsync()));

        var open = await BuildAndOpenAsync(head, "pupils", World.NorthPrimaryUrn, title: "Still open");
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var settings = await (await admin.SubmitAsync((await admin.GetPageAsync("/surveys/settings")).Form(),
            new Dictionary<string, string> { ["Input.MinimumRespondents"] = "4" }, "/surveys/settings")).ReadPageAsync();
        Assert.Contains(settings.Errors(), e => e.StartsWith("Close the open survey", StringComparison.Ordinal));
        Assert.Equal(5, await app.QueryAsync(db => db.SurveySettings.Select(s => (int?)s.MinimumRespondents).FirstOrDefaultAsync()) ?? 5);
        await CloseAsync(head, open.Id);
    }

    [Fact]
    public async Task A_governor_reads_results_but_cannot_build_and_a_teacher_sees_neither()
    {
        app.EnsureAvailable();
        var (_, survey) = await AnsweredAsync(Enumerable.Repeat((4, (int?)null, (string?)null), 5).ToArray());
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);

        Assert.Contains("favourable", (await governor.GetPageAsync($"/surveys/{survey.Id}/results")).Text("main"), StringComparison.Ordinal);
        Assert.Null((await governor.GetPageAsync($"/surveys/{survey.Id}")).QuerySelector("form[action*='handler=Close']"));
        Assert.Equal(HttpStatusCode.NotFound, (await governor.GetAsync($"/surveys/{survey.Id}/codes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.GetAsync("/surveys/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/surveys/{survey.Id}/results")).StatusCode);
    }
}

public sealed class ReadingSurveyResultsOnSqlite(SqliteApp app) : ReadingSurveyResults(app), IClassFixture<SqliteApp>;

public sealed class ReadingSurveyResultsOnPostgres(PostgresApp app) : ReadingSurveyResults(app), IClassFixture<PostgresApp>;
