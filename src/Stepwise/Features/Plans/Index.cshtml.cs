using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Plans;

/// <summary>A school's plans, and starting a new one.</summary>
public sealed class IndexModel(ReadPlans read, SavePlan save, AccessControl access, TimeProvider clock) : PageModel
{
    public int Urn { get; private set; }
    public string SchoolName { get; private set; } = "";
    public List<PlanView> Plans { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (!await LoadAsync(urn, ct))
        {
            return NotFound();
        }
        var today = clock.Today();
        Input = new PlanInput { Kind = "year", AcademicYear = AcademicYear.Of(today).ToString(), StartsOn = today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        if (!await LoadAsync(urn, ct))
        {
            return NotFound();
        }
        var outcome = await save.CreateAsync(urn, Input, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors);
            return Page();
        }
        return this.Reply(outcome, plan => this.Done($"{plan.Title} has been started: add its priorities.", $"/plans/{plan.Id}"));
    }

    private async Task<bool> LoadAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        var plans = school is null ? null : await read.ForSchoolAsync(urn, ct);
        if (school is null || plans is null)
        {
            return false;
        }
        Urn = urn;
        SchoolName = school.Name;
        Plans = plans;
        ViewData["Urn"] = urn;
        CanEdit = await access.CanAsync(Permission.EditPlans, school.Id, ct);
        return true;
    }
}
