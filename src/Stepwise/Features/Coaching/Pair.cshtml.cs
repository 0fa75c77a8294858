using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Coaching;

/// <summary>A coaching pair's own page: the current step and its check-back day, earlier steps, check-backs and notes; the two agree steps, check back and write notes here.</summary>
public sealed class PairModel(ReadCoachingPair read, WriteCoaching write, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StepInput Step { get; set; } = new();

    [BindProperty]
    public CheckBackInput CheckBack { get; set; } = new();

    [BindProperty]
    public NoteInput Note { get; set; } = new();

    public ReadCoachingPair.PairView Pair { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct))
        {
            return NotFound();
        }
        Step.CheckBackOn ??= Today.AddDays(14);
        CheckBack.HeldOn ??= Today;
        CheckBack.NextCheckBackOn ??= Today.AddDays(14);
        return Page();
    }

    /// <summary>The pair's record as CSV, for the two only.</summary>
    public async Task<IActionResult> OnGetExportAsync(int pairId, CancellationToken ct) =>
        await read.CsvAsync(pairId, ct) is var (bytes, name) ? File(bytes, "text/csv; charset=utf-8", name) : NotFound();

    public Task<IActionResult> OnPostAgreeStepAsync(int pairId, CancellationToken ct) =>
        ReplyAsync(pairId, "Step", write.AgreeStepAsync(pairId, Step, ct), "The step is agreed.", ct);

    public Task<IActionResult> OnPostCheckBackAsync(int pairId, int stepId, CancellationToken ct) =>
        ReplyAsync(pairId, "CheckBack", write.CheckBackAsync(pairId, stepId, CheckBack, ct), "The check-back is recorded.", ct);

    public Task<IActionResult> OnPostNoteAsync(int pairId, CancellationToken ct) =>
        ReplyAsync(pairId, "Note", write.WriteNoteAsync(pairId, Note, ct), "The note is saved.", ct);

    private async Task<IActionResult> ReplyAsync<T>(int pairId, string prefix, Task<Outcome<T>> change, string notice, CancellationToken ct)
    {
        var outcome = await change;
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return this.Done(notice, $"/coaching/{pairId}");
            case OutcomeKind.Invalid:
                ModelState.AddOutcomeErrors(outcome.Errors, prefix);
                return await LoadAsync(pairId, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        if (await read.OneAsync(pairId, ct) is not { } pair)
        {
            return false;
        }
        Pair = pair;
        Today = clock.Today();
        return true;
    }
}
