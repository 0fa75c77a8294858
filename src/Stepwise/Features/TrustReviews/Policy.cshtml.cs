using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;

namespace Stepwise.Features.TrustReviews;

/// <summary>The review policy and the risk weights, each beside its default; trust leaders change them here.</summary>
public sealed class PolicyModel(ReviewPolicies policies, AccessControl access) : PageModel
{
    public PolicyView Policy { get; private set; } = null!;
    public bool CanChange { get; private set; }

    [BindProperty]
    public PolicyInput Input { get; set; } = new();

    [BindProperty]
    public Dictionary<string, double> Weights { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await policies.SaveAsync(Input with { Weights = Weights }, ct);
        await LoadAsync(ct);
        return this.Reply(outcome, _ => this.Done("The review policy has been saved.", "/reviews/policy"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Policy = await policies.GetAsync(ct);
        CanChange = await access.CanAcrossTrustAsync(Permission.ReviewSchools, ct);
    }
}
