using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Benchmarking;

/// <summary>
/// A school's position on one measure among its similar schools. National data: any signed-in person may see any
/// school's; their own trust's schools are marked.
/// </summary>
public sealed class PositionModel(ReadPosition read) : PageModel
{
    public PositionView? View { get; private set; }

    /// <summary>Why there is nothing to show (the page answers 404 and says why).</summary>
    public string? WhyNot { get; private set; }
    public Common.Charts.Chart? Plot { get; private set; }
    public Common.Charts.Chart? Trend { get; private set; }
    public bool IsTrustSchool { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, string? measure, int? year, CancellationToken ct)
    {
        var (lookup, isTrustSchool) = await read.HandleAsync(urn, measure, year, ct);
        if (lookup.View is null)
        {
            WhyNot = lookup.WhyNot;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        View = lookup.View;
        Plot = Charts.DotPlotFor(View);
        Trend = Charts.TrendPlotFor(View);
        IsTrustSchool = isTrustSchool;
        if (IsTrustSchool)
        {
            ViewData["Urn"] = urn;
        }
        return Page();
    }
}
