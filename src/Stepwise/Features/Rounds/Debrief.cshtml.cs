using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;

namespace Stepwise.Features.Rounds;

/// <summary>
/// The debrief: describe (every note, in year group, subject and text order), analyse (counts once the round visited
/// its minimum of classrooms; patterns named and notes sorted into them), predict, and the next level of work — kept
/// here, made an action in a school's plan, or an enquiry for a learning team.
/// </summary>
public sealed class DebriefPageModel(ReadRound read, DebriefRound debrief) : PageModel
{
    [BindProperty]
    public PatternInput Pattern { get; set; } = new();

    [BindProperty]
    public PredictionInput Prediction { get; set; } = new();

    [BindProperty]
    public NextStepInput Next { get; set; } = new();

    public ReadRound.DebriefView Debrief { get; private set; } = null!;
    public List<SelectListItem> Priorities { get; private set; } = [];
    public List<SelectListItem> Teams { get; private set; } = [];
    public List<SelectListItem> SchoolChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct) => await LoadAsync(roundId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPatternAsync(int roundId, CancellationToken ct) =>
        ChangeAsync(roundId, nameof(Pattern), debrief.PatternAsync(roundId, Pattern, ct), "The pattern has been named.", ct);

    public Task<IActionResult> OnPostPredictAsync(int roundId, CancellationToken ct) =>
        ChangeAsync(roundId, nameof(Prediction), debrief.PredictAsync(roundId, Prediction, ct), "The prediction has been saved.", ct);

    public Task<IActionResult> OnPostNextStepAsync(int roundId, CancellationToken ct) =>
        ChangeAsync(roundId, nameof(Next), debrief.NextStepAsync(roundId, Next, ct), "The next level of work has been agreed.", ct);

    private async Task<IActionResult> ChangeAsync(int roundId, string prefix, Task<Outcome<Round>> change, string notice, CancellationToken ct)
    {
        var outcome = await change;
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return this.Done(notice, $"/rounds/{roundId}/debrief");
            case OutcomeKind.Invalid:
                ModelState.AddOutcomeErrors(outcome.Errors, prefix);
                return await LoadAsync(roundId, ct) ? Page() : NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int roundId, CancellationToken ct)
    {
        if (await read.DebriefAsync(roundId, ct) is not { } view)
        {
            return false;
        }
        Debrief = view;
        if (view.Round.Schools.Count == 1)
        {
            ViewData["Urn"] = view.Round.Schools[0].Urn;
        }
        if (view.Round.CanLead && view.Round.Stage == "debrief")
        {
            var choices = await debrief.ChoicesAsync(view.Round.Schools.Select(s => s.Urn).ToList(), ct);
            Priorities = choices.Priorities.Select(p => new SelectListItem(p.Label, $"{p.Id}")).ToList();
            Teams = choices.Teams.Select(t => new SelectListItem(t.Label, $"{t.Id}")).ToList();
            SchoolChoices = view.Round.Schools.Select(s => new SelectListItem(s.Name, $"{s.Urn}")).ToList();
        }
        return true;
    }
}
