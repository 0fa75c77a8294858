using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.TrustReviews;

/// <summary>A school's risk rating line by line, with its support tier and history beside it.</summary>
public sealed class RiskModel(ReadRisk risk, SupportTiers tiers) : PageModel
{
    public RiskView View { get; private set; } = null!;
    public SupportTierView? Tier { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (await risk.ForSchoolAsync(urn, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Tier = await tiers.ForSchoolAsync(urn, ct);
        return Page();
    }

    [BindProperty]
    public TierInput Decision { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var outcome = await tiers.DecideAsync(urn, Decision, ct);
        if (outcome.Kind == Common.OutcomeKind.Ok || await risk.ForSchoolAsync(urn, ct) is not { } view)
        {
            return this.Reply(outcome, _ => this.Done("The support tier has been recorded.", $"/schools/{urn}/risk#tier"));
        }
        View = view;
        Tier = await tiers.ForSchoolAsync(urn, ct);
        return this.Reply(outcome, _ => Page());
    }

    public static string Points(double value) => value == 0 ? "0" : value.ToString(value > 0 ? "+0.##" : "−0.##", System.Globalization.CultureInfo.InvariantCulture).Replace("-", "", StringComparison.Ordinal);
}
