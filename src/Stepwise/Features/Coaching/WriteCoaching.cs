using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Shared;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Coaching;

/// <summary>A step to agree (from the trust's library, or in the pair's own words) or to change.</summary>
public sealed class StepInput
{
    /// <summary>A step of the trust's current step library; leave empty to write the step in your own words.</summary>
    public int? LibraryStepId { get; set; }

    public string? Title { get; set; }
    public string? Detail { get; set; }
    public DateOnly? CheckBackOn { get; set; }
}

/// <summary>A check-back on the current step: how it went, and whether to keep working on it, call it secure or set it aside.</summary>
public sealed class CheckBackInput
{
    public string? Note { get; set; }

    /// <summary>"working" (keep working), "secure" or "set-aside".</summary>
    public string? Outcome { get; set; }

    /// <summary>The day it was held (today when empty).</summary>
    public DateOnly? HeldOn { get; set; }

    /// <summary>When the outcome is keep working: the next check-back day.</summary>
    public DateOnly? NextCheckBackOn { get; set; }
}

public sealed class NoteInput
{
    public string? Text { get; set; }
}

/// <summary>
/// What the teacher and coach write: steps, check-backs and notes. Every write first asks
/// AccessControl.FindCoachingPairAsync, so anyone but the two gets 404, as for reading; an ended pair's record is
/// kept as it is.
/// </summary>
public sealed class WriteCoaching(AppDbContext db, AccessControl access, ReadLanguage language, TimeProvider clock)
{
    public const int TextLength = 4000;

    /// <summary>Agrees the pair's next step; refused while another step is still being worked on.</summary>
    public Task<Outcome<CoachingStep>> AgreeStepAsync(int pairId, StepInput input, CancellationToken ct) =>
        WriteAsync(pairId, async (pair, problems) =>
        {
            if (await db.CoachingSteps.AnyAsync(s => s.PairId == pair.Id && s.Status == CoachingStepStatus.Working, ct))
            {
                problems.Add("libraryStepId", "The current step is still being worked on: record a check-back that calls it secure or sets it aside, then agree the next one.");
                return null;
            }
            var (title, itemId) = await TitleAsync(input, problems, ct);
            CheckDate(input.CheckBackOn, "checkBackOn", problems);
            problems.Optional("detail", input.Detail, "detail", TextLength);
            if (problems.Any)
            {
                return null;
            }
            var step = new CoachingStep
            {
                PairId = pair.Id, LanguageItemId = itemId, Title = title!, Detail = Text.Clean(input.Detail), AgreedOn = clock.Today(),
                CheckBackOn = input.CheckBackOn!.Value, Status = CoachingStepStatus.Working,
            };
            db.CoachingSteps.Add(step);
            return step;
        }, ct);

    /// <summary>Changes a working step's words or moves its check-back day.</summary>
    public Task<Outcome<CoachingStep>> ChangeStepAsync(int pairId, int stepId, StepInput input, CancellationToken ct) =>
        WriteAsync(pairId, async (pair, problems) =>
        {
            if (await db.CoachingSteps.FirstOrDefaultAsync(s => s.Id == stepId && s.PairId == pair.Id, ct) is not { } step)
            {
                problems.Add("stepId", $"The pair has no step {stepId}.");
                return null;
            }
            if (step.Status != CoachingStepStatus.Working)
            {
                problems.Add("stepId", $"\"{step.Title}\" was {CoachingRules.Words(step.Status).ToLowerInvariant()} on {Display.Date(step.ClosedOn)}: a closed step is kept as it was.");
                return null;
            }
            var (title, itemId) = await TitleAsync(input, problems, ct);
            CheckDate(input.CheckBackOn, "checkBackOn", problems);
            problems.Optional("detail", input.Detail, "detail", TextLength);
            if (problems.Any)
            {
                return null;
            }
            (step.Title, step.LanguageItemId, step.Detail, step.CheckBackOn) = (title!, itemId, Text.Clean(input.Detail), input.CheckBackOn!.Value);
            return step;
        }, ct);

