using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.TrustEvaluation;

public static class TrustEvaluationFeature
{
    public static IServiceCollection AddTrustEvaluation(this IServiceCollection services) => services
        .AddScoped<ReadTrustEvaluation>()
        .AddScoped<EvaluateTrust>()
        .AddScoped<DemoTrustEvaluation>();

    public static IEndpointRouteBuilder MapTrustEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/trust/self-evaluation").WithTags("Trust self-evaluation").RequireAuthorization();
        api.MapGet("/", GetAsync)
            .WithSummary("The trust's self-evaluation against a trust-level framework (default the trust quality pillars): each area with its latest judgement and the history");
        api.MapGet("/areas/{areaId:int}", GetAreaAsync)
            .WithSummary("One area (pillar) of a trust-level framework: every judgement of it, newest first; an area of an earlier version answers with the area that continues it");
        api.MapPost("/judgements", RecordAsync)
            .WithSummary("Record the trust's judgement of one area of a trust-level framework: { framework, area, grade, strengths, areasForDevelopment, judgedOn }");
        return app;
    }

    /// <summary>The trust's self-evaluation as the API answers it: its trust-level frameworks and the chosen one's areas.</summary>
    public sealed record TrustEvaluationAnswer(List<FrameworkChoice> Frameworks, TrustEvaluationView? Evaluation);

    public sealed record FrameworkChoice(string Key, string Name, int LatestVersion);

    public sealed record TrustAreaAnswer(string FrameworkKey, string FrameworkName, int FrameworkVersion, TrustAreaView Area);

    private static async Task<Results<Ok<TrustEvaluationAnswer>, NotFound>> GetAsync(string? framework, ReadTrustEvaluation read, CancellationToken ct) =>
        await read.HandleAsync(framework, ct) is { } page
            ? TypedResults.Ok(new TrustEvaluationAnswer(page.Frameworks.Select(f => new FrameworkChoice(f.Key, f.Name, f.LatestVersion)).ToList(), page.Evaluation))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<TrustAreaAnswer>, NotFound>> GetAreaAsync(int areaId, ReadTrustEvaluation read, CancellationToken ct) =>
        await read.AreaAsync(areaId, ct) is { } r
            ? TypedResults.Ok(new TrustAreaAnswer(r.Evaluation.FrameworkKey, r.Evaluation.FrameworkName, r.Evaluation.FrameworkVersion, r.Area))
            : TypedResults.NotFound();

    private static async Task<Results<Created<TrustJudgementView>, ValidationProblem, NotFound, ForbidHttpResult>> RecordAsync(
        TrustJudgementInput input, EvaluateTrust evaluate, CancellationToken ct) =>
        (await evaluate.HandleAsync(input, ct)).ToCreated(_ => "/api/trust/self-evaluation");
}
