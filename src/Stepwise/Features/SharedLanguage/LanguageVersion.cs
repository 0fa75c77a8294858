using Stepwise.Data;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// One version of a trust's shared language of instructional practice: the glossary, the look-fors rounds are noted
/// against and the step library coaches draw on. Like a framework, a version that is in use (a round chose its
/// look-fors, a coaching step came from it) never changes: the next version copies it and is changed instead.
/// </summary>
public sealed class LanguageVersion : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }

    /// <summary>1, 2, 3 …; the highest published number is the trust's current language.</summary>
    public int Number { get; set; }

    /// <summary>What changed in this version, in a sentence.</summary>
    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>When it became the trust's current language; null while it is a draft being written.</summary>
    public DateTime? PublishedAt { get; set; }

    public List<LanguageItem> Items { get; set; } = [];
}

/// <summary>What an item of the shared language is.</summary>
public enum LanguageItemKind
{
    /// <summary>A word of the glossary ("cold call", "think-pair-share") with what the trust means by it.</summary>
    Term,

    /// <summary>Something observers look for in a classroom during a round ("pupils explain their reasoning").</summary>
    LookFor,

    /// <summary>A small, observable step a teacher and coach can agree ("cold-call after think-pair-share").</summary>
    Step,
}

/// <summary>A term, look-for or coaching step of one language version.</summary>
public sealed class LanguageItem : ITrustOwned, IAudited
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int LanguageVersionId { get; set; }
    public LanguageItemKind Kind { get; set; }

    /// <summary>Kebab case, unique per kind in the version; kept from version to version while it means the same.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>A heading items are grouped under ("questioning", "behaviour", "explanation"), or none.</summary>
    public string? Category { get; set; }

    /// <summary>The EEF Teaching and Learning Toolkit strand it draws on, by name (<see cref="EefToolkit.Strands"/>), or none.</summary>
    public string? EefStrand { get; set; }

    public int Order { get; set; }
}
