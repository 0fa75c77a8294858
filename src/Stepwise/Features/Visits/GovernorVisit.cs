using Stepwise.Data;

namespace Stepwise.Features.Visits;

/// <summary>
/// A governor's write-up of a visit to a school: the focus (a plan priority, in words until plans exist), what they
/// saw, what they asked, what they found and what should follow. Governors write their own; school leaders and the
/// trust read them.
/// </summary>
public sealed class GovernorVisit : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }

    /// <summary>The governor who visited and wrote it.</summary>
    public int PersonId { get; set; }

    public DateOnly VisitedOn { get; set; }

    /// <summary>The plan priority the visit looked at, when the school has a plan.</summary>
    public int? PriorityId { get; set; }

    /// <summary>The focus in words: the priority's title, or whatever the visit looked at.</summary>
    public required string Focus { get; set; }
    public required string Seen { get; set; }
    public string? Questions { get; set; }
    public required string Findings { get; set; }
    public string? FollowUps { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
