using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// A learning team: staff who run cycles of enquiry together on the units they work on (a subject, a year group, an
/// area such as SEND). A team whose units belong to more than one school of the trust is a network.
/// </summary>
public sealed class LearningTeam : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public required string Name { get; set; }

    /// <summary>What the team is for, in a sentence ("Year 3 teachers improving reading fluency").</summary>
    public string? Purpose { get; set; }

    /// <summary>Whether this is the school's improvement team (the whole-school programme's first activity).</summary>
    public bool IsImprovementTeam { get; set; }

    /// <summary>The network of schools the team belongs to, if any.</summary>
    public int? NetworkId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
}

/// <summary>A person in a learning team; the lead convenes it.</summary>
public sealed class LearningTeamMember : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int TeamId { get; set; }
    public int PersonId { get; set; }
    public bool IsLead { get; set; }
}

/// <summary>A unit a learning team works on: its school follows from the unit.</summary>
public sealed class LearningTeamUnit : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int TeamId { get; set; }
    public int UnitId { get; set; }
    public int SchoolId { get; set; }
}
