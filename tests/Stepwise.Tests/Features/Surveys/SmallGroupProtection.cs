using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Surveys;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>Cases found at review where a figure about fewer than five people could still be shown or worked out.</summary>
public sealed class SmallGroupProtection(SqliteApp app) : IClassFixture<SqliteApp>
{
    private Task<int> ClosedSurveyAsync(string title, List<SurveyQuestion> questions, IEnumerable<(int? Year, int[] Answers)> responses) =>
        SeedAsync(title, questions, responses.Select(r => (r.Year, r.Answers.Select(a => (SurveyAnswer?)new SurveyAnswer { Choice = a }).ToArray())));

    /// <summary>A closed survey of Northgate Primary with these answers (one array per respondent, null = skipped).</summary>
    private Task<int> SeedAsync(string title, List<SurveyQuestion> questions, IEnumerable<(int? Year, SurveyAnswer?[] Answers)> responses) =>
        SurveyJourney.SeedClosedAsync(app, World.NorthPrimaryUrn, title, questions, responses.Select(r => ((int?)null, r.Year, r.Answers)));

    private static SurveyQuestion Agreement(int position, string text, string? scale) =>
        new() { Position = position, Kind = QuestionKind.Agreement, Text = text, Scale = scale };

    [Fact]
    public async Task A_scale_answered_by_two_of_five_respondents_shows_no_scale_figure()
    {
        // Five respondents; only two answer the three "Belonging" items (the others say "don't know", stored as 0).
        var questions = new List<SurveyQuestion>
        {
            Agreement(1, "I feel I belong here.", "Belonging"), Agreement(2, "Adults here know me.", "Belonging"),
            Agreement(3, "I have a friend at school.", "Belonging"), Agreement(4, "Lessons are interesting.", null),
        };
        var id = await ClosedSurveyAsync("Belonging", questions,
            [(7, [5, 5, 5, 4]), (7, [5, 4, 5, 4]), (7, [0, 0, 0, 4]), (7, [0, 0, 0, 4]), (7, [0, 0, 0, 4])]);

        var page = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/surveys/{id}/results");

        Assert.NotEmpty(page.QuerySelectorAll(".result-question")); // five answered the last question: it has figures
        Assert.DoesNotContain("Belonging", page.QuerySelectorAll("table").Select(t => t.TextContent).Aggregate("", string.Concat), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_year_groups_of_one_cannot_be_worked_out_together_from_the_total()
    {
        // Year 7: 10 pupils who disagree; Year 8 and Year 9: one pupil each who strongly agrees.
        var id = await ClosedSurveyAsync("Two of one", [Agreement(1, "I enjoy school.", null)],
            Enumerable.Repeat(((int?)7, new[] { 2 }), 10).Append((8, [5])).Append((9, [5])));

        var page = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/surveys/{id}/results?by=year-group");

        var headers = page.QuerySelectorAll("table thead tr:first-child th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Question", "Year 7", "Year 8", "Year 9"], headers);
        var cells = page.QuerySelectorAll("table tbody tr").First().QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["hidden", "too few", "too few"], cells); // Year 7 shown with the total of 12 would give away the other two
    }

    private static SurveyQuestion Choice(int position, QuestionKind kind, string text, params string[] options) =>
        new() { Position = position, Kind = kind, Text = text, Options = string.Join('\n', options) };

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public async Task Written_answers_need_ten_people_who_wrote_something_not_ten_respondents()
    {
        // Ten respondents: nine write a comment, one leaves the box empty.
        var questions = new List<SurveyQuestion>
        {
            Agreement(1, "I enjoy school.", null),
            new() { Position = 2, Kind = QuestionKind.FreeText, Text = "What would make school better?" },
            new() { Position = 3, Kind = QuestionKind.FreeText, Text = "Anything else?" },
        };
        var id = await SeedAsync("Comments", questions, Enumerable.Range(0, 10).Select(i => ((int?)5, new SurveyAnswer?[]
        {
            new() { Choice = 4 },
            i == 0 ? null : new SurveyAnswer { Text = $"Better idea {i}" },
            new() { Text = $"Something else {i}" },
        })));

        var page = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/surveys/{id}/results");

        var nine = page.QuerySelectorAll(".result-question").Single(q => q.TextContent.Contains("What would make school better?"));
        Assert.Null(nine.QuerySelector(".comments"));
        Assert.Contains("at least 10 people have answered this question", nine.TextContent);
        Assert.DoesNotContain("Better idea", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var ten = page.QuerySelectorAll(".result-question").Single(q => q.TextContent.Contains("Anything else?"));
        Assert.Equal(10, ten.QuerySelectorAll(".comments li").Length);
    }

    [Fact]
    public async Task A_choice_picked_by_fewer_than_five_shows_no_number_and_cannot_be_worked_out_from_the_others()
    {
        // 14 answers: Walk 7, Bus 6, Car 1, Bike 0. Ticked clubs: Art 6, Sport 8, Music 2 of 10.
        var questions = new List<SurveyQuestion>
        {
            Choice(1, QuestionKind.SingleChoice, "How do you get to school?", "Walk", "Bus", "Car", "Bike"),
            Choice(2, QuestionKind.MultipleChoice, "Which clubs do you go to?", "Art", "Sport", "Music"),
        };
        var travel = Enumerable.Repeat(1, 7).Concat(Enumerable.Repeat(2, 6)).Append(3).ToList();
        string[] clubs = ["1,2", "1,2", "1,2", "1,2", "1,2,3", "1,2,3", "2", "2", null!, null!, null!, null!, null!, null!];
        var id = await SeedAsync("Travel", questions, travel.Select((t, i) => ((int?)6, new SurveyAnswer?[]
        {
            new() { Choice = t },
            clubs[i] is null ? null : new SurveyAnswer { Choices = clubs[i] },
        })));

        var page = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/surveys/{id}/results");

        var rows = page.QuerySelectorAll(".result-question")[0].QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => Squash(c.TextContent)).ToList()).ToList();
        Assert.Equal(["Walk", "7", "50%"], rows[0]);
        Assert.Equal(["Bus", "hidden", "not shown"], rows[1]);      // else Car = 14 − 7 − 6
        Assert.Equal(["Car", "fewer than 5", "not shown"], rows[2]);
        Assert.Equal(["Bike", "0", "0%"], rows[3]);
        Assert.Contains("14 answered", page.QuerySelectorAll(".result-question")[0].TextContent);

        var ticked = page.QuerySelectorAll(".result-question")[1].QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => Squash(c.TextContent)).ToList()).ToList();
        Assert.Equal(["Art", "6", "75%"], ticked[0]);
        Assert.Equal(["Sport", "8", "100%"], ticked[1]);
        Assert.Equal(["Music", "fewer than 5", "not shown"], ticked[2]); // people tick several: the others do not add up to a total
    }

    [Fact]
    public async Task The_you_said_we_did_form_does_not_show_the_wording_of_another_schools_question()
    {
        var id = await ClosedSurveyAsync("Northgate only", [Agreement(1, "A question only Northgate Primary asked.", null)], []);
        var questionId = await app.QueryAsync(db => db.SurveyQuestions.Where(q => q.SurveyId == id).Select(q => q.Id).FirstAsync());

        var secondary = await app.SignInAsync(World.SecondaryHead);
        var page = await secondary.GetPageAsync($"/schools/{World.NorthSecondaryUrn}/you-said-we-did?question={questionId}");

        Assert.DoesNotContain("A question only Northgate Primary asked.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var own = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/schools/{World.NorthPrimaryUrn}/you-said-we-did?question={questionId}");
        Assert.Contains("A question only Northgate Primary asked.", own.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
