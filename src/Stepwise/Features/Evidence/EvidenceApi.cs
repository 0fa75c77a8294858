using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stepwise.Common;

namespace Stepwise.Features.Evidence;

public static class EvidenceFeature
{
    /// <summary>The evidence use cases; each feature whose records carry evidence calls this and registers its <see cref="IEvidenceOwner"/>.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.TryAddScoped<EvidenceOwners>();
        services.TryAddScoped<ReadEvidence>();
        services.TryAddScoped<AddEvidence>();
        services.TryAddScoped<RemoveEvidence>();
        services.TryAddScoped<ReadEvidenceChoices>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Evidence").RequireAuthorization();
        api.MapGet("/judgements/{judgementId:int}/evidence", (int judgementId, ReadEvidence read, CancellationToken ct) => ListAsync(EvidenceOwner.Judgement, judgementId, read, ct))
            .WithSummary("The evidence a judgement rests on, oldest first");
        api.MapPost("/judgements/{judgementId:int}/evidence", (int judgementId, EvidenceInput input, AddEvidence add, CancellationToken ct) =>
                AddAsync(EvidenceOwner.Judgement, judgementId, input, add, $"/api/judgements/{judgementId}/evidence", ct))
            .WithSummary("Add evidence to a judgement: a measure (metricKey and group), a survey result, a visit, an observation, a note, a file or a link");
        api.MapGet("/priorities/{priorityId:int}/evidence", (int priorityId, ReadEvidence read, CancellationToken ct) => ListAsync(EvidenceOwner.Priority, priorityId, read, ct))
            .WithSummary("The evidence of a plan's priority, oldest first");
        api.MapPost("/priorities/{priorityId:int}/evidence", (int priorityId, EvidenceInput input, AddEvidence add, CancellationToken ct) =>
                AddAsync(EvidenceOwner.Priority, priorityId, input, add, $"/api/priorities/{priorityId}", ct))
            .WithSummary("Add evidence to a priority: a measure (metricKey and group), a survey result, a visit, an observation, a note, a file or a link");
        api.MapDelete("/evidence/{evidenceId:int}", RemoveAsync)
            .WithSummary("Remove a piece of evidence from what it supports (the audit log keeps it)");
        return app;
    }

    private static async Task<Results<Ok<List<EvidenceView>>, NotFound>> ListAsync(EvidenceOwner kind, int ownerId, ReadEvidence read, CancellationToken ct) =>
        await read.HandleAsync(kind, ownerId, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();

    private static async Task<Results<Created<EvidenceView>, ValidationProblem, NotFound, ForbidHttpResult>> AddAsync(
        EvidenceOwner kind, int ownerId, EvidenceInput input, AddEvidence add, string location, CancellationToken ct) =>
        (await add.HandleAsync(kind, ownerId, input, ct)).ToCreated(_ => location);

    private static async Task<Results<Ok<EvidenceView>, ValidationProblem, NotFound, ForbidHttpResult>> RemoveAsync(
        int evidenceId, RemoveEvidence remove, CancellationToken ct) =>
        (await remove.HandleAsync(evidenceId, ct)).ToOk();
}
