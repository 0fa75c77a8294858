using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Trusts;

public static class TrustsFeature
{
    public static IServiceCollection AddTrusts(this IServiceCollection services) => services.AddScoped<TrustDetails>().AddScoped<CreateTrust>();

    public static IEndpointRouteBuilder MapTrustsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/trust").WithTags("Trust").RequireAuthorization();
        api.MapGet("/", GetAsync).WithSummary("Your trust");
        api.MapPut("/", UpdateAsync).WithSummary("Rename your trust or set its Companies House number (trust administrators)");
        app.MapGroup("/api/trusts").WithTags("Trust").RequireAuthorization()
            .MapPost("/", CreateAsync)
            .WithSummary("Create a trust with its first administrator (service administrators); without a password the reply holds their one-time invitation link");
        return app;
    }

    private static async Task<Ok<TrustSummary>> GetAsync(TrustDetails useCase, CancellationToken ct) =>
        TypedResults.Ok(await useCase.GetAsync(ct));

    private static async Task<Results<Created<CreatedTrust>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        NewTrustInput input, CreateTrust useCase, HttpRequest request, CancellationToken ct)
    {
        var outcome = await useCase.HandleAsync(input, ct);
        if (outcome.Value is { InvitationLink: string path } created)
        {
            outcome = Outcome<CreatedTrust>.Ok(created with { InvitationLink = $"{request.Scheme}://{request.Host}{request.PathBase}{path}" });
        }
        return outcome.ToCreated(t => "/api/trust");
    }

    private static async Task<Results<Ok<TrustSummary>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        TrustInput input, TrustDetails useCase, CancellationToken ct) =>
        (await useCase.UpdateAsync(input, ct)).ToOk();
}
