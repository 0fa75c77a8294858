using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Enquiries;

public sealed class EnquiryPageModel(ReadEnquiry read) : PageModel
{
    public EnquiryView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int enquiryId, CancellationToken ct)
    {
        if (await read.OneAsync(enquiryId, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
