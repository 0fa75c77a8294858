using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.SelfEvaluation;

public static class SelfEvaluationFeature
{
    public static IServiceCollection AddSelfEvaluation(this IServiceCollection services) => services
        .AddScoped<ReadSelfEvaluation>()
        .AddScoped<RecordJudgement>()
        .AddScoped<ReadImprovementSnapshots>();

    public static IEndpointRouteBuilder MapSelfEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/schools/{urn:int}").WithTags("Self-evaluation").RequireAuthorization();
        api.MapGet("/self-evaluation", GetAsync)
            .WithSummary("A school's (or unit's) self-evaluation: each area of a framework's latest version with the latest judgement from the school, the trust and external review, and the history");
        api.MapPost("/judgements", RecordAsync).WithSummary("Record a judgement of one area (source self, trust or external)");
        return app;
    }

    private static async Task<Results<Ok<SelfEvaluationView>, NotFound>> GetAsync(int urn, int? unit, string? framework, ReadSelfEvaluation read, CancellationToken ct) =>
        await read.HandleAsync(urn, unit, framework, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<JudgementView>, ValidationProblem, NotFound, ForbidHttpResult>> RecordAsync(
        int urn, JudgementInput input, RecordJudgement record, CancellationToken ct) =>
        (await record.HandleAsync(urn, input, ct)).ToCreated(j => $"/api/schools/{urn}/self-evaluation");
}
