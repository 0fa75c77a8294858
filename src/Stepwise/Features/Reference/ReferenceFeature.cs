using Microsoft.AspNetCore.Http.HttpResults;

namespace Stepwise.Features.Reference;

/// <summary>Marks an endpoint that serves public national data to any signed-in user, whatever their trust.</summary>
public sealed class NationalDataAttribute : Attribute;

public static class ReferenceFeature
{
    public static IServiceCollection AddReference(this IServiceCollection services) => services.AddScoped<ImportNationalData>().AddScoped<ReadNationalFigures>().AddScoped<ImportRegister>().AddScoped<ImportRise>()
        .AddScoped<QueueNationalImport>().AddScoped<Imports.IImportJobHandler, NationalDataJobs>();

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/reference").WithTags("National reference data").RequireAuthorization()
            .MapGet("/schools/{urn:int}", GetSchoolAsync)
            .WithMetadata(new NationalDataAttribute())
            .WithSummary("Any school's published national figures by year, each with its local authority average, the England figure for state-funded schools of its phase (and which row that is), and where it came from (public data: any signed-in user)");
        return app;
    }

    private static async Task<Results<Ok<ReadNationalFigures.SchoolFigures>, NotFound>> GetSchoolAsync(int urn, ReadNationalFigures read, CancellationToken ct) =>
        await read.HandleAsync(urn, ct) is { } figures ? TypedResults.Ok(figures) : TypedResults.NotFound();
}
