using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.SelfEvaluation;

public sealed class IndexModel(ReadSelfEvaluation read, AccessControl access) : PageModel
{
    public ReadSelfEvaluation.Context Context { get; private set; } = null!;
    public SelfEvaluationView? View { get; private set; }
    public bool CanJudge { get; private set; }
    public bool CanModerate { get; private set; }
    public bool CanManageFrameworks { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, int? unit, string? framework, CancellationToken ct)
    {
        var context = await read.ContextAsync(urn, unit, ct);
        if (context is null)
        {
            return NotFound();
        }
        Context = context;
        ViewData["Urn"] = urn;
        CanJudge = await access.CanForUnitAsync(Permission.EditSelfEvaluation, context.School.Id, context.Unit.Id, ct);
        CanModerate = await access.CanAcrossTrustAsync(Permission.ModerateSchools, ct);
        CanManageFrameworks = await access.CanAcrossTrustAsync(Permission.ManageFrameworks, ct);
        if (context.Frameworks.Count == 0)
        {
            return Page();
        }
        var chosen = context.Frameworks.FirstOrDefault(f => f.Key == framework)
            ?? context.Frameworks.FirstOrDefault(f => f.Key == FrameworkLibrary.Ofsted) ?? context.Frameworks[0];
        if (framework is not null && chosen.Key != framework)
        {
            return NotFound();
        }
        View = await read.ForAsync(context, chosen.Id, ct);
        return Page();
    }

    public string Query(string? framework = null, int? unit = null)
    {
        var f = framework ?? View?.FrameworkKey;
        var u = unit ?? Context.Unit.Id;
        return $"?framework={Uri.EscapeDataString(f ?? "")}&unit={u}";
    }
}
