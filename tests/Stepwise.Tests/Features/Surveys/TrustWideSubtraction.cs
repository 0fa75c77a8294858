using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Surveys;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>
/// A trust-wide survey read by someone who may see only some of its schools: the trust-wide figure, less their own
/// school's, would give away the others' answers, so it is shown only when the schools they cannot see together have
/// at least the minimum of people behind it.
/// </summary>
public sealed class TrustWideSubtraction(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>A closed trust-wide staff survey of North Star: one array of answers per respondent (null = skipped).</summary>
    private Task<int> SeedAsync(string title, List<SurveyQuestion> questions, IEnumerable<(int Urn, int?[] Answers)> responses) =>
        SurveyJourney.SeedClosedAsync(app, null, title, questions,
            responses.Select(r => ((int?)r.Urn, (int?)null, r.Answers.Select(a => a is int c ? new SurveyAnswer { Choice = c } : null).ToArray())), Audience.Staff);

    private static SurveyQuestion Agreement(int position, string text) => new() { Position = position, Kind = QuestionKind.Agreement, Text = text };

    [Fact]
    public async Task A_school_leader_sees_no_trust_wide_figure_when_the_other_schools_have_fewer_than_five_respondents()
    {
        // Northgate Primary: ten who agree. Northgate Academy: three who strongly disagree.
        var id = await SeedAsync("Workload", [Agreement(1, "My workload is manageable.")],
            Enumerable.Repeat((World.NorthPrimaryUrn, new int?[] { 4 }), 10).Concat(Enumerable.Repeat((World.NorthSecondaryUrn, new int?[] { 1 }), 3)));

        var head = await app.ClientForAsync(World.PrimaryHead);
        var whole = await head.GetPageAsync($"/surveys/{id}/results");
        Assert.Contains("the schools whose results you cannot see", whole.Text("#withheld"));
        Assert.Empty(whole.QuerySelectorAll(".result-question"));
        Assert.DoesNotContain("favourable", whole.Text("main").Replace("Smallest group", ""), StringComparison.Ordinal);
        var byRole = await head.GetPageAsync($"/surveys/{id}/results?by=staff-role");
        Assert.Null(byRole.QuerySelector("table"));   // a trust-wide breakdown adds up to the same total
        Assert.Contains("the schools whose results you cannot see", byRole.Text("#withheld"));

        // Trust leaders, who see every school, are unaffected.
        var leader = await (await app.ClientForAsync(World.NorthLeader)).GetPageAsync($"/surveys/{id}/results");
        Assert.Null(leader.QuerySelector("#withheld"));
        Assert.Contains("(n = 13)", leader.QuerySelector(".result-question")!.TextContent);
    }

    [Fact]
    public async Task A_question_the_other_schools_barely_answered_shows_no_trust_wide_figure_to_a_school_leader()
    {
        // Six at the Academy, but only two of them answered the second question (four said "don't know").
        var id = await SeedAsync("Wellbeing", [Agreement(1, "I enjoy my work."), Agreement(2, "Leaders consider my wellbeing.")],
            Enumerable.Repeat((World.NorthPrimaryUrn, new int?[] { 4, 4 }), 10)
                .Concat(Enumerable.Repeat((World.NorthSecondaryUrn, new int?[] { 5, 1 }), 2))
                .Concat(Enumerable.Repeat((World.NorthSecondaryUrn, new int?[] { 5, 0 }), 4)));

        var page = await (await app.ClientForAsync(World.PrimaryHead)).GetPageAsync($"/surveys/{id}/results");

        var questions = page.QuerySelectorAll(".result-question");
        Assert.Contains("(n = 16)", questions[0].TextContent);          // six at the Academy: enough
        Assert.DoesNotContain("favourable", questions[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("the schools whose results you cannot see", questions[1].TextContent);
        var leader = await (await app.ClientForAsync(World.NorthLeader)).GetPageAsync($"/surveys/{id}/results");
        Assert.Contains("(n = 12", leader.QuerySelectorAll(".result-question")[1].TextContent);
    }
}
