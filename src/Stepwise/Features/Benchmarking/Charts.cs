using Stepwise.Common.Charts;
using Stepwise.Data;
using Stepwise.Features.Reference;

namespace Stepwise.Features.Benchmarking;

/// <summary>
/// A school's position as charts, drawn by <see cref="DotPlot"/> (the chosen year among its similar schools) and
/// <see cref="TrendPlot"/> (its figure by year against the middle half of them), with the sentence that says where it stands.
/// </summary>
public static class Charts
{
    public static Chart? DotPlotFor(PositionView view)
    {
        if (view.Year is not int year)
        {
            return null;
        }
        var drawn = view.Members.Where(m => m.Value is not null)
            .Select(m => new DotMember(m.Name, m.Value!.Value, m.IsSchool ? DotKind.School : m.InTrust ? DotKind.Trust : DotKind.Other)).ToList();
        if (drawn.Count == 0)
        {
            return null;
        }
        var among = view.Selected?.Among;
        return DotPlot.Draw($"dot-plot-{view.Set.Urn}", Describe(view, among).Split(". ")[0].TrimEnd('.'),
            $"{view.Set.Name} among its similar schools: {view.Measure.Name}, {AcademicYear.EndingIn(year).ToString()}. Each similar school is a dot at its figure; "
            + string.Join("; ", drawn.OrderByDescending(d => d.Kind).ThenBy(d => d.Value).Select(d => $"{d.Name} {MetricFormat.Format(d.Value, view.Measure.Unit)}")) + ".",
            drawn, among?.Median, among?.LowerQuartile, among?.UpperQuartile, view.Measure.Polarity, v => MetricFormat.Format(Math.Round(v, 6), view.Measure.Unit));
    }

    public static Chart? TrendPlotFor(PositionView view)
    {
        var rows = view.Trend;
        if (rows.Count == 0 || !rows.Any(r => r.Value is not null || r.Among.Median is not null))
        {
            return null;
        }
        var unit = view.Measure.Unit;
        var description = string.Join("; ", rows.Select(r =>
            $"{AcademicYear.EndingIn(r.Year).ToString()}: {(r.Value is null ? Figures.Missing(r.Missing ?? "no figure") : MetricFormat.Format(r.Value, unit))}"
            + (r.Among.Median is double m ? $", similar schools' median {MetricFormat.Format(m, unit)}" : ", no similar school's figure")));
        var first = rows.FirstOrDefault(r => r.Value is not null);
        var last = rows.LastOrDefault(r => r.Value is not null);
        var title = first is not null && last is not null && first != last
            ? $"{view.Set.Name}'s {view.Measure.Name.ToLowerInvariant()} went from {MetricFormat.Format(first.Value, unit)} in {AcademicYear.EndingIn(first.Year).ToString()} to {MetricFormat.Format(last.Value, unit)} in {AcademicYear.EndingIn(last.Year).ToString()}"
              + (last.Among.Median is double md ? $", against a median of {MetricFormat.Format(md, unit)} for similar schools" : "")
            : $"{view.Set.Name}: {view.Measure.Name} by year, against the middle half of its similar schools";
        return TrendPlot.Draw($"trend-{view.Set.Urn}", title, description + ".",
            [.. rows.Select(r => new TrendYear(AcademicYear.EndingIn(r.Year).ToString(), r.Value, r.Value is null ? Figures.Marker(r.Missing) : null, r.Among.Median, r.Among.LowerQuartile, r.Among.UpperQuartile))],
            v => MetricFormat.Format(Math.Round(v, 6), unit));
    }

    /// <summary>The dot plot and the trend plot as files: the position the page shows, read the same way.</summary>
    public static IEndpointRouteBuilder MapPositionCharts(this IEndpointRouteBuilder app)
    {
        // National data, as the page: any signed-in person may see any school's position.
        var charts = app.MapGroup("/benchmarking/schools/{urn:int}").RequireAuthorization().ExcludeFromDescription().WithMetadata(new NationalDataAttribute());
        charts.MapChart("/dot-plot", async (context, ct) => await ReadAsync(context, ct) is { } view ? DotPlotFor(view) : null);
        charts.MapChart("/trend", async (context, ct) => await ReadAsync(context, ct) is { } view ? TrendPlotFor(view) : null);
        return app;
    }

    private static async Task<PositionView?> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var services = context.RequestServices;
        var urn = int.Parse((string)context.Request.RouteValues["urn"]!, System.Globalization.CultureInfo.InvariantCulture);
        int? year = int.TryParse(context.Request.Query["year"], out var y) ? y : null;
        var trustSchools = await BenchmarkingFeature.TrustSchoolsAsync(services.GetRequiredService<AppDbContext>(), ct);
        var lookup = await services.GetRequiredService<GetPosition>().HandleAsync(urn, context.Request.Query["measure"], year,
            await services.GetRequiredService<TrustWeights>().GetAsync(ct), trustSchools, ct);
        return lookup.View;
    }

    /// <summary>A sentence for the chart's title and the page: where the school stands.</summary>
    public static string Describe(PositionView view, Analytics.Comparators.PositionAmongComparators? among)
    {
        var unit = view.Measure.Unit;
        var s = view.Selected;
        if (s is null || among is null)
        {
            return $"No figures for {view.Measure.Name}.";
        }
        var others = view.Set.Members.Count - 1;
        if (others == 0)
        {
            return s.Value is null
                ? $"{view.Set.Name} has no figure for {AcademicYear.EndingIn(s.Year).ToString()} ({Figures.Missing(s.Missing ?? "no figure")}), and there are no similar schools to compare with."
                : $"{view.Set.Name}: {MetricFormat.Format(s.Value, unit)}. There are no similar schools to compare with.";
        }
        var published = $"{among.Published} of its {others} similar schools published a figure";
        if (s.Value is null)
        {
            return $"{view.Set.Name} has no figure for {AcademicYear.EndingIn(s.Year).ToString()} ({Figures.Missing(s.Missing ?? "no figure")}), so it is not ranked; {published}"
                + (among.Median is double m ? $", with a median of {MetricFormat.Format(m, unit)}." : ".");
        }
        if (among.PercentileRank is not double rank)
        {
            return $"{view.Set.Name}: {MetricFormat.Format(s.Value, unit)}. Only {published}: too few to rank against.";
        }
        var side = s.Value > among.Median ? "above" : s.Value < among.Median ? "below" : "at";
        return $"{view.Set.Name}: {MetricFormat.Format(s.Value, unit)}, {side} the median of its similar schools ({MetricFormat.Format(among.Median, unit)}). "
            + $"It does better than {Figures.Whole(rank)}% of the {among.Published} similar schools with a figure.";
    }
}
