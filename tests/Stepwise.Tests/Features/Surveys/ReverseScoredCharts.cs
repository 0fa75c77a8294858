using Stepwise.Features.Surveys;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>A reverse-scored question is drawn as people answered it; only its % favourable counts the other way.</summary>
public abstract class ReverseScoredCharts(StepwiseApp app)
{
    /// <summary>
    /// Issue 17 defect 4: five parents strongly agreed that bullying is a problem the school does not tackle; the bar
    /// and its screen-reader label said "Strongly disagree 100%".
    /// </summary>
    [Fact]
    public async Task A_reverse_scored_question_is_drawn_and_labelled_with_what_people_answered()
    {
        app.EnsureAvailable();
        var bullying = new SurveyQuestion { Position = 1, Kind = QuestionKind.Agreement, Text = "Bullying is a problem that the school does not tackle.", ReverseScored = true };
        var id = await SurveyJourney.SeedClosedAsync(app, World.NorthPrimaryUrn, "Parents' view", [bullying],
            Enumerable.Range(0, 5).Select(_ => ((int?)null, (int?)null, new SurveyAnswer?[] { new() { Choice = 5 } })), Audience.Parents);
        var head = await app.ClientForAsync(World.PrimaryHead);

        var page = await head.GetPageAsync($"/surveys/{id}/results");
        var svg = page.QuerySelector(".result-question svg")!;
        Assert.Contains("Strongly agree 100%", svg.QuerySelector("desc")!.TextContent);
        Assert.Contains("100% agree, 0% disagree", svg.QuerySelector("title")!.TextContent);
        Assert.NotNull(svg.QuerySelector("rect.dv-5"));
        Assert.Null(svg.QuerySelector("rect.dv-1"));
        Assert.Equal("Strongly agree: 100%", svg.QuerySelector("rect.dv-5 title")!.TextContent);
        Assert.Contains("0% favourable", page.QuerySelector(".result-question")!.TextContent); // agreeing is unfavourable here

        var json = await (await head.GetAsync($"/api/surveys/{id}/results")).ReadJsonAsync();
        var question = json["questions"]![0]!;
        Assert.Equal([0, 0, 0, 0, 5], question["distribution"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(0.0, (double)question["percentFavourable"]!);
    }
}

public sealed class ReverseScoredChartsOnSqlite(SqliteApp app) : ReverseScoredCharts(app), IClassFixture<SqliteApp>;

public sealed class ReverseScoredChartsOnPostgres(PostgresApp app) : ReverseScoredCharts(app), IClassFixture<PostgresApp>;
