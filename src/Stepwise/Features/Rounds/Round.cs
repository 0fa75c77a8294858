using Stepwise.Data;

namespace Stepwise.Features.Rounds;

/// <summary>
/// An instructional round: observers visit classrooms in small groups on a problem of practice, write descriptive
/// notes against the trust's look-fors, and debrief (describe, analyse, predict, next level of work). A round at
/// several schools of the trust is a network round. Who observed is recorded here, on the round, never on a note.
/// </summary>
public sealed class Round : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public required string Title { get; set; }

    /// <summary>The problem of practice the round looks at ("pupils' talk in maths is mostly recall").</summary>
    public required string ProblemOfPractice { get; set; }

    /// <summary>The day of the round: the round's, not a note's.</summary>
    public DateOnly HeldOn { get; set; }

    /// <summary>The language version its look-fors come from.</summary>
    public int LanguageVersionId { get; set; }

    /// <summary>The fewest classrooms visited before pattern counts show: 5 unless the trust raised it (never below 5).</summary>
    public int MinimumClassrooms { get; set; } = RoundRules.MinimumClassrooms;

    public RoundStage Stage { get; set; }

    /// <summary>The network of schools the round belongs to, if any.</summary>
    public int? NetworkId { get; set; }

    /// <summary>The debrief's prediction: "if you were a pupil in these classes, what would you know and be able to do?"</summary>
    public string? Prediction { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum RoundStage
{
    /// <summary>Planned: problem of practice, look-fors, schools and observers set.</summary>
    Planned,

    /// <summary>Observers are in classrooms, writing notes.</summary>
    Observing,

    /// <summary>Describing, analysing and predicting from the notes.</summary>
    Debrief,

    /// <summary>The next level of work is agreed; the round is closed to new notes.</summary>
    Closed,
}

/// <summary>The fixed floors of rounds.</summary>
public static class RoundRules
{
    /// <summary>Pattern counts show only when the round visited at least this many classrooms; a trust may raise it, never lower it.</summary>
    public const int MinimumClassrooms = 5;
}

/// <summary>A school a round visits (one for a school's round, several for a network's).</summary>
public sealed class RoundSchool : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int RoundId { get; set; }
    public int SchoolId { get; set; }
}

/// <summary>A look-for of the round, from its language version.</summary>
public sealed class RoundLookFor : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int RoundId { get; set; }
    public int LanguageItemId { get; set; }
}

/// <summary>A small group of observers that visits classrooms together, and how many it visited.</summary>
public sealed class RoundGroup : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int RoundId { get; set; }
    public required string Name { get; set; }

    /// <summary>How many classrooms the group visited: a count, never which ones.</summary>
    public int ClassroomsVisited { get; set; }
}

/// <summary>A person observing in a round, in one of its groups.</summary>
public sealed class RoundObserver : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int RoundId { get; set; }
    public int? GroupId { get; set; }
    public int PersonId { get; set; }
}

/// <summary>
/// A low-inference note from a classroom: what the teacher said and did, what pupils said and did, the task; tagged
/// with look-fors; with the year group and subject area at most. By design it has no column for who was observed or
/// who wrote it, the class, the room, the group or the time; its key is random (the phone makes it, so a retried post
/// is stored once) and says nothing about order; and its writes are not audited row by row (ADR 0086).
/// </summary>
public sealed class RoundNote : ITrustOwned
{
    public Guid Id { get; set; }
    public int TrustId { get; set; }
    public int RoundId { get; set; }
    public string? TeacherDoing { get; set; }
    public string? PupilsDoing { get; set; }
    public string? Task { get; set; }

    /// <summary>"Year 4", "Reception", or none.</summary>
    public string? YearGroup { get; set; }

    /// <summary>"Maths", "English", or none.</summary>
    public string? SubjectArea { get; set; }
}

/// <summary>A look-for a note was tagged with.</summary>
public sealed class RoundNoteTag : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public Guid NoteId { get; set; }
    public int LanguageItemId { get; set; }
}

/// <summary>A pattern the debrief named: a cluster of notes ("questions mostly have one right answer").</summary>
public sealed class RoundPattern : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int RoundId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Order { get; set; }
}

/// <summary>A note sorted into a pattern.</summary>
public sealed class RoundPatternNote : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PatternId { get; set; }
    public Guid NoteId { get; set; }
}

/// <summary>
/// The next level of work the debrief agreed, and where it went: an action in a school's improvement plan or an
/// enquiry for a learning team.
/// </summary>
public sealed class RoundNextStep : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int RoundId { get; set; }
    public required string Text { get; set; }
    public int? PlanActionId { get; set; }
    public int? EnquiryId { get; set; }
    public DateTime CreatedAt { get; set; }
}
