using Stepwise.Features.Access;

namespace Stepwise.Features.Demo;

/// <summary>The demo trust's people: someone in every role, at trust, school and unit scope.</summary>
internal static class DemoStaff
{
    public const string Domain = "larkhaven.example";

    public sealed record Spec(string First, string Last, string JobTitle, Role Role, int? Urn = null, string? Unit = null, bool Reviewer = false);

    public static readonly Spec[] All =
    [
        new("Amara", "Okafor", "Chief operating officer", Role.TrustAdmin),
        new("Helen", "Marsh", "Director of education", Role.TrustLeader),
        new("Raj", "Patel", "Trust data manager", Role.DataManager),

        new("Claire", "Dawson", "Headteacher", Role.SchoolLeader, 990001),
        new("Tom", "Fletcher", "Deputy headteacher", Role.SchoolLeader, 990001),
        new("Sophie", "Brennan", "Year 6 teacher", Role.Teacher, 990001, "y6"),
        new("Daniel", "Hughes", "Maths lead", Role.Teacher, 990001, "maths"),
        new("Margaret", "Ellis", "Chair of governors", Role.Governor, 990001),

        new("Marcus", "Reid", "Headteacher", Role.SchoolLeader, 990002),
        new("Priya", "Shah", "Deputy headteacher", Role.SchoolLeader, 990002),
        new("Laura", "Bennett", "Reception teacher", Role.Teacher, 990002, "y0"),
        new("Owen", "Price", "English lead", Role.Teacher, 990002, "english"),
        new("David", "Lowe", "Chair of governors", Role.Governor, 990002),

        new("Fiona", "Grant", "Headteacher", Role.SchoolLeader, 990003),
        new("James", "Whitaker", "Deputy headteacher", Role.SchoolLeader, 990003),
        new("Hannah", "Cole", "Year 2 teacher", Role.Teacher, 990003, "y2"),
        new("Ben", "Carter", "Science lead", Role.Teacher, 990003, "science"),
        new("Ruth", "Adams", "Chair of governors", Role.Governor, 990003),

        new("Grace", "Mensah", "Headteacher", Role.SchoolLeader, 990004),
        new("Peter", "Quinn", "Assistant headteacher", Role.SchoolLeader, 990004),
        new("Zoe", "Harper", "SENCo", Role.Teacher, 990004, "send"),
        new("Liam", "Doyle", "Year 4 teacher", Role.Teacher, 990004, "y4"),
        new("Anne", "Fielding", "Chair of governors", Role.Governor, 990004),
        new("Stephen", "Moore", "External reviewer", Role.Reviewer, 990004, Reviewer: true),

        new("Richard", "Stone", "Principal", Role.SchoolLeader, 990005),
        new("Nadia", "Hussain", "Vice principal", Role.SchoolLeader, 990005),
        new("Chris", "Walsh", "Head of maths", Role.Teacher, 990005, "maths"),
        new("Emma", "Lloyd", "Head of English", Role.Teacher, 990005, "english"),
        new("Kevin", "Barnes", "Teacher of science", Role.Teacher, 990005),
        new("Susan", "Clarke", "Chair of governors", Role.Governor, 990005),

        new("Joanna", "Pike", "Headteacher", Role.SchoolLeader, 990006),
        new("Michael", "Ward", "Deputy headteacher", Role.SchoolLeader, 990006),
        new("Alice", "Turner", "Class teacher", Role.Teacher, 990006),
        new("Graham", "Holt", "Chair of governors", Role.Governor, 990006),
    ];

    public static string Email(Spec s) => $"{s.First}.{s.Last}@{Domain}".ToLowerInvariant();
}
