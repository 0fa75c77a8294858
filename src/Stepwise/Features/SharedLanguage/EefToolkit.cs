using Stepwise.Common;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// The thirty strands of the Education Endowment Foundation's Teaching and Learning Toolkit, by name and by slug (the
/// address the Toolkit gives each strand), as optional tags on look-fors, coaching steps and practice-library entries.
/// Names only: Stepwise holds no Toolkit content or figures.
/// </summary>
public static class EefToolkit
{
    /// <summary>A strand: the Toolkit's name for it and its slug ("one-to-one-tuition").</summary>
    public sealed record Strand(string Name, string Slug);

    /// <summary>Every strand, in the Toolkit's alphabetical order.</summary>
    public static readonly IReadOnlyList<Strand> All =
    [
        .. new[]
        {
            "Arts participation",
            "Aspiration interventions",
            "Behaviour interventions",
            "Collaborative learning approaches",
            "Extending school time",
            "Feedback",
            "Homework",
            "Individualised instruction",
            "Learning styles",
            "Mastery learning",
            "Mentoring",
            "Metacognition and self-regulation",
            "One to one tuition",
            "Oral language interventions",
            "Outdoor adventure learning",
            "Parental engagement",
            "Peer tutoring",
            "Performance pay",
            "Phonics",
            "Physical activity",
            "Reading comprehension strategies",
            "Reducing class size",
            "Repeating a year",
            "School uniform",
            "Setting and streaming",
            "Small group tuition",
            "Social and emotional learning",
            "Summer schools",
            "Teaching assistant interventions",
            "Within-class attainment grouping",
        }.Select(name => new Strand(name, Slug.Of(name, 80))),
    ];

    /// <summary>The strands' names, as look-fors and coaching steps store them.</summary>
    public static readonly IReadOnlyList<string> Strands = [.. All.Select(s => s.Name)];

    /// <summary>The strand as the Toolkit names it, matched without regard to case; null if it is not a strand.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>The strand with this slug, or with this name (either is accepted from a person); null if it is neither.</summary>
    public static Strand? FindBySlug(string? slugOrName)
    {
        var text = slugOrName?.Trim();
        return All.FirstOrDefault(s => string.Equals(s.Slug, text, StringComparison.OrdinalIgnoreCase))
            ?? All.FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The strand's name for a slug stored on a tag; the slug itself if the list no longer has it.</summary>
    public static string NameOf(string slug) => FindBySlug(slug)?.Name ?? slug;
}
