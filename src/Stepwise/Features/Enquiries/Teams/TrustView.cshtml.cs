using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Enquiries;

/// <summary>The trust's enquiries: every one the reader may see with its score, teams across schools, and what worked; ?format=csv for a spreadsheet.</summary>
public sealed class TrustViewModel(ReadTrustView read) : PageModel
{
    public ReadTrustView.TrustView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? school, string? format, CancellationToken ct)
    {
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var rows = await read.EnquiriesAsync(school, ct);
            return rows.Kind == OutcomeKind.Ok ? File(ReadTrustView.Csv(rows.Value!), "text/csv; charset=utf-8", "enquiries.csv") : NotFound();
        }
        return this.Reply(await read.ViewAsync(school, ct), view =>
        {
            View = view;
            return Page();
        });
    }
}
