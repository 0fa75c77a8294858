using Stepwise.Common.Charts;

namespace Stepwise.Features.Shared;

/// <summary>
/// A chart placed on a page (<c>_Chart.cshtml</c>): the chart, where its endpoints are (the same path with .svg, .png
/// and .csv, see <see cref="ChartEndpoints"/>) with the page's query, and a caption.
/// </summary>
public sealed record ChartView(Chart Chart, string Path, string Query = "", string? Caption = null)
{
    public string Link(string extension) => $"{Path}.{extension}{Query}";
}
