namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// The strands of the Education Endowment Foundation's Teaching and Learning Toolkit, by name, as optional tags on
/// look-fors and coaching steps. Names only: Stepwise holds no Toolkit content or figures.
/// </summary>
public static class EefToolkit
{
    public static readonly IReadOnlyList<string> Strands =
    [
        "Arts participation",
        "Aspiration interventions",
        "Behaviour interventions",
        "Collaborative learning approaches",
        "Extending school time",
        "Feedback",
        "Homework",
        "Individualised instruction",
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
    ];

    /// <summary>The strand as the Toolkit names it, matched without regard to case; null if it is not a strand.</summary>
    public static string? Find(string? name) =>
        Strands.FirstOrDefault(s => string.Equals(s, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
