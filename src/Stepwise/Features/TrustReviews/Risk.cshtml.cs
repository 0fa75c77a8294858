using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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

    public static string Points(double value) => value == 0 ? "0" : value.ToString(value > 0 ? "+0.##" : "−0.##", System.Globalization.CultureInfo.InvariantCulture).Replace("-", "", StringComparison.Ordinal);
}
