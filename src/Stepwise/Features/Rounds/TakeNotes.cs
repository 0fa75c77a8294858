using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Rounds;

/// <summary>
/// A note as the phone (or the plain form) sends it. Its id is made on the phone, so a post retried after a weak
/// connection is stored once. It carries what was seen, the year group and subject area at most, and look-fors.
/// </summary>
public sealed class NoteInput
{
    public Guid? Id { get; set; }
    public string? TeacherDoing { get; set; }
    public string? PupilsDoing { get; set; }
    public string? Task { get; set; }
    public string? YearGroup { get; set; }
    public string? SubjectArea { get; set; }

    /// <summary>The look-fors' keys.</summary>
    public List<string> Tags { get; set; } = [];
}

public sealed class ClassroomInput
{
    /// <summary>The group that visited; an observer's own group when left out.</summary>
    public int? GroupId { get; set; }
}

/// <summary>
/// Writes a round's notes and counts its classrooms: observers (and the round's leaders) while it is planned or
/// observing. Nothing about who wrote a note, in which group, room or at what time is stored with it (ADR 0086).
/// </summary>
public sealed class TakeNotes(AppDbContext db, RoundAccess rounds)
{
    /// <summary>The note stored, and whether this call stored it (false: the same note had arrived before).</summary>
    public sealed record Saved(ReadRound.NoteView Note, bool Created);

    public async Task<Outcome<Saved>> SaveAsync(int roundId, NoteInput input, CancellationToken ct)
    {
        if (await rounds.ForRoundAsync(roundId, ct) is not { } rights)
        {
            return Outcome<Saved>.NotFound();
        }
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        if (input.Id is Guid repeat && repeat != Guid.Empty && await ExistingAsync(roundId, repeat, ct) is { } stored)
        {
            return rights.Observer || rights.Lead ? Outcome<Saved>.Ok(new Saved(stored, false)) : Outcome<Saved>.Forbidden();
        }
        if (!rights.Observer && !rights.Lead)
        {
            return Outcome<Saved>.Forbidden();
        }
        var problems = new Problems()
            .Optional("teacherDoing", input.TeacherDoing, "note of what the teacher said and did", 2000)
            .Optional("pupilsDoing", input.PupilsDoing, "note of what pupils said and did", 2000)
            .Optional("task", input.Task, "note of the task", 2000)
            .Optional("yearGroup", input.YearGroup, "year group", 40)
            .Optional("subjectArea", input.SubjectArea, "subject area", 80);
        if (!rights.WriteNotes(round.Stage))
        {
            problems.Add("", $"The round is at its {Codes.Of(round.Stage)} stage: notes are written while it is planned or observing.");
        }
        if (Text.Clean(input.TeacherDoing) is null && Text.Clean(input.PupilsDoing) is null && Text.Clean(input.Task) is null)
        {
            problems.Add("teacherDoing", "Write what you saw: what the teacher said and did, what pupils said and did, or the task.");
        }
        if (input.Id == Guid.Empty)
        {
            problems.Add("id", "The note's id cannot be all zeros: leave it out and Stepwise makes one.");
        }
        else if (input.Id is Guid taken && await db.RoundNotes.AnyAsync(n => n.Id == taken, ct))
        {
            problems.Add("id", "That id belongs to a note of another round: make a new one.");
        }
        var lookFors = await db.RoundLookFors.AsNoTracking().Where(l => l.RoundId == roundId)
            .Join(db.LanguageItems, l => l.LanguageItemId, i => i.Id, (l, i) => new { i.Id, i.Key }).ToListAsync(ct);
        var tags = new List<int>();
        foreach (var key in input.Tags.Select(Text.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (lookFors.FirstOrDefault(l => string.Equals(l.Key, key, StringComparison.OrdinalIgnoreCase)) is { } item)
            {
                tags.Add(item.Id);
            }
            else
            {
                problems.Add("tags", $"\"{key}\" is not a look-for of this round.");
            }
        }
        if (problems.Any)
        {
            return Outcome<Saved>.Invalid(problems);
        }
        var note = new RoundNote
        {
            Id = input.Id ?? Guid.NewGuid(), TrustId = round.TrustId, RoundId = roundId,
            TeacherDoing = Text.Clean(input.TeacherDoing), PupilsDoing = Text.Clean(input.PupilsDoing), Task = Text.Clean(input.Task),
            YearGroup = Text.Clean(input.YearGroup), SubjectArea = Text.Clean(input.SubjectArea),
        };
        db.RoundNotes.Add(note);
        db.RoundNoteTags.AddRange(tags.Select(t => new RoundNoteTag { TrustId = round.TrustId, NoteId = note.Id, LanguageItemId = t }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (input.Id is Guid raced)
        {
            // The same note arrived twice at once (a retry over a slow connection): the first one stored it.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(roundId, raced, ct) is { } first)
            {
                return Outcome<Saved>.Ok(new Saved(first, false));
            }
            throw;
        }
        return Outcome<Saved>.Ok(new Saved((await ExistingAsync(roundId, note.Id, ct))!, true));
    }

    /// <summary>One more classroom visited by a group: the observer's own, or (for a leader) the one named.</summary>
    public async Task<Outcome<ReadRound.GroupView>> ClassroomAsync(int roundId, ClassroomInput input, CancellationToken ct)
    {
        if (await rounds.ForRoundAsync(roundId, ct) is not { } rights)
        {
            return Outcome<ReadRound.GroupView>.NotFound();
        }
        if (!rights.Observer && !rights.Lead)
        {
            return Outcome<ReadRound.GroupView>.Forbidden();
        }
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var problems = new Problems();
        var groupId = input.GroupId ?? rights.ObserverGroupId;
        var group = groupId is int id ? await db.RoundGroups.FirstOrDefaultAsync(g => g.Id == id && g.RoundId == roundId, ct) : null;
        if (group is null)
        {
            problems.Add("groupId", groupId is null ? "Choose the group that visited the classroom." : "The group must be one of this round's.");
        }
        else if (group.Id != rights.ObserverGroupId && !rights.Lead)
        {
            return Outcome<ReadRound.GroupView>.Forbidden();
        }
        if (!rights.WriteNotes(round.Stage) && !(rights.Lead && round.Stage == RoundStage.Debrief))
        {
            problems.Add("", $"The round is at its {Codes.Of(round.Stage)} stage: classrooms are counted while it is planned or observing.");
        }
        if (problems.Any)
        {
            return Outcome<ReadRound.GroupView>.Invalid(problems);
        }
        group!.ClassroomsVisited++;
        await db.SaveChangesAsync(ct);
        return Outcome<ReadRound.GroupView>.Ok(new ReadRound.GroupView(group.Id, group.Name, group.ClassroomsVisited, null));
    }

    private async Task<ReadRound.NoteView?> ExistingAsync(int roundId, Guid id, CancellationToken ct)
    {
        var note = await db.RoundNotes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.RoundId == roundId, ct);
        if (note is null)
        {
            return null;
        }
        var tags = await db.RoundNoteTags.AsNoTracking().Where(t => t.NoteId == id)
            .Join(db.LanguageItems, t => t.LanguageItemId, i => i.Id, (t, i) => new { i.Key, i.Order, i.Id })
            .OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => i.Key).ToListAsync(ct);
        return new ReadRound.NoteView(note.Id, note.TeacherDoing, note.PupilsDoing, note.Task, note.YearGroup, note.SubjectArea, tags);
    }
}
