using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Visits;

public static class VisitsFeature
{
    public static IServiceCollection AddVisits(this IServiceCollection services) => services
        .AddScoped<SaveGovernorVisit>()
        .AddScoped<ReadVisits>();

    public static IEndpointRouteBuilder MapVisitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Governor visits").RequireAuthorization();
        api.MapGet("/schools/{urn:int}/visits", ListAsync)
            .WithSummary("A school's governor visit reports, newest first")
            .WithDescription("Visit-report readers (school and trust leaders, governors) see every report of the school; a governor who may write reports but not read them sees their own. canWrite says whether the caller may write one.");
        api.MapPost("/schools/{urn:int}/visits", CreateAsync)
            .WithSummary("Write up a visit (governors): date (not in the future), focus or a plan priority, what you saw, findings; questions and follow-ups optional");
        api.MapGet("/visits/{visitId:int}", GetAsync).WithSummary("One visit report, with the governor who wrote it");
        api.MapPut("/visits/{visitId:int}", UpdateAsync).WithSummary("Change a visit report: only the governor who wrote it, while they may still write reports at the school");
        return app;
    }

    private static async Task<Results<Ok<ReadVisits.SchoolVisits>, ValidationProblem, NotFound, ForbidHttpResult>> ListAsync(int urn, ReadVisits read, CancellationToken ct) =>
        (await read.ForSchoolAsync(urn, ct)).ToOk();

    private static async Task<Results<Ok<ReadVisits.VisitView>, NotFound>> GetAsync(int visitId, ReadVisits read, CancellationToken ct) =>
        await read.OneAsync(visitId, ct) is { } visit ? TypedResults.Ok(visit) : TypedResults.NotFound();

    private static async Task<Results<Created<ReadVisits.VisitView>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        int urn, VisitInput input, SaveGovernorVisit save, ReadVisits read, CancellationToken ct) =>
        (await (await save.CreateAsync(urn, input, ct)).ThenAsync(v => read.WrittenAsync(v, ct))).ToCreated(v => $"/api/visits/{v.Id}");

    private static async Task<Results<Ok<ReadVisits.VisitView>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        int visitId, VisitInput input, SaveGovernorVisit save, ReadVisits read, CancellationToken ct) =>
        (await (await save.UpdateAsync(visitId, input, ct)).ThenAsync(v => read.WrittenAsync(v, ct))).ToOk();
}
