using Stepwise.Data;

namespace Stepwise.Features.Practice;

/// <summary>A resource a school shares with the trust (a scheme of work, a protocol, a guide): a link, or a file kept as evidence.</summary>
public sealed class SharedResource : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>The school that wrote it; null for the trust's own.</summary>
    public int? SchoolId { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public ResourceKind Kind { get; set; }

    /// <summary>A web address, when the resource is a link.</summary>
    public string? Url { get; set; }

    /// <summary>The framework area key it helps with (e.g. "quality-of-education"), if any.</summary>
    public string? AreaKey { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ArchivedAt { get; set; }
}

public enum ResourceKind
{
    SchemeOfWork,
    Protocol,
    Guide,
    Other,
}

/// <summary>Where a practice-library entry comes from: the records of other features, or a shared resource.</summary>
public enum PracticeSource
{
    /// <summary>A change idea adopted after enquiry cycles.</summary>
    ChangeIdea,

    /// <summary>An area of excellence a peer review confirmed.</summary>
    AreaOfExcellence,

    /// <summary>A support episode whose impact is recorded.</summary>
    SupportEpisode,

    Resource,
}

/// <summary>An EEF Teaching and Learning Toolkit strand (by slug) tagged on a practice-library entry.</summary>
public sealed class PracticeTag : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public PracticeSource Source { get; set; }
    public int SourceId { get; set; }
    public required string Strand { get; set; }
}
