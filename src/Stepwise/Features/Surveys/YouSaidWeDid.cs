using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>
/// "You said, we did": something heard (a survey question's result, a comment, a governor's finding) and the action
/// the school took, in words for the public page, linked to the plan action that carries it out where there is one.
/// </summary>
public sealed class YouSaidWeDid : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }

    public FeedbackSource Source { get; set; }

    /// <summary>The survey question it answers, when the source is a question or a comment on one.</summary>
    public int? SurveyQuestionId { get; set; }

    /// <summary>The governor visit whose finding it answers.</summary>
    public int? GovernorVisitId { get; set; }

    /// <summary>The action in the school's plan that answers it, when there is one.</summary>
    public int? PlanActionId { get; set; }

    /// <summary>What we heard, in words a parent or pupil would recognise.</summary>
    public required string YouSaid { get; set; }

    /// <summary>What we did (or are doing) about it.</summary>
    public required string WeDid { get; set; }

    /// <summary>Who owns the action (a name or role).</summary>
    public string? Owner { get; set; }

    /// <summary>When the action was taken or is due.</summary>
    public DateOnly ActionOn { get; set; }

    /// <summary>Shown on the school's public "you said, we did" page.</summary>
    public bool Published { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum FeedbackSource
{
    SurveyQuestion,
    Comment,
    VisitFinding,
}
