using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;
using Stepwise.Features.Access;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Stages;

/// <summary>One unit's stage: the guidance for it, the form to change it, and its timeline.</summary>
public sealed class UnitModel(ReadStages read, SetStage setStage, AccessControl access, TimeProvider clock) : PageModel
{
    public UnitStage Unit { get; private set; } = null!;
    public Common.Charts.Chart? Timeline { get; private set; }
    public bool CanEdit { get; private set; }
    public StageGuidance.Guidance? Guidance { get; private set; }
    public StageGuidance.Guidance? Next { get; private set; }

    [BindProperty]
    public StageInput Input { get; set; } = new();

    public static List<SelectListItem> Stages => Enum.GetValues<Stage>()
        .Select(s => new SelectListItem(s.ToString(), Codes.Of(s))).Prepend(new SelectListItem("Choose a stage", "")).ToList();

    public async Task<IActionResult> OnGetAsync(int unitId, CancellationToken ct)
    {
        if (!await LoadAsync(unitId, ct))
        {
            return NotFound();
        }
        Input = new StageInput { Stage = Unit.Current?.Stage, From = clock.Today() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int unitId, CancellationToken ct)
    {
        if (!await LoadAsync(unitId, ct))
        {
            return NotFound();
        }
        var outcome = await setStage.HandleAsync(unitId, Input, ct);
        return this.Reply(outcome, c => this.Done($"{Unit.Unit} is now in {c.StageName}.", $"/units/{unitId}/stage"));
    }

    private async Task<bool> LoadAsync(int unitId, CancellationToken ct)
    {
        if (await access.FindUnitAsync(unitId, ct) is not var (unit, school))
        {
            return false;
        }
        Unit = (await read.ForSchoolsAsync([school], ct)).First(u => u.UnitId == unit.Id);
        ViewData["Urn"] = school.Urn;
        CanEdit = await access.CanForUnitAsync(Permission.EditStages, school.Id, unit.Id, ct);
        if (Unit.Current is not null && Codes.TryParse<Stage>(Unit.Current.Stage, out var stage))
        {
            Guidance = StageGuidance.For(stage);
            Next = stage < Stage.Sustain ? StageGuidance.For(stage + 1) : null;
        }
        var today = clock.Today();
        Timeline = StageCharts.ForUnit(Unit, today);
        return true;
    }
}
