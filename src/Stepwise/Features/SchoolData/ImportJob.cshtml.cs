using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Imports;
using Stepwise.Features.Schools;

namespace Stepwise.Features.SchoolData;

/// <summary>A school's import job as its row says: any server shows the same status, progress and report.</summary>
public sealed class ImportJobModel(QueueImport queue) : PageModel
{
    public ImportJob Job { get; private set; } = null!;
    public School School { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, int jobId, CancellationToken ct)
    {
        if (await queue.FindAsync(urn, jobId, ct) is not var (job, school))
        {
            return NotFound();
        }
        (Job, School) = (job, school);
        return Page();
    }
}
