using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>The school's and the trust's judgements side by side: disagreements first (widest first), then areas not yet moderated.</summary>
public sealed class ModerationModel(ReadSelfEvaluation read, AccessControl access) : PageModel
{
    public ReadSelfEvaluation.Context Context { get; private set; } = null!;
    public SelfEvaluationView? View { get; private set; }
    public List<AreaJudgements> Ordered { get; private set; } = [];
    public bool CanModerate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, int? unit, string? framework, CancellationToken ct)
    {
        var context = await read.ContextAsync(urn, unit, ct);
        if (context is null)
        {
            return NotFound();
        }
        Context = context;
        ViewData["Urn"] = urn;
        CanModerate = await access.CanAcrossTrustAsync(Permission.ModerateSchools, ct);
        View = await read.HandleAsync(urn, context.Unit.Id, framework, ct);
        if (View is null && framework is not null)
        {
            return NotFound();
        }
        Ordered = Order(View?.Areas ?? []);
        return Page();
    }

    public static List<AreaJudgements> Order(IEnumerable<AreaJudgements> areas) => areas
        .OrderBy(a => a.Agreement switch { "disagree" => 0, "not-moderated" => 1, _ => 2 })
        .ThenByDescending(a => a.Gap)
        .ToList();
}
