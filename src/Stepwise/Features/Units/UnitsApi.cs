using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.Units;

public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Units").RequireAuthorization();
        api.MapGet("/schools/{urn:int}/units", ListAsync).WithSummary("A school's units");
        api.MapPost("/schools/{urn:int}/units", CreateAsync).WithSummary("Add a unit to a school");
        api.MapGet("/units/{unitId:int}", GetAsync).WithSummary("A unit");
        api.MapPut("/units/{unitId:int}", UpdateAsync).WithSummary("Edit a unit");
        api.MapPost("/units/{unitId:int}/archive", ArchiveAsync).WithSummary("Archive a unit");
        return app;
    }

    private static async Task<Results<Ok<List<UnitSummary>>, NotFound>> ListAsync(int urn, ReadUnits read, CancellationToken ct) =>
        await read.ForSchoolAsync(urn, ct) is { } units ? TypedResults.Ok(units) : TypedResults.NotFound();

    private static async Task<Results<Ok<UnitSummary>, NotFound>> GetAsync(int unitId, AccessControl access, CancellationToken ct) =>
        await access.FindUnitAsync(unitId, ct) is var (unit, school)
            ? TypedResults.Ok(UnitSummary.From(unit, school.Urn))
            : TypedResults.NotFound();

    private static async Task<Results<Created<UnitSummary>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        int urn, UnitInput input, SaveUnit useCase, CancellationToken ct) =>
        (await useCase.CreateAsync(urn, input, ct)).ToCreated(u => $"/api/units/{u.Id}");

    private static async Task<Results<Ok<UnitSummary>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        int unitId, UnitInput input, SaveUnit useCase, CancellationToken ct) =>
        (await useCase.UpdateAsync(unitId, input, ct)).ToOk();

    private static async Task<Results<Ok<UnitSummary>, ValidationProblem, NotFound, ForbidHttpResult>> ArchiveAsync(
        int unitId, SaveUnit useCase, CancellationToken ct) =>
        (await useCase.ArchiveAsync(unitId, archive: true, ct)).ToOk();
}
