using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Visits;

public sealed class IndexModel(ReadVisits read) : PageModel
{
    public School School { get; private set; } = null!;
    public List<ReadVisits.VisitRow> Visits { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) =>
        this.Reply(await read.ForSchoolAsync(urn, ct), found =>
        {
            (School, CanWrite, Visits) = (found.School, found.CanWrite, found.Visits);
            ViewData["Urn"] = urn;
            return Page();
        });
}
