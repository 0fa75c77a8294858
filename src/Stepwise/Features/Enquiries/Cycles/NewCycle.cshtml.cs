using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// Plans a PDSA cycle: on a change idea (?idea=), or as the next cycle of an adapted one or the spread of an adopted one
/// (?after=), which copies the idea, the question and the prediction for the team to edit.
/// </summary>
public sealed class NewCycleModel(EnquiryAccess access, CycleChoices choices, SaveCycle save, AppDbContext db, TimeProvider clock) : PageModel
{
    public Enquiry Enquiry { get; private set; } = null!;
    public CycleFormChoices Choices { get; private set; } = null!;

    /// <summary>The cycle this one follows, with its decision, when planned from it.</summary>
    public PdsaCycle? Previous { get; private set; }

    [BindProperty]
    public CycleInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int enquiryId, int? idea, int? after, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, after, ct) is { } refused)
        {
            return refused;
        }
        Input = new CycleInput { ChangeIdeaId = idea, StartsOn = clock.Today() };
        if (Previous is { } previous)
        {
            Input.ChangeIdeaId = previous.ChangeIdeaId;
            Input.PreviousCycleId = previous.Id;
            Input.Question = previous.Question;
            Input.Prediction = previous.Prediction;
            Input.UnitId = previous.Decision == CycleDecision.Adapt ? previous.UnitId : null;
            Input.StartsOn = previous.DecidedOn is DateOnly decided && decided > Input.StartsOn ? decided : Input.StartsOn;
            Input.MeasureIds = await db.CycleMeasures.AsNoTracking().Where(m => m.CycleId == previous.Id).Select(m => m.MeasureId).ToListAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int enquiryId, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, Input.PreviousCycleId, ct) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await save.PlanAsync(enquiryId, Input, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors);
            return Page();
        }
        return this.Reply(outcome, c => this.Done($"Cycle {c.Number} has been planned.", $"/enquiries/{enquiryId}/cycles/{c.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(int enquiryId, int? after, CancellationToken ct)
    {
        if (await access.ForEnquiryAsync(enquiryId, ct) is not var (enquiry, team))
        {
            return NotFound();
        }
        if (!team.Edit)
        {
            return Forbid();
        }
        Enquiry = enquiry;
        Choices = await choices.ForAsync(enquiryId, team, ct);
        Previous = after is int id ? await db.PdsaCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.EnquiryId == enquiryId, ct) : null;
        return null;
    }
}
