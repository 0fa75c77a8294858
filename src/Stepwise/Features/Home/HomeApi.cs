using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Home;

public static class HomeFeature
{
    public static IServiceCollection AddHome(this IServiceCollection services) => services.AddScoped<Chrome>().AddScoped<ReadHome>();

    public static IEndpointRouteBuilder MapHomeApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Home").RequireAuthorization()
            .MapGet("/home", async (ReadHome read, CancellationToken ct) => TypedResults.Ok(await read.HandleAsync(ct)))
            .WithSummary("The home page: your trust's name and the schools you may see, each with its context, the whole school's stage and how many plan actions are overdue (bySchool, by URN)");
        return app;
    }
}