    /// <summary>Records a check-back on a working step: keep working (with the next check-back day), secure, or set aside (both close it).</summary>
    public Task<Outcome<CoachingCheckBack>> CheckBackAsync(int pairId, int stepId, CheckBackInput input, CancellationToken ct) =>
        WriteAsync(pairId, async (pair, problems) =>
        {
            var today = clock.Today();
            if (await db.CoachingSteps.FirstOrDefaultAsync(s => s.Id == stepId && s.PairId == pair.Id, ct) is not { } step)
            {
                problems.Add("stepId", $"The pair has no step {stepId}.");
                return null;
            }
            if (step.Status != CoachingStepStatus.Working)
            {
                problems.Add("stepId", $"\"{step.Title}\" is already closed ({CoachingRules.Words(step.Status).ToLowerInvariant()}): agree the next step instead.");
                return null;
            }
            var outcome = CoachingRules.Parse(input.Outcome);
            if (outcome is null)
            {
                problems.Add("outcome", "Choose what the check-back decided: keep working, secure or set aside.");
            }
            var heldOn = input.HeldOn ?? today;
            if (heldOn > today)
            {
                problems.Add("heldOn", "A check-back is recorded once it has been held: the date cannot be in the future.");
            }
            else if (heldOn < step.AgreedOn)
            {
                problems.Add("heldOn", $"The check-back cannot be before the step was agreed ({Display.Date(step.AgreedOn)}).");
            }
            problems.Optional("note", input.Note, "note", TextLength);
            if (outcome == CoachingStepStatus.Working)
            {
                if (input.NextCheckBackOn is null)
                {
                    problems.Add("nextCheckBackOn", "Enter the next check-back date: the step is still being worked on.");
                }
                else
                {
                    CheckDate(input.NextCheckBackOn, "nextCheckBackOn", problems);
                }
            }
            if (problems.Any)
            {
                return null;
            }
            if (outcome == CoachingStepStatus.Working)
            {
                step.CheckBackOn = input.NextCheckBackOn!.Value;
            }
            else
            {
                (step.Status, step.ClosedOn) = (outcome!.Value, heldOn);
            }
            var checkBack = new CoachingCheckBack { PairId = pair.Id, StepId = step.Id, HeldOn = heldOn, Note = Text.Clean(input.Note), Outcome = outcome!.Value };
            db.CoachingCheckBacks.Add(checkBack);
            return checkBack;
        }, ct);

    public Task<Outcome<CoachingNote>> WriteNoteAsync(int pairId, NoteInput input, CancellationToken ct) =>
        WriteAsync(pairId, (pair, problems) =>
        {
            problems.Require("text", input.Text, "note", TextLength);
            if (problems.Any)
            {
                return Task.FromResult<CoachingNote?>(null);
            }
            var note = new CoachingNote { PairId = pair.Id, PersonId = access.PersonId!.Value, Text = input.Text!.Trim(), WrittenAt = clock.UtcNow() };
            db.CoachingNotes.Add(note);
            return Task.FromResult<CoachingNote?>(note);
        }, ct);

    /// <summary>Changes a note: its writer's alone (the other of the pair reads it).</summary>
    public Task<Outcome<CoachingNote>> ChangeNoteAsync(int pairId, int noteId, NoteInput input, CancellationToken ct) =>
        WriteAsync(pairId, async (pair, problems) =>
        {
            if (await db.CoachingNotes.FirstOrDefaultAsync(n => n.Id == noteId && n.PairId == pair.Id, ct) is not { } note)
            {
                problems.Add("noteId", $"The pair has no note {noteId}.");
                return null;
            }
            if (note.PersonId != access.PersonId)
            {
                problems.Add("noteId", "Only the person who wrote a note can change it.");
                return null;
            }
            problems.Require("text", input.Text, "note", TextLength);
            if (problems.Any)
            {
                return null;
            }
            note.Text = input.Text!.Trim();
            return note;
        }, ct);

    private async Task<Outcome<T>> WriteAsync<T>(int pairId, Func<CoachingPair, Problems, Task<T?>> write, CancellationToken ct) where T : class
    {
        if (await access.FindCoachingPairAsync(pairId, ct) is not { } pair)
        {
            return Outcome<T>.NotFound();
        }
        var problems = new Problems();
        if (!CoachingRules.IsActive(pair.StartedOn, pair.EndedOn, clock.Today()))
        {
            problems.Add("pairId", pair.EndedOn is { } ended
                ? $"This coaching ended on {Display.Date(ended)}: its record is kept as it was."
                : $"This coaching starts on {Display.Date(pair.StartedOn)}.");
            return Outcome<T>.Invalid(problems);
        }
        var written = await write(pair, problems);
        if (problems.Any || written is null)
        {
            return Outcome<T>.Invalid(problems);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<T>.Ok(written);
    }

    /// <summary>The step's title: the library step's name (of the trust's current language) or the pair's own words.</summary>
    private async Task<(string? Title, int? ItemId)> TitleAsync(StepInput input, Problems problems, CancellationToken ct)
    {
        if (input.LibraryStepId is int id)
        {
            var library = await language.CurrentAsync(ct);
            if (library?.Steps.FirstOrDefault(s => s.Id == id) is not { } item)
            {
                problems.Add("libraryStepId", $"There is no step {id} in the trust's current step library: choose one from the list, or write the step in your own words.");
                return (null, null);
            }
            return (Text.Clean(input.Title) ?? item.Name, item.Id);
        }
        problems.Require("title", input.Title, "step (choose one from the library or write it in your own words)", 300);
        return (Text.Clean(input.Title), null);
    }

    private void CheckDate(DateOnly? day, string field, Problems problems)
    {
        var today = clock.Today();
        if (day is not DateOnly date)
        {
            problems.Add(field, "Enter the check-back date.");
        }
        else if (date < today)
        {
            problems.Add(field, "The check-back date must be today or later.");
        }
        else if (date > today.AddYears(1))
        {
            problems.Add(field, "The check-back date must be within a year: a step is small enough to check back on sooner.");
        }
    }
}
