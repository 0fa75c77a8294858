using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Pupils;

public static class PupilsFeature
{
    public static IServiceCollection AddPupils(this IServiceCollection services) => services.AddScoped<ListPupils>();

    public static IEndpointRouteBuilder MapPupilsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/schools").WithTags("Pupils").RequireAuthorization()
            .MapGet("/{urn:int}/pupils", ListAsync)
            .WithSummary("A school's pupils (pseudonymous keys and characteristics); never for governors or reviewers");
        return app;
    }

    private static async Task<Results<Ok<ListPupils.Result>, ValidationProblem, NotFound, ForbidHttpResult>> ListAsync(
        int urn, int? yearGroup, int? page, ListPupils useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(urn, yearGroup, page ?? 1, ct)).ToOk();
}
