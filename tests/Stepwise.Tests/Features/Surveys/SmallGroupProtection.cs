using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Surveys;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>Cases found at review where a figure about fewer than five people could still be shown or worked out.</summary>
public sealed class SmallGroupProtection(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<int> ClosedSurveyAsync(string title, List<SurveyQuestion> questions, IEnumerable<(int? Year, int[] Answers)> responses)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var school = app.World.School(World.NorthPrimaryUrn);
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(school.TrustId, "test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var q in questions)
        {
            q.TrustId = school.TrustId;
        }
        var survey = new Survey
        {
            TrustId = school.TrustId, SchoolId = school.Id, Title = title, Audience = Audience.Pupils, Status = SurveyStatus.Closed,
            OpensOn = new DateOnly(2026, 1, 5), ClosesOn = new DateOnly(2026, 1, 19), Distribution = Distribution.OpenLink,
            LinkToken = OneTimeCodes.NewLinkToken(), AskYearGroup = true, Questions = questions,
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        foreach (var (year, answers) in responses)
        {
            var response = new SurveyResponse { TrustId = school.TrustId, SurveyId = survey.Id, SchoolId = school.Id, SubmittedOn = new DateOnly(2026, 1, 6), YearGroup = year };
            for (var i = 0; i < answers.Length; i++)
            {
                response.Answers.Add(new SurveyAnswer { TrustId = school.TrustId, QuestionId = questions[i].Id, Choice = answers[i] });
            }
            db.SurveyResponses.Add(response);
        }
        await db.SaveChangesAsync();
        return survey.Id;
    }

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
