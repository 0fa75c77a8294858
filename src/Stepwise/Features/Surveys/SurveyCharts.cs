using Stepwise.Common.Charts;

namespace Stepwise.Features.Surveys;

/// <summary>A survey question's answers as a diverging bar (<see cref="DivergingBars"/>), on the results page and as files.</summary>
public static class SurveyCharts
{
    /// <summary>The question's chart, or null when it has no agreement answers to show (not an agreement question, or withheld as too few).</summary>
    public static Chart? For(ReadSurveyResults.QuestionResult q) =>
        q.Hidden is null && q.Agreement is { N: > 0 } a
            ? DivergingBars.Draw($"question-{q.Number}", q.Question.Text, QuestionBank.AgreementOptions, a.AsAnswered)
            : null;

    public static IEndpointRouteBuilder MapSurveyCharts(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/surveys/{surveyId:int}/results").RequireAuthorization().ExcludeFromDescription().MapChart("/question", async (context, ct) =>
        {
            var surveyId = int.Parse((string)context.Request.RouteValues["surveyId"]!, System.Globalization.CultureInfo.InvariantCulture);
            var results = await context.RequestServices.GetRequiredService<ReadSurveyResults>().HandleAsync(surveyId, null, ct);
            var number = int.TryParse(context.Request.Query["number"], out var n) ? n : 1;
            return results?.Questions.FirstOrDefault(q => q.Number == number) is { } question ? For(question) : null;
        });
        return app;
    }
}
