using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Audit;

public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<ReadAuditLog>();

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization()
            .MapGet("/", ListAsync).WithSummary("The trust's audit log, newest first (trust administrators)");
        return app;
    }

    private static async Task<Results<Ok<ReadAuditLog.Result>, ValidationProblem, NotFound, ForbidHttpResult>> ListAsync(
        string? entity, int? page, ReadAuditLog useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(entity, page ?? 1, ct)).ToOk();
}
