using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>A national import job as its row says: any server shows the same status, progress and report.</summary>
public sealed class NationalImportJobModel(QueueNationalImport queue) : PageModel
{
    public ImportJob Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int jobId, CancellationToken ct)
    {
        if (await queue.FindAsync(jobId, ct) is not { } job)
        {
            return NotFound();
        }
        Job = job;
        return Page();
    }
}
