using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>
/// A survey of staff, pupils or parents at one school or across the trust. It is drafted, opened between two dates
/// and closed; answers come in through a public link, with or without one-time codes. A later run of the same
/// survey points back to the earlier one so results can show the change.
/// </summary>
public sealed class Survey : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>The school surveyed; null for a trust-wide survey (each response then names its school).</summary>
    public int? SchoolId { get; set; }

    public required string Title { get; set; }

    /// <summary>Shown to respondents above the questions: why we ask and what happens next.</summary>
    public string? Introduction { get; set; }

    public Audience Audience { get; set; }
    public SurveyStatus Status { get; set; } = SurveyStatus.Draft;
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public Distribution Distribution { get; set; }

    /// <summary>The unguessable part of the public link (/s/{token}); the rate limit is per link.</summary>
    public required string LinkToken { get; set; }

    /// <summary>Ask respondents their year group (pupils, parents) for breakdowns.</summary>
    public bool AskYearGroup { get; set; }

    /// <summary>Ask respondents their staff role (teaching, support, leadership) for breakdowns.</summary>
    public bool AskStaffRole { get; set; }

    /// <summary>The earlier run this one repeats: results show the change since then.</summary>
    public int? PreviousRunId { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<SurveyQuestion> Questions { get; set; } = [];

    /// <summary>Open today: status open and today within the dates.</summary>
    public bool IsAcceptingOn(DateOnly today) => Status == SurveyStatus.Open && today >= OpensOn && today <= ClosesOn;
}

public enum Audience
{
    Staff,
    Pupils,
    Parents,
}

public enum SurveyStatus
{
    Draft,
    Open,
    Closed,
}

public enum Distribution
{
    /// <summary>Anyone with the link may answer (staff surveys, parents).</summary>
    OpenLink,

    /// <summary>Each answer needs a one-time code from a printed sheet (pupils in class).</summary>
    OneTimeCodes,
}

public enum QuestionKind
{
    /// <summary>Strongly disagree … strongly agree, 1–5, with an optional "don't know".</summary>
    Agreement,
    SingleChoice,
    MultipleChoice,
    Number,
    FreeText,
}

/// <summary>One question of a survey: copied from the bank (keeping its code for comparisons) or written here.</summary>
public sealed class SurveyQuestion : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SurveyId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>The bank item it came from (e.g. "staff.workload.manageable"); null for a custom question.</summary>
    public string? BankCode { get; set; }

    /// <summary>The scale (group of items) it belongs to, e.g. "Workload"; also the section respondents see.</summary>
    public string? Scale { get; set; }

    /// <summary>Negatively worded: agreement is unfavourable, so answers are reversed before any figure.</summary>
    public bool ReverseScored { get; set; }

    /// <summary>Choices for single and multiple choice, one per line.</summary>
    public string? Options { get; set; }

    public bool AllowDontKnow { get; set; } = true;

    public IReadOnlyList<string> OptionList =>
        (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// One person's answers. Deliberately holds nothing that identifies them: no code, no person, no address, no time
/// of day (only the date), and only the coarse attributes the survey asked for.
/// </summary>
public sealed class SurveyResponse : ITrustOwned
{
    public long Id { get; set; }
    public int TrustId { get; set; }
    public int SurveyId { get; set; }

    /// <summary>The school answered for: the survey's school, or for a trust-wide survey the one chosen or coded.</summary>
    public int? SchoolId { get; set; }

    public DateOnly SubmittedOn { get; set; }
    public int? YearGroup { get; set; }
    public StaffRole? StaffRole { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

public enum StaffRole
{
    Teaching,
    Support,
    Leadership,
}

/// <summary>An answer to one question. Agreement: 1–5, or 0 for "don't know". Single choice: the option's number.</summary>
public sealed class SurveyAnswer : ITrustOwned
{
    public long Id { get; set; }
    public int TrustId { get; set; }
    public long ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? Choice { get; set; }

    /// <summary>Multiple choice: the option numbers ticked, comma-separated ("1,3").</summary>
    public string? Choices { get; set; }

    public decimal? Number { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// A one-time code from a printed sheet. Only its hash is kept, it works once, and it is never linked to the answers
/// it unlocked: using it sets <see cref="Used"/> and nothing else (not even when).
/// </summary>
public sealed class SurveyCode : ITrustOwned
{
    public long Id { get; set; }
    public int TrustId { get; set; }
    public int SurveyId { get; set; }

    /// <summary>For a trust-wide survey, the school whose sheet it is on (answers count for that school).</summary>
    public int? SchoolId { get; set; }

    /// <summary>The class or group the sheet was printed for, e.g. "7B".</summary>
    public required string Group { get; set; }

    public required string Hash { get; set; }
    public bool Used { get; set; }
}

/// <summary>The trust's small-group protection: no figure from fewer than <see cref="MinimumRespondents"/> (5 unless changed; never below 3).</summary>
public sealed class SurveySettings : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int MinimumRespondents { get; set; } = 5;
}
