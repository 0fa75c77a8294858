using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Trusts;

public static class TrustsFeature
{
    public static IServiceCollection AddTrusts(this IServiceCollection services) => services.AddScoped<TrustDetails>();

    public static IEndpointRouteBuilder MapTrustsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/trust").WithTags("Trust").RequireAuthorization();
        api.MapGet("/", GetAsync).WithSummary("Your trust");
        api.MapPut("/", UpdateAsync).WithSummary("Rename your trust or set its Companies House number (trust administrators)");
        return app;
    }

    private static async Task<Ok<TrustSummary>> GetAsync(TrustDetails useCase, CancellationToken ct) =>
        TypedResults.Ok(await useCase.GetAsync(ct));

    private static async Task<Results<Ok<TrustSummary>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        TrustInput input, TrustDetails useCase, CancellationToken ct) =>
        (await useCase.UpdateAsync(input, ct)).ToOk();
}
