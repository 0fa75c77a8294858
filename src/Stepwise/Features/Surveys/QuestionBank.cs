namespace Stepwise.Features.Surveys;

/// <summary>One standard item: a statement answered on the five-point agreement scale.</summary>
/// <param name="Code">Stable across runs and schools, so results can be compared: audience.scale.item.</param>
/// <param name="Reverse">Negatively worded: agreeing is unfavourable.</param>
public sealed record BankItem(string Code, Audience Audience, string Scale, string Text, bool Reverse = false);

/// <summary>
/// The standard question bank: short statements on a five-point agreement scale, grouped into scales for staff,
/// pupils and parents. Written for Stepwise in plain words (not copied from any published instrument). Each scale
/// mixes in a negatively worded item where it reads naturally; those are reverse-scored.
/// </summary>
public static class QuestionBank
{
    public static IReadOnlyList<BankItem> Items { get; } =
    [
        // Staff
        new("staff.workload.manageable", Audience.Staff, "Workload", "My workload is manageable in the time I have."),
        new("staff.workload.purpose", Audience.Staff, "Workload", "The tasks I am asked to do help pupils learn."),
        new("staff.workload.evenings", Audience.Staff, "Workload", "I regularly work evenings or weekends to keep up.", Reverse: true),
        new("staff.workload.marking", Audience.Staff, "Workload", "Our marking and feedback policy is a sensible use of my time."),
        new("staff.wellbeing.enjoy", Audience.Staff, "Well-being", "I enjoy working at this school."),
        new("staff.wellbeing.stress", Audience.Staff, "Well-being", "Work leaves me feeling exhausted most weeks.", Reverse: true),
        new("staff.wellbeing.cared", Audience.Staff, "Well-being", "Leaders care about my well-being."),
        new("staff.wellbeing.balance", Audience.Staff, "Well-being", "I can balance my work and my life outside school."),
        new("staff.leadership.listened", Audience.Staff, "Leadership", "Leaders listen to staff and act on what we say."),
        new("staff.leadership.clear", Audience.Staff, "Leadership", "I understand what the school is trying to improve and why."),
        new("staff.leadership.consulted", Audience.Staff, "Leadership", "Changes are made without staff being consulted.", Reverse: true),
        new("staff.development.useful", Audience.Staff, "Professional development", "The training I receive helps me do my job better."),
        new("staff.development.time", Audience.Staff, "Professional development", "I have time to work with colleagues on improving our teaching."),
        new("staff.behaviour.support", Audience.Staff, "Behaviour", "I am supported well when dealing with poor behaviour."),
        new("staff.behaviour.consistent", Audience.Staff, "Behaviour", "Behaviour rules are applied consistently across the school."),

        // Pupils
        new("pupils.belonging.belong", Audience.Pupils, "Belonging", "I feel I belong at this school."),
        new("pupils.belonging.adult", Audience.Pupils, "Belonging", "There is an adult in school I can talk to if I am worried."),
        new("pupils.belonging.lonely", Audience.Pupils, "Belonging", "I often feel left out at school.", Reverse: true),
        new("pupils.safety.safe", Audience.Pupils, "Safety", "I feel safe at school."),
        new("pupils.safety.bullying", Audience.Pupils, "Safety", "When bullying happens, adults deal with it well."),
        new("pupils.safety.corridors", Audience.Pupils, "Safety", "Some places in school make me feel unsafe.", Reverse: true),
        new("pupils.learning.challenge", Audience.Pupils, "Learning", "My lessons make me think hard."),
        new("pupils.learning.help", Audience.Pupils, "Learning", "My teachers help me when I find something difficult."),
        new("pupils.learning.disruption", Audience.Pupils, "Learning", "Lessons are often disrupted by poor behaviour.", Reverse: true),
        new("pupils.voice.listened", Audience.Pupils, "Being heard", "I feel listened to by adults at this school."),
        new("pupils.voice.change", Audience.Pupils, "Being heard", "When pupils suggest something, it can change things here."),
        new("pupils.wellbeing.happy", Audience.Pupils, "Well-being", "I am happy at school most days."),
        new("pupils.wellbeing.worry", Audience.Pupils, "Well-being", "Worries about school keep me awake at night.", Reverse: true),

        // Parents
        new("parents.communication.informed", Audience.Parents, "Communication", "The school keeps me well informed about my child's progress."),
        new("parents.communication.contact", Audience.Parents, "Communication", "I can contact the school easily when I need to."),
        new("parents.communication.concerns", Audience.Parents, "Communication", "When I raise a concern, it is dealt with well."),
        new("parents.wellbeing.happy", Audience.Parents, "Child's well-being", "My child is happy at this school."),
        new("parents.wellbeing.safe", Audience.Parents, "Child's well-being", "My child feels safe at this school."),
        new("parents.wellbeing.bullying", Audience.Parents, "Child's well-being", "Bullying is a problem that the school does not tackle.", Reverse: true),
        new("parents.learning.progress", Audience.Parents, "Learning", "My child is making good progress."),
        new("parents.learning.homework", Audience.Parents, "Learning", "Homework is appropriate for my child's age."),
        new("parents.learning.send", Audience.Parents, "Learning", "My child's particular needs are met well."),
        new("parents.listening.views", Audience.Parents, "Being heard", "The school asks for my views and acts on them."),
        new("parents.listening.recommend", Audience.Parents, "Being heard", "I would recommend this school to another parent."),
    ];

    public static IEnumerable<BankItem> For(Audience audience) => Items.Where(i => i.Audience == audience);

    public static BankItem? Find(string? code) => Items.FirstOrDefault(i => i.Code == code);

    /// <summary>The agreement options, 1 (most negative) to 5, as respondents see them.</summary>
    public static IReadOnlyList<string> AgreementOptions { get; } =
        ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

    public const string DontKnow = "Don't know";
}
