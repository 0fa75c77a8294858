namespace Stepwise.Common.Charts;

/// <summary>
/// Serves a chart in its three forms from one read: <c>{path}.svg</c> (standalone), <c>{path}.png</c> (print) and
/// <c>{path}.csv</c> (its data). The read answers null when the chart does not exist or the person may not see it
/// (404), exactly as the page it sits on.
/// </summary>
public static class ChartEndpoints
{
    public delegate Task<Chart?> ReadChart(HttpContext context, CancellationToken ct);

    public static IEndpointRouteBuilder MapChart(this IEndpointRouteBuilder app, string path, ReadChart read)
    {
        app.MapGet(path + ".svg", async (HttpContext context, CancellationToken ct) =>
            await read(context, ct) is { } chart ? Results.Text(ChartSvg.Render(chart, standalone: true), "image/svg+xml") : Results.NotFound());
        app.MapGet(path + ".png", async (HttpContext context, CancellationToken ct) =>
            await read(context, ct) is { } chart ? Results.File(ChartPng.Render(chart), "image/png", chart.Id + ".png") : Results.NotFound());
        app.MapGet(path + ".csv", async (HttpContext context, CancellationToken ct) =>
            await read(context, ct) is { } chart ? Results.File(chart.Data.ToCsv(), "text/csv", chart.Id + ".csv") : Results.NotFound());
        return app;
    }
}
