using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Audit;

public sealed class IndexModel(ReadAuditLog readLog) : PageModel
{
    public ReadAuditLog.Result Log { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? entity, int? page, CancellationToken ct)
    {
        return this.Reply(await readLog.HandleAsync(Text.Clean(entity), page ?? 1, ct), log =>
        {
            Log = log;
            return Page();
        });
    }
}
