using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.TrustEvaluation;

/// <summary>The trust's self-evaluation: each pillar of a trust-level framework with its latest grade, who judged it and when.</summary>
public sealed class IndexModel(ReadTrustEvaluation read, SaveFramework save, AccessControl access) : PageModel
{
    public TrustEvaluationPage Read { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? framework, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.EvaluateTrust, ct))
        {
            return Forbid();
        }
        if (await read.HandleAsync(framework, ct) is not { } page)
        {
            return NotFound();
        }
        Read = page;
        return Page();
    }

    /// <summary>Adds the trust quality pillars from the library, for a trust that has no trust-level framework yet.</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var outcome = await save.InstallAsync(FrameworkLibrary.TrustQuality, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            return await OnGetAsync(null, ct) is PageResult ? this.Reply(outcome, _ => Page()) : Forbid();
        }
        return this.Reply(outcome, saved => this.Done(saved.Message, "/trust/self-evaluation"));
    }
}
