using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Stages;

public static class StagesFeature
{
    public static IServiceCollection AddStages(this IServiceCollection services) => services
        .AddScoped<ReadStages>()
        .AddScoped<SetStage>();

    public static IEndpointRouteBuilder MapStagesApi(this IEndpointRouteBuilder app)
    {
        app.MapStageCharts();
        var api = app.MapGroup("/api").WithTags("Stages").RequireAuthorization();
        api.MapGet("/stages", async (ReadStages read, CancellationToken ct) => TypedResults.Ok(await read.ForTrustAsync(ct)))
            .WithSummary("The trust's picture: units in each stage, per school, and what moved since the start of this term");
        api.MapGet("/stages/guidance", () => TypedResults.Ok(StageGuidance.All)).WithSummary("What each stage asks of leaders");
        api.MapGet("/schools/{urn:int}/stages", SchoolAsync).WithSummary("Each unit of a school with its current stage and history");
        api.MapPost("/units/{unitId:int}/stage", SetAsync).WithSummary("Record that a unit entered a stage (stabilise, repair, improve, sustain), and why");
        return app;
    }

    private static async Task<Results<Ok<List<UnitStage>>, NotFound>> SchoolAsync(int urn, ReadStages read, CancellationToken ct) =>
        await read.ForSchoolAsync(urn, ct) is { } units ? TypedResults.Ok(units) : TypedResults.NotFound();

    private static async Task<Results<Created<StageChangeView>, ValidationProblem, NotFound, ForbidHttpResult>> SetAsync(
        int unitId, StageInput input, SetStage set, CancellationToken ct) =>
        (await set.HandleAsync(unitId, input, ct)).ToCreated(_ => $"/api/units/{unitId}/stage");
}
