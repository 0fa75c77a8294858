using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Rounds;

/// <summary>A round: its stage, schools, look-fors and groups; its leaders move it on a stage here.</summary>
public sealed class RoundPageModel(ReadRound read, PlanRound plan) : PageModel
{
    [BindProperty]
    public RoundStageInput Stage { get; set; } = new();

    public ReadRound.RoundView Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct) => await LoadAsync(roundId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStageAsync(int roundId, CancellationToken ct)
    {
        var outcome = await plan.StageAsync(roundId, Stage, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return this.Done($"The round is now at its {RoundWords.Stage(Codes.Of(outcome.Value!.Stage)).ToLowerInvariant()} stage.", $"/rounds/{roundId}");
            case OutcomeKind.Invalid:
                ModelState.AddOutcomeErrors(outcome.Errors, nameof(Stage));
                return await LoadAsync(roundId, ct) ? Page() : NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int roundId, CancellationToken ct)
    {
        if (await read.OneAsync(roundId, ct) is not { } round)
        {
            return false;
        }
        Round = round;
        if (round.Schools.Count == 1)
        {
            ViewData["Urn"] = round.Schools[0].Urn;
        }
        return true;
    }
}
