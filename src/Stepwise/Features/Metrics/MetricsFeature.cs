using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common.Charts;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Metrics;

public static class MetricsFeature
{
    /// <param name="Cohort">The pupils an attendance measure counts: the school's whole roll, a group of it, or the DfE's cohort (Years 1 to 11).</param>
    /// <param name="Beside">The like-for-like figure for the latest period (ADR 0073).</param>
    /// <param name="Annotations">What the run chart marks (a PDSA cycle started or decided), in date order (ADR 0082).</param>
    public sealed record MetricJson(string Key, string Name, string Unit, string Polarity, string Source, string Group, string? Cohort, string? Reading,
        string Variation, string Assurance, double? Mean, double? UpperProcessLimit, double? LowerProcessLimit, BesideJson? Beside, IEnumerable<PointJson> Points,
        IEnumerable<AnnotationJson> Annotations);

    /// <summary>A mark on the metric's run chart: its day (yyyy-MM-dd), words and link, and the charted period it is marked at (null: before the first).</summary>
    public sealed record AnnotationJson(string On, string Label, string? Url, string? Period);

    /// <summary>
    /// The figure set beside a measure's latest, for the same period: for the whole school's attendance, the DfE's
    /// cohort's (Years 1 to 11) where it differs; for the DfE's published attendance, Stepwise's own for Years 1 to 11.
    /// </summary>
    public sealed record BesideJson(string Cohort, string Group, string Key, string Period, double? Value, string? Missing, int? Pupils);

    public sealed record PointJson(string Period, string PeriodKind, double? Value, string? Missing, int? Pupils, string? Rule, string? Variation, string Source, DateTime? ImportedAt);

    public static IServiceCollection AddSchoolMetrics(this IServiceCollection services) => services.AddScoped<ReadSchoolMetrics>();

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        var charts = app.MapGroup("/schools/{urn:int}/metrics/{metric}").RequireAuthorization().ExcludeFromDescription();
        charts.MapChart("/chart", async (context, ct) => await ReadAsync(context, ct) is { } one ? MetricChart.Run(one.Analysis, one.Annotations) : null);
        charts.MapChart("/sparkline", async (context, ct) => await ReadAsync(context, ct) is { } one ? MetricChart.Sparkline(one.Analysis) : null);

        app.MapGroup("/api/schools").WithTags("Measures").RequireAuthorization()
            .MapGet("/{urn:int}/metrics", GetMetricsAsync)
            .WithSummary("A school's measures for all pupils or one group (?group=disadvantaged, or years-1-11 for the DfE's cohort), each with its series in its finest periods (half-terms before terms before years), provenance and Making Data Count reading")
            .WithDescription("Attendance measures say which pupils they count (cohort): Stepwise's own figures for all pupils count the whole roll, Reception and the sixth form included; the DfE's count pupils aged 5 to 15 (Years 1 to 11). beside gives the like-for-like figure for the latest period: the Years 1 to 11 figure beside the whole school's where they differ, and Stepwise's Years 1 to 11 figure beside the DfE's published one. A group of fewer than 5 pupils has no figure and no count (missing: fewer-than-5), nor has a group whose figure would give such a group's away by subtraction (missing: withheld). annotations lists what the measure's run chart marks (a PDSA cycle started or decided), in date order, each with the charted period it is marked at: the last whose period starts on or before its day (null when it comes before the first).");
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
            var charted = MetricChart.Points(m);
            var beside = m.Series.BesideOf(m.Series.Points.LastOrDefault());
            return new MetricJson(m.Series.Metric.Key, m.Series.Metric.Name, m.Series.Metric.Unit, m.Series.Metric.Polarity, m.Series.Metric.Source, view.Group,
                m.Series.Cohort, m.Reading.Sentence, m.Charted.Count == 0 ? "no-data" : Analytics.Spc.SpcCodes.ToCode(m.Latest), m.Spc?.AssuranceCode ?? "none",
                m.Spc?.Mean, m.Spc?.UpperProcessLimit, m.Spc?.LowerProcessLimit,
                beside is null ? null : new BesideJson(m.Series.Beside!.Cohort!, m.Series.Beside.Group, m.Series.Beside.Metric.Key, beside.Period, beside.Value, beside.Missing, beside.Pupils),
                m.Series.Points.Select(p => new PointJson(p.Period, Codes(p.PeriodKind), p.Value, p.Missing, p.Pupils,
                    labels.TryGetValue(p, out var c) ? c.Rule : null, labels.TryGetValue(p, out var d) ? Analytics.Spc.SpcCodes.ToCode(d.Variation) : null, p.Source, p.At)),
                view.AnnotationsOf(m.Series.Metric.Key).Select(a => new AnnotationJson(a.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    a.Label, a.Url, MetricChart.PeriodOf(charted, a))));
        }).ToList());
    }

    private static string Codes(PeriodKind kind) => kind switch
    {
        PeriodKind.HalfTerm => "half-term",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
