using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Metrics;

public sealed class MetricModel(ReadSchoolMetrics read) : PageModel
{
    public ReadSchoolMetrics.One View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, string metric, string? group, string? periods, CancellationToken ct)
    {
        var view = await read.ForMetricAsync(urn, metric, group, periods, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
