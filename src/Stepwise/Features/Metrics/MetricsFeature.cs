using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Metrics;

public static class MetricsFeature
{
    public sealed record MetricJson(string Key, string Name, string Unit, string Polarity, string Source, string Group, string? Reading,
        string Variation, string Assurance, double? Mean, double? UpperProcessLimit, double? LowerProcessLimit, IEnumerable<PointJson> Points);

    public sealed record PointJson(string Period, string PeriodKind, double? Value, string? Missing, int? Pupils, string? Rule, string? Variation, string Source, DateTime? ImportedAt);

    public static IServiceCollection AddSchoolMetrics(this IServiceCollection services) => services.AddScoped<ReadSchoolMetrics>();

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        var charts = app.MapGroup("/schools/{urn:int}/metrics/{metric}").RequireAuthorization().ExcludeFromDescription();
        charts.MapGet("/chart.svg", async (int urn, string metric, string? group, string? periods, ReadSchoolMetrics read, CancellationToken ct) =>
            await read.ForMetricAsync(urn, metric, group, periods, ct) is { } one
                ? Results.Text(MetricChart.Svg(one.Analysis), "image/svg+xml")
                : Results.NotFound());
        charts.MapGet("/chart.png", async (int urn, string metric, string? group, string? periods, ReadSchoolMetrics read, CancellationToken ct) =>
            await read.ForMetricAsync(urn, metric, group, periods, ct) is { } one
                ? Results.File(MetricChart.Png(one.Analysis), "image/png", $"{urn}-{metric}.png")
                : Results.NotFound());

        app.MapGroup("/api/schools").WithTags("Measures").RequireAuthorization()
            .MapGet("/{urn:int}/metrics", GetMetricsAsync)
            .WithSummary("A school's measures for all pupils or one group (?group=disadvantaged), each with its series in its finest periods (half-terms before terms before years), provenance and Making Data Count reading");
        return app;
    }

    private static async Task<Results<Ok<List<MetricJson>>, NotFound>> GetMetricsAsync(int urn, string? group, ReadSchoolMetrics read, CancellationToken ct)
    {
        if (await read.ForSchoolAsync(urn, group, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(view.Metrics.Select(m =>
        {
            var labels = m.Charted.ToDictionary(c => c.Point);
            return new MetricJson(m.Series.Metric.Key, m.Series.Metric.Name, m.Series.Metric.Unit, m.Series.Metric.Polarity, m.Series.Metric.Source, view.Group,
                m.Reading, m.Charted.Count == 0 ? "no-data" : Analytics.Spc.SpcCodes.ToCode(m.Latest), m.Spc?.AssuranceCode ?? "none",
                m.Spc?.Mean, m.Spc?.UpperProcessLimit, m.Spc?.LowerProcessLimit,
                m.Series.Points.Select(p => new PointJson(p.Period, Codes(p.PeriodKind), p.Value, p.Missing, p.Pupils,
                    labels.TryGetValue(p, out var c) ? c.Rule : null, labels.TryGetValue(p, out var d) ? Analytics.Spc.SpcCodes.ToCode(d.Variation) : null, p.Source, p.At)));
        }).ToList());
    }

    private static string Codes(PeriodKind kind) => kind switch
    {
        PeriodKind.HalfTerm => "half-term",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
