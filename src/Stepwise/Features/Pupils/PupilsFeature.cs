using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Pupils;

public static class PupilsFeature
{
    public static IServiceCollection AddPupils(this IServiceCollection services) => services
        .AddScoped<ListPupils>()
        .AddScoped<SavePupil>();

    public static IEndpointRouteBuilder MapPupilsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Pupils").RequireAuthorization();
        api.MapGet("/schools/{urn:int}/pupils", ListAsync)
            .WithSummary("A school's pupils (pseudonymous keys and characteristics); never for governors or reviewers");
        api.MapPost("/schools/{urn:int}/pupils", CreateAsync).WithSummary("Add a pupil by UPN (the UPN is not stored)");
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

    private static async Task<Results<Ok<PupilDetails>, NotFound>> GetAsync(
        string pupilKey, SavePupil useCase, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await useCase.FindAsync(pupilKey, ct) is not var (pupil, school))
        {
            return TypedResults.NotFound();
        }
        db.AuditRead(school.TrustId, "Pupil", pupil.Key, $"Viewed a pupil of {school.Name}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PupilDetails.From(pupil, school.Urn, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    private static async Task<Results<Ok<PupilDetails>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        string pupilKey, PupilInput input, SavePupil useCase, CancellationToken ct) =>
        (await useCase.UpdateAsync(pupilKey, input, ct)).ToOk();

    private static async Task<Results<Ok<PupilDetails>, ValidationProblem, NotFound, ForbidHttpResult>> LeaveAsync(
        string pupilKey, SavePupil useCase, CancellationToken ct) =>
        (await useCase.LeaveAsync(pupilKey, ct)).ToOk();
}
