using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Benchmarking;

/// <summary>How similar schools are chosen, and (for trust leaders and administrators) the trust's weights.</summary>
public sealed class WeightsModel(TrustWeights trustWeights) : PageModel
{
    public WeightsView Current { get; private set; } = null!;

    [BindProperty]
    public WeightsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await trustWeights.GetAsync(ct);
        Input = new WeightsInput { Pupils = Current.Pupils, FreeSchoolMeals = Current.FreeSchoolMeals, Sen = Current.Sen };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Current = await trustWeights.GetAsync(ct);
        return this.Reply(await trustWeights.SaveAsync(Input, ct), saved => this.Done(
            $"Similar schools are now chosen with {saved.Pupils}% on pupils, {saved.FreeSchoolMeals}% on free school meals and {saved.Sen}% on SEN.", "/benchmarking/weights"));
    }

    public async Task<IActionResult> OnPostDfeAsync(CancellationToken ct)
    {
        Current = await trustWeights.GetAsync(ct);
        var dfe = new WeightsInput { Pupils = TrustWeights.DfePupils, FreeSchoolMeals = TrustWeights.DfeFreeSchoolMeals, Sen = TrustWeights.DfeSen };
        return this.Reply(await trustWeights.SaveAsync(dfe, ct), _ => this.Done("Similar schools are chosen with the DfE’s weights again.", "/benchmarking/weights"));
    }
}
