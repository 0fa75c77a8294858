using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Schools;

public static class SchoolsApi
{
    public static IEndpointRouteBuilder MapSchoolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/schools").WithTags("Schools").RequireAuthorization();
        api.MapGet("/", ListAsync).WithSummary("The schools you may see");
        api.MapGet("/{urn:int}", GetAsync).WithSummary("A school with its units and staff");
        api.MapGet("/{urn:int}/at-a-glance", AtAGlanceAsync)
            .WithSummary("The school at a glance, as its page shows it: stage, measures with a signal, plan goals by trajectory and overdue actions, the latest survey's favourable figure, the disadvantage gap, what comes next, what needs attention this week and the sections you may open")
            .WithDescription("Each figure carries its year or period. The survey part is present only for people who may read the school's survey results, and holds only what the results page releases to them (ADR 0072); the gaps are suppressed as on the gaps page (missing: fewer-than-5 or withheld, ADR 0073). A part with nothing yet gives start: where to begin.");
        api.MapPost("/", CreateAsync).WithSummary("Add a school to your trust; fields left out are filled from the national register where it holds the URN");
        api.MapPut("/{urn:int}", UpdateAsync).WithSummary("Edit a school");
        api.MapPost("/{urn:int}/archive", ArchiveAsync).WithSummary("Archive a school");
        api.MapPost("/{urn:int}/restore", RestoreAsync).WithSummary("Bring an archived school back");
        return app;
    }

    private static async Task<Ok<List<SchoolSummary>>> ListAsync(ListSchools useCase, bool? includeArchived, CancellationToken ct) =>
        TypedResults.Ok(await useCase.HandleAsync(includeArchived ?? false, ct));

    private static async Task<Results<Ok<GetSchoolProfile.Result>, NotFound>> GetAsync(int urn, GetSchoolProfile useCase, CancellationToken ct) =>
        await useCase.HandleAsync(urn, ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    private static async Task<Results<Ok<ReadSchoolAtAGlance.Glance>, NotFound>> AtAGlanceAsync(int urn, ReadSchoolAtAGlance useCase, CancellationToken ct) =>
        await useCase.HandleAsync(urn, ct) is { } glance ? TypedResults.Ok(glance) : TypedResults.NotFound();

    private static async Task<Results<Created<SchoolSummary>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        SchoolInput input, SaveSchool useCase, CancellationToken ct) =>
        (await useCase.CreateAsync(input, ct)).ToCreated(s => $"/api/schools/{s.Urn}");

    private static async Task<Results<Ok<SchoolSummary>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        int urn, SchoolInput input, SaveSchool useCase, CancellationToken ct) =>
        (await useCase.UpdateAsync(urn, input, ct)).ToOk();

    private static async Task<Results<Ok<SchoolSummary>, ValidationProblem, NotFound, ForbidHttpResult>> ArchiveAsync(
        int urn, ArchiveSchool useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(urn, archive: true, ct)).ToOk();

    private static async Task<Results<Ok<SchoolSummary>, ValidationProblem, NotFound, ForbidHttpResult>> RestoreAsync(
        int urn, ArchiveSchool useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(urn, archive: false, ct)).ToOk();
}
