using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Analytics.Surveys;
using Stepwise.Common;

namespace Stepwise.Features.Surveys;

/// <summary>
/// Surveys, their results and "you said, we did" as JSON: the same use cases as the pages, so the same figures and the
/// same small-group protection (a suppressed figure is null here, with the reason, as it is "not shown" on the page).
/// </summary>
public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Surveys").RequireAuthorization();
        api.MapGet("/surveys", ListAsync)
            .WithSummary("The surveys you may see, newest first, with their response counts, and the schools whose visits or \"you said, we did\" you may open");
        api.MapGet("/surveys/{surveyId:int}", GetAsync).WithSummary("One survey: its questions, dates, status and how it reached people");
        api.MapGet("/surveys/{surveyId:int}/results", ResultsAsync)
            .WithSummary("A survey's results with small-group protection: the figures of its results page")
            .WithDescription("Percentage favourable (top two of five, \"don't know\" left out), distribution and mean per question and per scale, the change since the previous run (two-proportion z-test for a question, Welch's t-test on one score per respondent for a scale), and with by=school|year-group|staff-role a breakdown. No figure comes from fewer respondents than the trust's minimum: such a figure is null and its reason says why (too-few-respondents, or complementary when hidden so that another cannot be worked out by subtraction). While a survey is open each question's figures use, per group of people (school, year group, staff role), only that group's first answers in whole batches of the minimum, the latest held back (ADR 0072). Written answers appear once 10 people have written one, never in a breakdown.");
        api.MapPost("/surveys", CreateAsync)
            .WithSummary("Build a survey as a draft from the question bank: title, audience (staff, pupils, parents), school (a URN, or \"trust\"), opensOn, closesOn, distribution (open-link, one-time-codes), bankCodes");
        api.MapPost("/surveys/{surveyId:int}/questions", AddQuestionAsync)
            .WithSummary("Add your own question to a draft: kind (agreement, single-choice, multiple-choice, number, free-text), text; options one a line for a choice");
        api.MapDelete("/surveys/{surveyId:int}/questions/{questionId:int}", RemoveQuestionAsync).WithSummary("Remove a question from a draft");
        api.MapPost("/surveys/{surveyId:int}/open", OpenAsync).WithSummary("Open a survey for answers until its closing date");
        api.MapPost("/surveys/{surveyId:int}/close", CloseAsync).WithSummary("Close a survey: no more answers are accepted and every response counts in the figures");
        api.MapPost("/surveys/{surveyId:int}/run-again", RunAgainAsync).WithSummary("A new run of a survey as a draft, compared with this one in its results");
        api.MapPost("/surveys/{surveyId:int}/codes", CodesAsync)
            .WithSummary("Print one-time codes: group (a class or tutor group), count, and school (a URN) for a trust-wide survey; the codes exist in plain only in this reply");
        api.MapGet("/surveys/settings", MinimumAsync).WithSummary("The trust's minimum number of respondents behind any survey figure (people who manage surveys trust-wide)");
        api.MapPut("/surveys/settings", SaveMinimumAsync).WithSummary("Change the minimum (3 to 50); refused while any survey is open");
        api.MapGet("/schools/{urn:int}/you-said-we-did", YouSaidAsync)
            .WithSummary("A school's \"you said, we did\": what was heard, what was done, what it answers and whether it is public (people who manage the school's surveys)");
        api.MapPost("/schools/{urn:int}/you-said-we-did", RecordAsync)
            .WithSummary("Record \"you said, we did\": source (survey-question, comment or visit-finding), youSaid, weDid, actionOn; optionally the question, visit or plan action it answers, or newActionPriorityId to add \"we did\" to the plan");
        api.MapPut("/schools/{urn:int}/you-said-we-did/{entryId:int}/published", PublishAsync)
            .WithSummary("Show an entry on the school's public page, or take it off ({\"published\": true|false})");
        app.MapGet("/api/you-said-we-did/{urn:int}", PublicAsync).WithTags("Surveys").AllowAnonymous()
            .WithSummary("A school's public \"you said, we did\": its published entries only (no sign-in)");
        return app;
    }

    public sealed record PublishInput(bool Published);

    private static async Task<Results<Ok<ReadSurveys.SurveyList>, ForbidHttpResult>> ListAsync(ReadSurveys read, CancellationToken ct) =>
        await read.ListAsync(ct) is { } list ? TypedResults.Ok(list) : TypedResults.Forbid();

    private static async Task<Results<Ok<ReadSurveys.SurveyView>, NotFound>> GetAsync(int surveyId, ReadSurveys read, CancellationToken ct) =>
        await read.OneAsync(surveyId, ct) is { } survey ? TypedResults.Ok(survey) : TypedResults.NotFound();

    private static async Task<Results<Ok<ResultsView>, NotFound>> ResultsAsync(int surveyId, string? by, ReadSurveyResults read, CancellationToken ct) =>
        await read.HandleAsync(surveyId, by, ct) is { } results ? TypedResults.Ok(ResultsView.Of(results)) : TypedResults.NotFound();

    public sealed record CodesInput(string? Group, int? Count, string? School);

    /// <summary>A sheet of one-time codes: shown once, never stored in plain.</summary>
    public sealed record CodeSheet(int SurveyId, string Group, string School, IReadOnlyList<string> Codes);

    private static async Task<Results<Created<ReadSurveys.SurveyView>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        SurveyInput input, BuildSurvey build, ReadSurveys read, CancellationToken ct) =>
        (await (await build.CreateAsync(input, ct)).ThenAsync(s => read.WrittenAsync(s.Id, ct))).ToCreated(s => $"/api/surveys/{s.Id}");

    private static async Task<Results<Created<ReadSurveys.SurveyView>, ValidationProblem, NotFound, ForbidHttpResult>> AddQuestionAsync(
        int surveyId, QuestionInput input, BuildSurvey build, ReadSurveys read, CancellationToken ct) =>
        (await (await build.AddQuestionAsync(surveyId, input, ct)).ThenAsync(_ => read.WrittenAsync(surveyId, ct))).ToCreated(s => $"/api/surveys/{s.Id}");

    private static async Task<Results<Ok<ReadSurveys.SurveyView>, ValidationProblem, NotFound, ForbidHttpResult>> RemoveQuestionAsync(
        int surveyId, int questionId, BuildSurvey build, ReadSurveys read, CancellationToken ct) =>
        (await (await build.RemoveQuestionAsync(surveyId, questionId, ct)).ThenAsync(s => read.WrittenAsync(s.Id, ct))).ToOk();

    private static async Task<Results<Ok<ReadSurveys.SurveyView>, ValidationProblem, NotFound, ForbidHttpResult>> OpenAsync(
        int surveyId, ChangeSurveyStatus status, ReadSurveys read, CancellationToken ct) =>
        (await (await status.OpenAsync(surveyId, ct)).ThenAsync(s => read.WrittenAsync(s.Id, ct))).ToOk();

    private static async Task<Results<Ok<ReadSurveys.SurveyView>, ValidationProblem, NotFound, ForbidHttpResult>> CloseAsync(
        int surveyId, ChangeSurveyStatus status, ReadSurveys read, CancellationToken ct) =>
        (await (await status.CloseAsync(surveyId, ct)).ThenAsync(s => read.WrittenAsync(s.Id, ct))).ToOk();

    private static async Task<Results<Created<ReadSurveys.SurveyView>, ValidationProblem, NotFound, ForbidHttpResult>> RunAgainAsync(
        int surveyId, BuildSurvey build, ReadSurveys read, CancellationToken ct) =>
        (await (await build.RunAgainAsync(surveyId, ct)).ThenAsync(s => read.WrittenAsync(s.Id, ct))).ToCreated(s => $"/api/surveys/{s.Id}");

    private static async Task<Results<Ok<CodeSheet>, ValidationProblem, NotFound, ForbidHttpResult>> CodesAsync(
        int surveyId, CodesInput input, IssueCodes issue, HttpContext context, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        return (await (await issue.HandleAsync(surveyId, input.Group, input.Count, input.School, ct))
            .ThenAsync(sheet => Task.FromResult(new CodeSheet(surveyId, sheet.Group, sheet.SchoolName, sheet.Codes)))).ToOk();
    }

    private static async Task<Results<Ok<SurveyMinimum.MinimumView>, ForbidHttpResult>> MinimumAsync(SurveyMinimum minimum, CancellationToken ct) =>
        await minimum.ReadAsync(ct) is { } view ? TypedResults.Ok(view) : TypedResults.Forbid();

    private static async Task<Results<Ok<SurveyMinimum.MinimumView>, ValidationProblem, NotFound, ForbidHttpResult>> SaveMinimumAsync(
        SurveyMinimum.MinimumInput input, SurveyMinimum minimum, CancellationToken ct) =>
        (await minimum.SaveAsync(input, ct)).ToOk();

    private static async Task<Results<Ok<ReadYouSaidWeDid.SchoolEntries>, ValidationProblem, NotFound, ForbidHttpResult>> YouSaidAsync(
        int urn, ReadYouSaidWeDid read, CancellationToken ct) =>
        (await read.ForSchoolAsync(urn, ct)).ToOk();

    private static async Task<Results<Created<ReadYouSaidWeDid.Entry>, ValidationProblem, NotFound, ForbidHttpResult>> RecordAsync(
        int urn, YouSaidInput input, SaveYouSaidWeDid save, ReadYouSaidWeDid read, CancellationToken ct) =>
        (await (await save.CreateAsync(urn, input, ct)).ThenAsync(e => read.OneAsync(e, ct))).ToCreated(_ => $"/api/schools/{urn}/you-said-we-did");

    private static async Task<Results<Ok<ReadYouSaidWeDid.Entry>, ValidationProblem, NotFound, ForbidHttpResult>> PublishAsync(
        int urn, int entryId, PublishInput input, SaveYouSaidWeDid save, ReadYouSaidWeDid read, CancellationToken ct) =>
        (await (await save.SetPublishedAsync(urn, entryId, input.Published, ct)).ThenAsync(e => read.OneAsync(e, ct))).ToOk();

    private static async Task<Results<Ok<ReadYouSaidWeDid.PublicEntries>, NotFound>> PublicAsync(int urn, ReadYouSaidWeDid read, CancellationToken ct) =>
        await read.PublicAsync(urn, ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();

    /// <summary>A survey's results as JSON: a projection of <see cref="ReadSurveyResults.Results"/>, nothing computed here.</summary>
    /// <param name="Received">Responses stored so far.</param>
    /// <param name="Respondents">Responses the figures use (while the survey is open, whole batches per group of people).</param>
    /// <param name="TooFew">Fewer respondents than the minimum: no figures at all.</param>
    /// <param name="Withheld">Why the trust-wide figures are not shown to you, when they are not.</param>
    public sealed record ResultsView(int SurveyId, string Title, string Where, string Status, int Received, int Respondents, bool Batched, int MinimumRespondents,
        bool TooFew, string? PreviousTitle, int? PreviousRespondents, string? Withheld, List<QuestionView> Questions, List<ScaleView> Scales,
        IReadOnlyList<string> BreakdownChoices, BreakdownView? Breakdown)
    {
        public static ResultsView Of(ReadSurveyResults.Results r) => new(r.Survey.Id, r.Survey.Title, r.Where, r.Survey.Status.ToString(), r.Received,
            r.Respondents, r.Batched, r.Policy.MinimumRespondents, r.TooFew, r.PreviousTitle, r.PreviousRespondents, r.Withheld,
            r.Questions.Select(QuestionView.Of).ToList(), r.Scales.Select(ScaleView.Of).ToList(), r.BreakdownChoices,
            r.Breakdown is { } b ? new BreakdownView(b.Title, b.Groups, b.GroupRespondents,
                b.Rows.Select(row => new BreakdownRowView(row.Number, row.Question, row.Withheld,
                    row.Cells.Select(c => new CellView(c.PercentFavourable, c.Mean, c.Reason == SuppressionReason.Shown ? c.N : null, Codes.Of(c.Reason))).ToList())).ToList())
                : null);
    }

    /// <param name="Hidden">Why the question has no figures, when it has none.</param>
    /// <param name="Distribution">Answers per point of the agreement scale as respondents picked them, strongly disagree first (not reversed for a reverse-scored question).</param>
    /// <param name="DontKnow">Answers of "don't know", left out of the figures.</param>
    public sealed record QuestionView(int Number, int QuestionId, string Kind, string Text, bool ReverseScored, string? Scale, int Answered, string? Hidden,
        double? PercentFavourable, double? Mean, int? N, IReadOnlyList<int>? Distribution, int? DontKnow, ChangeView? Change,
        List<ChoiceView>? Choices, NumbersView? Numbers, List<string>? Comments)
    {
        public static QuestionView Of(ReadSurveyResults.QuestionResult q) => new(q.Number, q.Question.Id, Codes.Of(q.Question.Kind), q.Question.Text,
            q.Question.ReverseScored, q.Question.Scale, q.Answered, q.Hidden,
            q.Agreement?.PercentFavourable, q.Agreement?.Mean, q.Agreement?.N, q.Agreement?.AsAnswered, q.Agreement?.Excluded, ChangeView.Of(q.Change),
            q.Choices?.Select(c => new ChoiceView(c.Option, c.Count, c.Percent, Codes.Of(c.Reason))).ToList(),
            q.Numbers is { } n ? new NumbersView(n.N, n.Mean, n.Median) : null,
            q.Comments);
    }

    /// <param name="Difference">Percentage points, now minus before.</param>
    public sealed record ChangeView(double PreviousPercent, double Difference, double PValue, bool Significant)
    {
        public static ChangeView? Of(ReadSurveyResults.Change? c) =>
            c is null ? null : new ChangeView(c.PreviousPercent, 100 * c.Test.Difference, c.Test.PValue, c.Test.IsSignificant());
    }

    /// <param name="Reason">shown, no-respondents, too-few-respondents or complementary (hidden so another cannot be worked out).</param>
    public sealed record ChoiceView(string Option, int? Count, double? Percent, string Reason);

    public sealed record NumbersView(int N, double Mean, double Median);

    /// <param name="Alpha">Cronbach's alpha with its interval, when there are enough complete answers to show it.</param>
    public sealed record ScaleView(string Name, int Items, double? PercentFavourable, double? Mean, int N, double? Alpha, double? AlphaLow, double? AlphaHigh, ChangeView? Change)
    {
        public static ScaleView Of(ReadSurveyResults.ScaleResult s) => new(s.Name, s.Items, s.Pooled.PercentFavourable, s.Pooled.Mean, s.Pooled.N,
            s.AlphaShown ? s.Alpha.Alpha : null, s.AlphaShown ? s.Alpha.Low : null, s.AlphaShown ? s.Alpha.High : null, ChangeView.Of(s.Change));
    }

    /// <param name="GroupRespondents">Respondents per group; null where the count is not shown.</param>
    public sealed record BreakdownView(string Title, List<string> Groups, List<int?> GroupRespondents, List<BreakdownRowView> Rows);

    /// <param name="Withheld">Not shown to you: the figures would give away the answers of schools you cannot see.</param>
    public sealed record BreakdownRowView(int Number, string Question, bool Withheld, List<CellView> Cells);

    /// <param name="Reason">shown, no-respondents, too-few-respondents or complementary.</param>
    public sealed record CellView(double? PercentFavourable, double? Mean, int? N, string Reason);
}
