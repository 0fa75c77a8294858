using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;
using Stepwise.Features.Evidence;
using Stepwise.Features.PeerReviews;

namespace Stepwise.Features.SelfEvaluation;

public static class SelfEvaluationFeature
{
    public static IServiceCollection AddSelfEvaluation(this IServiceCollection services) => services
        .AddEvidence()
        .AddScoped<IEvidenceOwner, JudgementEvidenceOwner>()
        .AddScoped<ReadSelfEvaluation>()
        .AddScoped<RecordJudgement>()
        .AddScoped<ReadImprovementSnapshots>()
        .AddPeerReviews();

    public static IEndpointRouteBuilder MapSelfEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/schools/{urn:int}").WithTags("Self-evaluation").RequireAuthorization();
        api.MapGet("/self-evaluation", GetAsync)
            .WithSummary("A school's (or unit's) self-evaluation: each area of a framework's latest version with the latest judgement from the school, the trust and external review, and the history");
        api.MapGet("/self-evaluation/areas/{areaId:int}", GetAreaAsync)
            .WithSummary("One area of a framework for a school (or unit): every judgement of it with its evidence, and the sources the caller may record; an area of an earlier version answers with the area that continues it");
        api.MapPost("/judgements", RecordAsync).WithSummary("Record a judgement of one area (source self, trust or external)");
        return app;
    }

    private static async Task<Results<Ok<SelfEvaluationView>, NotFound>> GetAsync(int urn, int? unit, string? framework, ReadSelfEvaluation read, CancellationToken ct) =>
        await read.HandleAsync(urn, unit, framework, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<SelfEvaluationAreaView>, NotFound>> GetAreaAsync(int urn, int areaId, int? unit, ReadSelfEvaluation read, CancellationToken ct)
    {
        if (await read.AreaAsync(urn, areaId, unit, ct) is not { } r)
        {
            return TypedResults.NotFound();
        }
        var e = r.Evaluation;
        return TypedResults.Ok(new SelfEvaluationAreaView(e.Urn, e.SchoolName, e.UnitId, e.UnitName, e.FrameworkKey, e.FrameworkName, e.FrameworkVersion, r.Area, r.CanRecord));
    }

    private static async Task<Results<Created<JudgementView>, ValidationProblem, NotFound, ForbidHttpResult>> RecordAsync(
        int urn, JudgementInput input, RecordJudgement record, CancellationToken ct) =>
        (await record.HandleAsync(urn, input, ct)).ToCreated(j => $"/api/schools/{urn}/self-evaluation");
}
