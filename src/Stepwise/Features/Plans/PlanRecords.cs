using Stepwise.Features.Evidence;

namespace Stepwise.Features.Plans;

public sealed record PlanInput
{
    /// <summary>year (the default) or hundred-day.</summary>
    public string? Kind { get; init; }

    public string? Title { get; init; }

    /// <summary>For a year plan: "2025/26".</summary>
    public string? AcademicYear { get; init; }

    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public string? Summary { get; init; }
}

public sealed record PriorityInput
{
    public string? Title { get; init; }
    public string? Why { get; init; }
    public string? Lead { get; init; }

    /// <summary>The framework's key and the area's key in its latest version, e.g. "ofsted-2025" and "attendance-and-behaviour".</summary>
    public string? Framework { get; init; }

    public string? Area { get; init; }

    /// <summary>A unit of the school the priority is about; none for the whole school.</summary>
    public int? UnitId { get; init; }
}

public sealed record GoalInput
{
    /// <summary>A metric in the catalogue, e.g. "attendance.persistent-absence".</summary>
    public string? MetricKey { get; init; }

    /// <summary>"all" (the default) or a pupil group, e.g. "disadvantaged".</summary>
    public string? Group { get; init; }

    public string? Baseline { get; init; }
    public DateOnly? BaselineOn { get; init; }
    public string? Target { get; init; }
    public DateOnly? TargetOn { get; init; }
    public string? Description { get; init; }
}

public sealed record ActionInput
{
    public string? Title { get; init; }
    public string? Owner { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? DueOn { get; init; }

    /// <summary>not-started (the default), in-progress, done or dropped. "Overdue" is worked out, not given.</summary>
    public string? Status { get; init; }

    /// <summary>In pounds, e.g. "1500" or "£1,500.00".</summary>
    public string? Cost { get; init; }
}

public sealed record MilestoneInput
{
    public string? Title { get; init; }
    public DateOnly? DueOn { get; init; }
    public DateOnly? ReachedOn { get; init; }
}

public sealed record CommentInput
{
    public string? Text { get; init; }
    public int? PriorityId { get; init; }
}

public sealed record ReviewInput
{
    public string? WhatChanged { get; init; }
    public string? WhatWeLearned { get; init; }

    /// <summary>continue, modify or stop.</summary>
    public string? Decision { get; init; }
}

public sealed record PlanView(
    int Id,
    int Urn,
    string School,
    string Kind,
    string Title,
    string? AcademicYear,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string? Summary,
    string CreatedBy,
    DateTime CreatedAt,
    List<PriorityView> Priorities,
    List<CommentView> Comments);

public sealed record AreaLink(string Framework, string FrameworkName, int Version, string Key, string Name);

public sealed record UnitLink(int Id, string Name);

public sealed record PriorityView(
    int Id,
    int PlanId,
    string Title,
    string? Why,
    string? Lead,
    AreaLink? Area,
    UnitLink? Unit,
    List<GoalView> Goals,
    List<ActionView> Actions,
    List<MilestoneView> Milestones,
    List<EvidenceView> Evidence,
    ReviewView? Review);

/// <summary>A goal as read. <paramref name="FedBy"/>: for a measure with no data yet, the data that would feed it (which import).</summary>
public sealed record GoalView(
    int Id,
    string MetricKey,
    string MetricName,
    string MetricUnit,
    string Polarity,
    string Group,
    string GroupName,
    double Baseline,
    DateOnly BaselineOn,
    double Target,
    DateOnly TargetOn,
    string? Description,
    GoalStatus Status,
    string? FedBy = null);

public sealed record ActionView(int Id, string Title, string Owner, DateOnly? StartsOn, DateOnly DueOn, string Status, string State, decimal? Cost, DateOnly? DoneOn,
    List<ActionPrompt> PromptedBy)
{
    /// <summary>The enquiries that carry the action out (a learning team testing it in cycles).</summary>
    public List<ActionEnquiry> CarriedOutBy { get; init; } = [];
}

/// <summary>An enquiry that carries out a plan action.</summary>
public sealed record ActionEnquiry(int Id, string Title);

/// <summary>
/// The feedback ("you said, we did") an action answers. What was said, and the links, only as far as the reader may
/// see them: the words when the entry is public or the reader may read its source, the links to pages they may open.
/// </summary>
public sealed record ActionPrompt(string? YouSaid, string? Href, string? SourceHref, string? SourceLabel);

public sealed record MilestoneView(int Id, string Title, DateOnly DueOn, DateOnly? ReachedOn, string State);

public sealed record CommentView(int Id, int? PriorityId, string Author, string Text, DateTime At);

public sealed record ReviewView(string? WhatChanged, string? WhatWeLearned, string? Decision, DateOnly? ReviewedOn, string? ReviewedBy);
