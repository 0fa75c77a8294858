using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;

namespace Stepwise.Features.Frameworks;

public static class FrameworksFeature
{
    public static IServiceCollection AddFrameworks(this IServiceCollection services) => services
        .AddScoped<FrameworkCatalogue>()
        .AddScoped<SaveFramework>();

    public static IEndpointRouteBuilder MapFrameworksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/frameworks").WithTags("Frameworks").RequireAuthorization();
        api.MapGet("/", ListAsync).WithSummary("Your trust's self-evaluation frameworks and their versions");
        api.MapGet("/library", () => TypedResults.Ok(FrameworkLibrary.All)).WithSummary("The frameworks shipped with Stepwise, as JSON definitions");
        api.MapPost("/library", InstallAsync).WithSummary("Add a framework from the library to your trust: { \"key\": \"ofsted-2025\" }");
        api.MapPost("/", ImportAsync).WithSummary("Import a framework definition: a new framework, or the next version of one with the same key");
        api.MapGet("/{frameworkId:int}/versions/{number:int}", ExportAsync).WithSummary("One version as its JSON definition (export)");
        api.MapPut("/{frameworkId:int}/versions/{number:int}", ReplaceAsync).WithSummary("Change a version's content; refused once judgements or priorities use it");
        return app;
    }

    public sealed record LibraryChoice(string? Key);

    private static async Task<Ok<List<FrameworkSummary>>> ListAsync(FrameworkCatalogue catalogue, CancellationToken ct) =>
        TypedResults.Ok(await catalogue.ListAsync(ct));

    private static async Task<Results<Ok<SaveFramework.Saved>, ValidationProblem, NotFound, ForbidHttpResult>> InstallAsync(
        LibraryChoice choice, SaveFramework save, CancellationToken ct) =>
        (await save.InstallAsync(choice.Key, ct)).ToOk();

    private static async Task<Results<Ok<SaveFramework.Saved>, ValidationProblem, NotFound, ForbidHttpResult>> ImportAsync(
        FrameworkDefinition definition, SaveFramework save, CancellationToken ct) =>
        (await save.ImportAsync(definition, ct)).ToOk();

    private static async Task<Results<Ok<FrameworkDefinition>, NotFound>> ExportAsync(int frameworkId, int number, FrameworkCatalogue catalogue, CancellationToken ct) =>
        await catalogue.LoadAsync(frameworkId, number, ct) is { } loaded
            ? TypedResults.Ok(FrameworkCatalogue.Export(loaded))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<SaveFramework.Saved>, ValidationProblem, NotFound, ForbidHttpResult>> ReplaceAsync(
        int frameworkId, int number, FrameworkDefinition definition, SaveFramework save, CancellationToken ct) =>
        (await save.ReplaceAsync(frameworkId, number, definition, ct)).ToOk();
}
