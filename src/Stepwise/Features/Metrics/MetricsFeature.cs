using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common.Charts;
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
        charts.MapChart("/chart", async (context, ct) => await ReadAsync(context, ct) is { } one ? MetricChart.Run(one.Analysis) : null);
        charts.MapChart("/sparkline", async (context, ct) => await ReadAsync(context, ct) is { } one ? MetricChart.Sparkline(one.Analysis) : null);

        app.MapGroup("/api/schools").WithTags("Measures").RequireAuthorization()
            .MapGet("/{urn:int}/metrics", GetMetricsAsync)
            .WithSummary("A school's measures for all pupils or one group (?group=disadvantaged), each with its series in its finest periods (half-terms before terms before years), provenance and Making Data Count reading");
        return app;
    }

    /// <summary>The metric of the chart's route, for the group and periods of its query, as its page reads it.</summary>
    private static Task<ReadSchoolMetrics.One?> ReadAsync(HttpContext context, CancellationToken ct) =>
        context.RequestServices.GetRequiredService<ReadSchoolMetrics>().ForMetricAsync(
            int.Parse((string)context.Request.RouteValues["urn"]!, System.Globalization.CultureInfo.InvariantCulture), (string)context.Request.RouteValues["metric"]!,
            context.Request.Query["group"], context.Request.Query["periods"], ct);

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
                m.Reading.Sentence, m.Charted.Count == 0 ? "no-data" : Analytics.Spc.SpcCodes.ToCode(m.Latest), m.Spc?.AssuranceCode ?? "none",
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
