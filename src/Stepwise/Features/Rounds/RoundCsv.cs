using Stepwise.Features.Plans;

namespace Stepwise.Features.Rounds;

/// <summary>
/// A round's debrief as one CSV file (the one CSV writer, <see cref="PlanCsv"/>): the round, its look-fors with their
/// counts, its patterns, and its notes in the debrief's order. It holds no observer, group or time, and the counts only
/// once the round visited its minimum of classrooms; governors and reviewers get no notes.
/// </summary>
public static class RoundCsv
{
    public static byte[] Of(ReadRound.DebriefView debrief)
    {
        var r = debrief.Round;
        var csv = new PlanCsv()
            .Row("Section", "Item", "Year group", "Subject area", "Look-fors", "Count")
            .Row("Round", r.Title, null, null, string.Join("; ", r.Schools.Select(s => s.Name)), null)
            .Row("Problem of practice", r.ProblemOfPractice, null, null, null, null)
            .Row("Classrooms visited", debrief.CountsWithheld ?? $"{r.ClassroomsVisited} (minimum {r.MinimumClassrooms})", null, null, null, r.CountsShown ? r.ClassroomsVisited : null);
        foreach (var l in r.LookFors)
        {
            csv.Row("Look-for", l.Name, null, null, l.Key, debrief.TagCounts?.First(t => t.Key == l.Key).Notes);
        }
        foreach (var p in debrief.Patterns)
        {
            csv.Row("Pattern", p.Name, null, null, p.Description, p.Notes);
        }
        if (debrief.Prediction is not null)
        {
            csv.Row("Prediction", debrief.Prediction, null, null, null, null);
        }
        foreach (var s in debrief.NextSteps)
        {
            csv.Row("Next level of work", s.Text, null, null, s.PlanActionTitle is null ? s.EnquiryTitle is null ? null : $"Enquiry: {s.EnquiryTitle}" : $"Plan action: {s.PlanActionTitle}", null);
        }
        foreach (var n in debrief.Notes ?? [])
        {
            var text = string.Join(" | ", new[] { ("Teacher", n.TeacherDoing), ("Pupils", n.PupilsDoing), ("Task", n.Task) }
                .Where(t => t.Item2 is not null).Select(t => $"{t.Item1}: {t.Item2}"));
            csv.Row("Note", text, n.YearGroup, n.SubjectArea, string.Join("; ", n.Tags), null);
        }
        return csv.ToBytes();
    }
}
