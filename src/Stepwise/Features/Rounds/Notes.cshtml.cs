using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Rounds;

/// <summary>
/// Phone-first note taking. A plain form post works without script; with it, round-notes.js sends the note to the API
/// and, when the connection fails, keeps it on the phone and sends it later. Either way the note's id is made before it
/// is sent, so a note sent twice is stored once. The page never shows who wrote a note.
/// </summary>
public sealed class NotesPageModel(ReadRound read, TakeNotes notes) : PageModel
{
    [BindProperty]
    public NoteInput Input { get; set; } = new();

    public ReadRound.RoundView Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct)
    {
        Input.Id = Guid.NewGuid();
        return await LoadAsync(roundId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, CancellationToken ct)
    {
        if (await LoadAsync(roundId, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await notes.SaveAsync(roundId, Input, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome.Errors);
            return Page();
        }
        return this.Reply(outcome, saved => this.Done(saved.Created ? "Note saved. Write the next one." : "That note was already saved.", $"/rounds/{roundId}/notes"));
    }

    public async Task<IActionResult> OnPostClassroomAsync(int roundId, CancellationToken ct)
    {
        if (await LoadAsync(roundId, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await notes.ClassroomAsync(roundId, new ClassroomInput(), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome.Errors, "Classroom");
            Input.Id = Guid.NewGuid();
            return Page();
        }
        return this.Reply(outcome, g => this.Done($"Classroom counted: {g.Name} has visited {g.ClassroomsVisited}.", $"/rounds/{roundId}/notes"));
    }

    /// <summary>The round for an observer or a leader of it; 404 when it may not be seen, 403 for everyone else who sees it.</summary>
    private async Task<IActionResult?> LoadAsync(int roundId, CancellationToken ct)
    {
        if (await read.OneAsync(roundId, ct) is not { } round)
        {
            return NotFound();
        }
        Round = round;
        if (round.MyGroup is null && !round.CanLead && !round.CanWriteNotes)
        {
            return Forbid();
        }
        return null;
    }
}
