using System.Globalization;
using System.Text;
using Stepwise.Features.Plans;

namespace Stepwise.Common.Charts;

/// <summary>
/// The figures a chart plots, as a table: what "download the data (CSV)" returns. Cells are text, numbers or dates;
/// numbers are written in full (invariant culture), never rounded for display.
/// </summary>
public sealed record ChartData(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        foreach (var row in Rows.Prepend(Columns))
        {
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A number in full (round-trip), anything else as a spreadsheet-safe cell (<see cref="PlanCsv.Cell"/>).</summary>
    private static string Cell(object? value) => value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : PlanCsv.Cell(value);
}

/// <summary>
/// A chart, whatever its kind: a title that states the finding in words, a text alternative that says what the chart
/// shows for someone who cannot see it, the drawing, and the data behind it. <see cref="ChartSvg"/> draws it for
/// pages, <see cref="ChartPng"/> for print, from the same <see cref="Scene"/>; <see cref="ChartData.ToCsv"/> gives its data.
/// </summary>
/// <param name="Id">Unique on the page (used by the SVG's title and description ids) and the download's file name.</param>
public sealed record Chart(string Id, string Title, string Alternative, Scene Scene, ChartData Data)
{
    /// <summary>The CSS class of the SVG element on the page.</summary>
    public string CssClass { get; init; } = "chart__svg";
}
