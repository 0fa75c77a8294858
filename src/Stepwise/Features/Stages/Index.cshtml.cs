using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stepwise.Features.Stages;

/// <summary>The trust's picture: how many units are in each stage, school by school, and what moved this term.</summary>
public sealed class IndexModel(ReadStages read) : PageModel
{
    public TrustStages Stages { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Stages = await read.ForTrustAsync(ct);
}
