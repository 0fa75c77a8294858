using Stepwise.Data;

namespace Stepwise.Features.Frameworks;

/// <summary>
/// A self-evaluation framework in a trust: the Ofsted framework and the inside-out rings from the library, or one
/// the trust wrote itself. Its content lives in numbered versions; a version that has judgements never changes.
/// </summary>
public sealed class Framework : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>A stable short name in kebab case, e.g. "ofsted-2025"; the same key in a JSON file means the same framework.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>"library" (shipped with Stepwise) or "trust" (written in the app or imported).</summary>
    public required string Origin { get; set; }

    /// <summary>Whether schools judge themselves against it, or the trust judges itself (the trust quality pillars).</summary>
    public FrameworkLevel Level { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum FrameworkLevel
{
    School,
    Trust,
}

/// <summary>One version of a framework: its scales and areas as they were when judgements were made against them.</summary>
public sealed class FrameworkVersion : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int FrameworkId { get; set; }

    /// <summary>1, 2, 3 …: a new version maps its areas to the previous one's.</summary>
    public int Number { get; set; }

    /// <summary>What changed in this version, in a sentence.</summary>
    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public List<FrameworkArea> Areas { get; set; } = [];
    public List<FrameworkGrade> Grades { get; set; } = [];
}

/// <summary>An area of a framework version that a school is judged on, e.g. "Curriculum and teaching".</summary>
public sealed class FrameworkArea : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int FrameworkVersionId { get; set; }

    /// <summary>Kebab case, unique in the version; kept from version to version while the area means the same.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>A heading areas are grouped under (a ring of the inside-out model), or none.</summary>
    public string? Group { get; set; }

    /// <summary>The key of the scale this area is graded on (safeguarding is met / not met, the rest five-point).</summary>
    public required string Scale { get; set; }

    /// <summary>Where the area applies only to some schools ("early years", "sixth form"), what to say.</summary>
    public string? AppliesWhere { get; set; }

    /// <summary>Keys of the previous version's areas this one continues, comma-separated; empty for a new area.</summary>
    public string MapsFrom { get; set; } = "";

    public int Order { get; set; }

    public IReadOnlyList<string> MapsFromKeys => MapsFrom.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One point of a scale in a framework version, e.g. "Strong standard"; rank 1 is the best.</summary>
public sealed class FrameworkGrade : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int FrameworkVersionId { get; set; }
    public required string Scale { get; set; }
    public required string ScaleName { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public int Rank { get; set; }
}
