using Microsoft.AspNetCore.Http.HttpResults;

namespace Stepwise.Features.Gaps;

public static class GapsFeature
{
    public static IServiceCollection AddGaps(this IServiceCollection services) => services.AddScoped<ReadSchoolGaps>().AddScoped<ReadDisadvantageGaps>();

    public static IEndpointRouteBuilder MapGapsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Gaps").RequireAuthorization()
            .MapGet("/schools/{urn:int}/gaps", SchoolAsync)
            .WithSummary("How disadvantaged, SEN, EAL, girls and boys compare with the rest of a school, year by year: the figures of its gaps page")
            .WithDescription("Attainment per subject and year (the difference in mean score with its 95% interval, the gap index — Stepwise's school-level analogue of the DfE's disadvantage gap index, named in gapIndexMeasure: the DfE's method on this school's pupils, not a DfE figure —, the spread, and whether the bar is rising and the gap narrowing) and attendance per year (absence and persistent absence). A comparison with fewer than 5 pupils on either side is suppressed (missing: fewer-than-5), as is one that with the others shown would give such a group's figures away by subtraction (missing: withheld): no figures and no counts. unit= narrows to a year group, a subject or the SEN area.");
        return app;
    }

    private static async Task<Results<Ok<ReadSchoolGaps.View>, NotFound>> SchoolAsync(int urn, int? unit, ReadSchoolGaps read, CancellationToken ct) =>
        await read.HandleAsync(urn, unit, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
