using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Pupils;

public static class PupilsFeature
{
    public static IServiceCollection AddPupils(this IServiceCollection services) => services
        .AddScoped<ListPupils>()
        .AddScoped<SavePupil>()
        .AddScoped<ReadPupil>()
        .AddScoped<TransferPupil>();

    public static IEndpointRouteBuilder MapPupilsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Pupils").RequireAuthorization();
        api.MapGet("/schools/{urn:int}/pupils", ListAsync)
            .WithSummary("A school's pupils (pseudonymous keys and characteristics); never for governors or reviewers");
        api.MapPost("/schools/{urn:int}/pupils", CreateAsync).WithSummary("Add a pupil by UPN (the UPN is not stored)");
        api.MapPost("/schools/{urn:int}/pupils/transfers", TransferAsync)
            .WithSummary("Move a pupil from another school's roll in the trust onto this one by UPN, with confirm: true; only for someone who may edit both schools' pupils");
        api.MapGet("/pupils/{pupilKey}", GetAsync).WithSummary("A pupil and their current characteristics");
        api.MapPut("/pupils/{pupilKey}", UpdateAsync).WithSummary("Change a pupil's year group or characteristics (recorded from today)");
        api.MapPost("/pupils/{pupilKey}/leave", LeaveAsync).WithSummary("Record that a pupil has left the school");
        return app;
    }

    private static async Task<Results<Ok<ListPupils.Result>, ValidationProblem, NotFound, ForbidHttpResult>> ListAsync(
        int urn, int? yearGroup, int? page, ListPupils useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(urn, yearGroup, page ?? 1, ct)).ToOk();

    private static async Task<Results<Created<PupilDetails>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        int urn, PupilInput input, SavePupil useCase, CancellationToken ct) =>
        (await useCase.CreateAsync(urn, input, ct)).ToCreated(p => $"/api/pupils/{p.Key}");

    private static async Task<Results<Ok<PupilDetails>, ValidationProblem, NotFound, ForbidHttpResult>> TransferAsync(
        int urn, TransferInput input, TransferPupil useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(urn, input, ct)).ToOk();

    private static async Task<Results<Ok<PupilDetails>, NotFound>> GetAsync(string pupilKey, ReadPupil read, CancellationToken ct) =>
        await read.HandleAsync(pupilKey, Stepwise.Features.Access.Permission.ViewPupils, ct) is { Kind: OutcomeKind.Ok } found
            ? TypedResults.Ok(found.Value!.Details)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PupilDetails>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        string pupilKey, PupilInput input, SavePupil useCase, CancellationToken ct) =>
        (await useCase.UpdateAsync(pupilKey, input, ct)).ToOk();

    private static async Task<Results<Ok<PupilDetails>, ValidationProblem, NotFound, ForbidHttpResult>> LeaveAsync(
        string pupilKey, SavePupil useCase, CancellationToken ct) =>
        (await useCase.LeaveAsync(pupilKey, ct)).ToOk();
}
