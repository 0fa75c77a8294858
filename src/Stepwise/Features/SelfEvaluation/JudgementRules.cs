using Stepwise.Common;
using Stepwise.Features.Frameworks;

namespace Stepwise.Features.SelfEvaluation;

/// <summary>The checks every judgement on a framework area passes, a school's or the trust's: its grade, its words and its date.</summary>
public static class JudgementRules
{
    /// <summary>The grade on the area's scale, by key or by name (any case); null, with the problem named, when it is not there.</summary>
    public static FrameworkGrade? Grade(Problems problems, LoadedVersion loaded, FrameworkArea area, string? given)
    {
        var scale = loaded.Scale(area.Scale).ToList();
        var text = Text.Clean(given);
        var grade = scale.FirstOrDefault(g => string.Equals(g.Key, text, StringComparison.OrdinalIgnoreCase) || string.Equals(g.Name, text, StringComparison.OrdinalIgnoreCase));
        if (grade is null)
        {
            problems.Add("grade", text is null
                ? $"Choose a grade for {area.Name}."
                : $"\"{text}\" is not on the scale for {area.Name}: choose one of {string.Join(", ", scale.Select(g => g.Name))}.");
        }
        return grade;
    }

    /// <summary>Checks the strengths and areas for development, and returns the day judged (today when none is given), naming a day in the future or before 2000.</summary>
    public static DateOnly WordsAndDay(Problems problems, string? strengths, string? areasForDevelopment, DateOnly? judgedOn, DateOnly today)
    {
        problems.Optional("strengths", strengths, "strengths", 4000)
            .Optional("areasForDevelopment", areasForDevelopment, "areas for development", 4000);
        var day = judgedOn ?? today;
        if (day > today)
        {
            problems.Add("judgedOn", $"The date of the judgement cannot be in the future (today is {today:d MMMM yyyy}).");
        }
        else if (day.Year < 2000)
        {
            problems.Add("judgedOn", "The date of the judgement must be in 2000 or later.");
        }
        return day;
    }
}
