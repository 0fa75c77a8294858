using Stepwise.Data;

namespace Stepwise.Features.Coaching;

/// <summary>
/// A teacher and their coach. Who is paired is known to the school's leaders (they arrange it); everything the two
/// write — steps, check-backs, notes — is theirs alone (AccessControl.FindCoachingPairAsync).
/// </summary>
public sealed class CoachingPair : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int TeacherId { get; set; }
    public int CoachId { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One small step a teacher and coach agreed, from the trust's step library or in their own words, with the day they
/// will check back.
/// </summary>
public sealed class CoachingStep : ITrustOwned, IAuditedPrivately
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PairId { get; set; }

    /// <summary>The library step it came from (a <c>LanguageItem</c> of kind Step), or none.</summary>
    public int? LanguageItemId { get; set; }

    public required string Title { get; set; }

    /// <summary>What it looks like in this classroom; how to practise it.</summary>
    public string? Detail { get; set; }

    public DateOnly AgreedOn { get; set; }
    public DateOnly CheckBackOn { get; set; }
    public CoachingStepStatus Status { get; set; }

    /// <summary>When it was secured or set aside.</summary>
    public DateOnly? ClosedOn { get; set; }
}

public enum CoachingStepStatus
{
    /// <summary>Being practised; due back on its check-back day.</summary>
    Working,

    /// <summary>The teacher does it without thinking: the step is done.</summary>
    Secure,

    /// <summary>Set aside in favour of another step.</summary>
    SetAside,
}

/// <summary>A check-back on a step: how it went and what next.</summary>
public sealed class CoachingCheckBack : ITrustOwned, IAuditedPrivately
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PairId { get; set; }
    public int StepId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Note { get; set; }

    /// <summary>What the check-back decided for the step.</summary>
    public CoachingStepStatus Outcome { get; set; }
}

/// <summary>A note one of the pair wrote.</summary>
public sealed class CoachingNote : ITrustOwned, IAuditedPrivately
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int PairId { get; set; }
    public int PersonId { get; set; }
    public required string Text { get; set; }
    public DateTime WrittenAt { get; set; }
}
