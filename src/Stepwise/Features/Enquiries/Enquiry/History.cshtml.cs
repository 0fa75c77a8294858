using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Enquiries;

public sealed class DiagramHistoryModel(ReadDiagramHistory read) : PageModel
{
    public ReadDiagramHistory.History History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int enquiryId, CancellationToken ct)
    {
        if (await read.ForEnquiryAsync(enquiryId, ct) is not { } history)
        {
            return NotFound();
        }
        History = history;
        return Page();
    }
}
