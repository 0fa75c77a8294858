using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Reference;

namespace Stepwise.Features.Benchmarking;

/// <summary>
/// Similar-school benchmarking: comparator sets from the national data (the DfE FBIT method), a school's position on
/// a measure among them, and the trust overview.
/// </summary>
public static class BenchmarkingFeature
{
    /// <param name="Method">How the set was chosen, in words (the special-school method says what it cannot use).</param>
    /// <param name="Caveat">Which of the school's own inputs were not published and took the phase median; null when none.</param>
    public sealed record ComparatorsResponse(int Urn, string Name, string Phase, WeightsView Weights, bool SpecialMethod, string? Method, string? Caveat,
        IReadOnlyList<ComparatorMember> Comparators);

    public static IServiceCollection AddBenchmarking(this IServiceCollection services) => services
        .AddSingleton<ComparatorCache>()
        .AddScoped<FindComparators>()
        .AddScoped<GetPosition>()
        .AddScoped<ReadPosition>()
        .AddScoped<OverviewRows>()
        .AddScoped<TrustOverview>()
        .AddScoped<TrustWeights>()
        .AddScoped<DemoFigures>();

    public static IEndpointRouteBuilder MapBenchmarkingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/benchmarking").WithTags("Benchmarking").RequireAuthorization();
        api.MapGet("/comparators/{urn:int}", ComparatorsAsync).WithMetadata(new NationalDataAttribute())
            .WithSummary("Any open school's 30 most similar schools (DfE FBIT method with your trust's weights), the school first (public data: any signed-in user)");
        api.MapGet("/positions/{urn:int}", PositionAsync).WithMetadata(new NationalDataAttribute())
            .WithSummary("A school's position on a published measure among its similar schools, by year, with who to learn from (public data; your trust's schools are marked)");
        api.MapGet("/overview", OverviewAsync).WithSummary("Every school of your trust you may see, with key measures, signals and percentiles; sort=school|phase|pupils|headline|absence|persistent");
        api.MapGet("/weights", WeightsAsync).WithSummary("The weights your trust chooses similar schools by (percentages)");
        api.MapPut("/weights", SaveWeightsAsync).WithSummary("Change your trust's weights (trust leaders and administrators): whole percentages adding up to 100");
        app.MapPositionCharts();
        return app;
    }

    private static async Task<Results<Ok<ComparatorsResponse>, NotFound<string>>> ComparatorsAsync(
        int urn, FindComparators useCase, TrustWeights weights, CancellationToken ct)
    {
        var lookup = await useCase.HandleAsync(urn, await weights.GetAsync(ct), ct);
        return lookup.Set is { } s
            ? TypedResults.Ok(new ComparatorsResponse(s.Urn, s.Name, s.Phase, s.Weights, s.SpecialMethod,
                s.SpecialMethod ? ComparatorSetView.SpecialMethodText : null, s.Caveat, s.Members))
            : TypedResults.NotFound(lookup.WhyNot!);
    }

    private static async Task<Results<Ok<PositionView>, NotFound<string>>> PositionAsync(
        int urn, string? measure, int? year, ReadPosition read, CancellationToken ct)
    {
        var lookup = (await read.HandleAsync(urn, measure, year, ct)).Lookup;
        return lookup.View is { } view ? TypedResults.Ok(view) : TypedResults.NotFound(lookup.WhyNot!);
    }

    private static async Task<Ok<OverviewView>> OverviewAsync(string? sort, bool? descending, TrustOverview useCase, CancellationToken ct) =>
        TypedResults.Ok(await useCase.HandleAsync(sort, descending, ct));

    private static async Task<Ok<WeightsView>> WeightsAsync(TrustWeights useCase, CancellationToken ct) =>
        TypedResults.Ok(await useCase.GetAsync(ct));

    private static async Task<Results<Ok<WeightsView>, ValidationProblem, NotFound, ForbidHttpResult>> SaveWeightsAsync(
        WeightsInput input, TrustWeights useCase, CancellationToken ct) =>
        (await useCase.SaveAsync(input, ct)).ToOk();

    /// <summary>
    /// The acting trust's schools (URN → name), to mark on charts. Which schools are in a trust is public (the DfE
    /// register lists it) and the figures shown beside them are published ones, so every member of the trust sees them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, string>> TrustSchoolsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Schools.AsNoTracking().Where(s => s.ArchivedAt == null).ToDictionaryAsync(s => s.Urn, s => s.Name, ct);
}
