using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;
using Stepwise.Features.Evidence;

namespace Stepwise.Features.Enquiries;

public static class CyclesFeature
{
    /// <summary>PDSA cycles: planning, the Do and Study, the decision, the shared read and the cycle's evidence.</summary>
    public static IServiceCollection AddCycleUseCases(this IServiceCollection services) => services
        .AddEvidence()
        .AddScoped<IEvidenceOwner, CycleEvidenceOwner>()
        .AddScoped<ReadCycle>()
        .AddScoped<CycleChoices>()
        .AddScoped<SaveCycle>()
        .AddScoped<DecideCycle>();

    public static IEndpointRouteBuilder MapCyclesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enquiries/{enquiryId:int}/cycles").WithTags("PDSA cycles").RequireAuthorization();
        api.MapGet("", ListAsync).WithSummary("An enquiry's PDSA cycles in the order they were planned, each with its decision (adopt, adapt, abandon or null)");
        api.MapPost("", PlanAsync)
            .WithSummary("Plan a cycle on one of the enquiry's change ideas: question, prediction, plan, unit, start and the measures it watches (previousCycleId for the cycle after an adapted or adopted one)");
        api.MapGet("/{cycleId:int}", GetAsync).WithSummary("One cycle: Plan, Do, Study, Act, the cycles before and after it, its measures and evidence");
        api.MapPut("/{cycleId:int}", UpdateAsync).WithSummary("Change a cycle's plan, what happened (Do) or its study; a field left out stays as it is");
        api.MapPost("/{cycleId:int}/decision", DecideAsync)
            .WithSummary("Record the decision (Act): adopt, adapt or abandon, the date and a note; the study must be recorded first");
        api.MapGet("/{cycleId:int}/evidence", EvidenceAsync).WithSummary("The evidence of a cycle, oldest first");
        api.MapPost("/{cycleId:int}/evidence", AddEvidenceAsync)
            .WithSummary("Add evidence to a cycle: a measure (metricKey and group), a survey result, a visit, an observation, a note, a file or a link");
        return app;
    }

    private static async Task<Results<Ok<List<CycleDetail>>, NotFound>> ListAsync(int enquiryId, ReadCycle read, CancellationToken ct) =>
        await read.ListAsync(enquiryId, ct) is { } cycles ? TypedResults.Ok(cycles) : TypedResults.NotFound();

    private static async Task<Results<Ok<CycleDetail>, NotFound>> GetAsync(int enquiryId, int cycleId, ReadCycle read, CancellationToken ct) =>
        await read.OneAsync(enquiryId, cycleId, ct) is { } cycle ? TypedResults.Ok(cycle) : TypedResults.NotFound();

    private static async Task<Results<Created<CycleDetail>, ValidationProblem, NotFound, ForbidHttpResult>> PlanAsync(
        int enquiryId, CycleInput input, SaveCycle save, ReadCycle read, CancellationToken ct) =>
        (await (await save.PlanAsync(enquiryId, input, ct)).ThenAsync(async c => (await read.OneAsync(enquiryId, c.Id, ct))!))
            .ToCreated(c => $"/api/enquiries/{enquiryId}/cycles/{c.Id}");

    private static async Task<Results<Ok<CycleDetail>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        int enquiryId, int cycleId, CycleChanges changes, SaveCycle save, ReadCycle read, CancellationToken ct) =>
        (await (await save.UpdateAsync(enquiryId, cycleId, changes, ct)).ThenAsync(async c => (await read.OneAsync(enquiryId, c.Id, ct))!)).ToOk();

    private static async Task<Results<Ok<CycleDetail>, ValidationProblem, NotFound, ForbidHttpResult>> DecideAsync(
        int enquiryId, int cycleId, DecisionInput input, DecideCycle decide, ReadCycle read, CancellationToken ct) =>
        (await (await decide.HandleAsync(enquiryId, cycleId, input, ct)).ThenAsync(async c => (await read.OneAsync(enquiryId, c.Id, ct))!)).ToOk();

    private static async Task<Results<Ok<List<EvidenceView>>, NotFound>> EvidenceAsync(int enquiryId, int cycleId, ReadCycle read, CancellationToken ct) =>
        await read.OneAsync(enquiryId, cycleId, ct) is { } cycle ? TypedResults.Ok(cycle.Evidence.ToList()) : TypedResults.NotFound();

    private static async Task<Results<Created<EvidenceView>, ValidationProblem, NotFound, ForbidHttpResult>> AddEvidenceAsync(
        int enquiryId, int cycleId, EvidenceInput input, ReadCycle read, AddEvidence add, CancellationToken ct) =>
        await read.OneAsync(enquiryId, cycleId, ct) is null
            ? TypedResults.NotFound()
            : (await add.HandleAsync(EvidenceOwner.Cycle, cycleId, input, ct)).ToCreated(_ => $"/api/enquiries/{enquiryId}/cycles/{cycleId}/evidence");
}
