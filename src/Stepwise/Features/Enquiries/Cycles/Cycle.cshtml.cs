using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Features.Evidence;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Enquiries;

/// <summary>One PDSA cycle: its Plan, Do, Study and Act with a form for each, its chain, its measures and its evidence.</summary>
public sealed class CycleModel(ReadCycle read, EnquiryAccess access, CycleChoices choices, SaveCycle save, DecideCycle decide,
    AddEvidence addEvidence, RemoveEvidence removeEvidence, ReadEvidenceChoices evidenceChoices, TimeProvider clock) : PageModel
{
    public CycleDetail Cycle { get; private set; } = null!;
    public CycleFormChoices Choices { get; private set; } = null!;

    [BindProperty]
    public CycleChanges Changes { get; set; } = new();

    [BindProperty]
    public DecisionInput Act { get; set; } = new();

    [BindProperty]
    public EvidenceInput NewEvidence { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int enquiryId, int cycleId, CancellationToken ct)
    {
        if (!await LoadAsync(enquiryId, cycleId, ct))
        {
            return NotFound();
        }
        Fill();
        Act = new DecisionInput { Decision = Cycle.Decision is { } d ? Codes.Of(d) : null, DecidedOn = Cycle.DecidedOn ?? clock.Today(), Note = Cycle.DecisionNote };
        return Page();
    }

    public Task<IActionResult> OnPostPlanAsync(int enquiryId, int cycleId, CancellationToken ct)
    {
        Changes.Question ??= "";
        Changes.Prediction ??= "";
        Changes.PlanWho ??= "";
        Changes.PlanWhat ??= "";
        Changes.PlanWhen ??= "";
        Changes.PlanWhere ??= "";
        Changes.MeasureIds ??= [];
        Changes.WhatHappened = Changes.Study = null;
        if (Changes.UnitId is null)
        {
            ModelState.AddModelError("Changes.UnitId", "Choose the unit the cycle runs in.");
        }
        if (Changes.StartsOn is null && !ModelState.ContainsKey("Changes.StartsOn"))
        {
            ModelState.AddModelError("Changes.StartsOn", "Enter the date the cycle starts.");
        }
        return ChangeAsync(enquiryId, cycleId, "The plan has been saved.", "plan", ct);
    }

    public Task<IActionResult> OnPostDoAsync(int enquiryId, int cycleId, CancellationToken ct)
    {
        Changes = new CycleChanges { WhatHappened = Changes.WhatHappened ?? "" };
        return ChangeAsync(enquiryId, cycleId, "What happened has been saved.", "do", ct);
    }

    public Task<IActionResult> OnPostStudyAsync(int enquiryId, int cycleId, CancellationToken ct)
    {
        Changes = new CycleChanges { Study = Changes.Study ?? "" };
        return ChangeAsync(enquiryId, cycleId, "The study has been saved.", "study", ct);
    }

    public async Task<IActionResult> OnPostDecisionAsync(int enquiryId, int cycleId, CancellationToken ct)
    {
        if (!await LoadAsync(enquiryId, cycleId, ct))
        {
            return NotFound();
        }
        Fill();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await decide.HandleAsync(enquiryId, cycleId, Act, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors, nameof(Act));
            return Page();
        }
        return this.Reply(outcome, c => this.Done(c.Decision switch
        {
            CycleDecision.Adapt => $"Cycle {c.Number} is to be adapted: plan the next cycle when you are ready.",
            CycleDecision.Adopt => $"Cycle {c.Number}'s idea is adopted.",
            CycleDecision.Abandon => $"Cycle {c.Number}'s idea is abandoned.",
            _ => $"Cycle {c.Number} has no decision now.",
        }, $"/enquiries/{enquiryId}/cycles/{cycleId}#act"));
    }

    public async Task<IActionResult> OnPostEvidenceAsync(int enquiryId, int cycleId, CancellationToken ct)
    {
        if (!await LoadAsync(enquiryId, cycleId, ct))
        {
            return NotFound();
        }
        Fill();
        var outcome = await addEvidence.HandleAsync(EvidenceOwner.Cycle, cycleId, NewEvidence, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors, nameof(NewEvidence));
            return Page();
        }
        return this.Reply(outcome, e => this.Done($"“{e.Title}” has been added to the evidence.", $"/enquiries/{enquiryId}/cycles/{cycleId}#evidence"));
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int enquiryId, int cycleId, int evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(enquiryId, cycleId, ct) || Cycle.Evidence.All(e => e.Id != evidenceId))
        {
            return NotFound();
        }
        var outcome = await removeEvidence.HandleAsync(evidenceId, ct);
        return this.Reply(outcome, e => this.Done($"“{e.Title}” has been removed from the evidence.", $"/enquiries/{enquiryId}/cycles/{cycleId}#evidence"));
    }

    private async Task<IActionResult> ChangeAsync(int enquiryId, int cycleId, string notice, string anchor, CancellationToken ct)
    {
        if (!await LoadAsync(enquiryId, cycleId, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Fill();
            return Page();
        }
        var outcome = await save.UpdateAsync(enquiryId, cycleId, Changes, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors, nameof(Changes));
            Fill();
            return Page();
        }
        return this.Reply(outcome, _ => this.Done(notice, $"/enquiries/{enquiryId}/cycles/{cycleId}#{anchor}"));
    }

    /// <summary>The forms show what is stored, except what was just posted (and refused).</summary>
    private void Fill()
    {
        var c = Cycle;
        Changes.UnitId ??= c.UnitId;
        Changes.Question ??= c.Question;
        Changes.Prediction ??= c.Prediction;
        Changes.PlanWho ??= c.PlanWho;
        Changes.PlanWhat ??= c.PlanWhat;
        Changes.PlanWhen ??= c.PlanWhen;
        Changes.PlanWhere ??= c.PlanWhere;
        Changes.StartsOn ??= c.StartsOn;
        Changes.MeasureIds ??= c.Measures.Select(m => m.Id).ToList();
        Changes.WhatHappened ??= c.WhatHappened;
        Changes.Study ??= c.Study;
        Act.DecidedOn ??= clock.Today();
    }

    private async Task<bool> LoadAsync(int enquiryId, int cycleId, CancellationToken ct)
    {
        if (await read.OneAsync(enquiryId, cycleId, ct) is not { } cycle)
        {
            return false;
        }
        Cycle = cycle;
        ViewData["Urn"] = cycle.SchoolUrn;
        if (cycle.CanEdit && await access.ForEnquiryAsync(enquiryId, ct) is var (_, team))
        {
            Choices = await choices.ForAsync(enquiryId, team, ct);
            ViewData[EvidenceChoices.ViewDataKey] = await evidenceChoices.HandleAsync(ct);
        }
        return true;
    }
}
