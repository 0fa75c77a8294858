using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Rounds;

/// <summary>
/// The one read of instructional rounds that the pages, the API, the CSV export and the command line share: the rounds
/// a person may see, one round (its summary, groups and what the reader may do), its debrief (notes, counts, patterns,
/// prediction, next level of work) and the patterns across a school's rounds of the year. Notes leave here with their
/// text, year group, subject area and look-fors only; counts only when the round visited its minimum of classrooms.
/// </summary>
public sealed partial class ReadRound(AppDbContext db, RoundAccess access, Access.AccessControl control, TimeProvider clock)
{
    public sealed record RoundSchoolView(int Urn, string Name);

    public sealed record LookForView(int Id, string Key, string Name, string? Description);

    public sealed record RoundRow(int Id, string Title, string ProblemOfPractice, DateOnly HeldOn, string Stage, bool Network,
        IReadOnlyList<RoundSchoolView> Schools, int ClassroomsVisited, int MinimumClassrooms);

    /// <param name="Observers">The group's observers by name; null for readers of the summary only.</param>
    public sealed record GroupView(int Id, string Name, int ClassroomsVisited, IReadOnlyList<string>? Observers);

    /// <param name="CanLead">Plan, change and debrief the round.</param>
    /// <param name="CanWriteNotes">Write notes now (an observer or leader, while planned or observing).</param>
    /// <param name="CanReadNotes">Staff of its schools and its observers; governors and reviewers read the summary.</param>
    /// <param name="MyGroup">The reader's own group, when they observe in one.</param>
    public sealed record RoundView(int Id, string Title, string ProblemOfPractice, DateOnly HeldOn, string Stage, bool Network,
        IReadOnlyList<RoundSchoolView> Schools, IReadOnlyList<LookForView> LookFors, IReadOnlyList<GroupView> Groups,
        int ClassroomsVisited, int MinimumClassrooms, bool CountsShown, int NoteCount,
        bool CanLead, bool CanWriteNotes, bool CanReadNotes, GroupView? MyGroup);

    /// <summary>A note as it leaves Stepwise: what was seen, the year group and subject area at most, and its look-fors (their keys).</summary>
    public sealed record NoteView(Guid Id, string? TeacherDoing, string? PupilsDoing, string? Task, string? YearGroup, string? SubjectArea, IReadOnlyList<string> Tags);

    public sealed record TagCount(string Key, string Name, int Notes);

    /// <param name="Notes">How many notes were sorted into it; null while the round is under its minimum of classrooms.</param>
    /// <param name="NoteIds">The notes in it; null for readers of the summary only.</param>
    public sealed record PatternView(int Id, string Name, string? Description, int? Notes, IReadOnlyList<Guid>? NoteIds);

    public sealed record NextStepView(int Id, string Text, int? PlanActionId, string? PlanActionTitle, int? PlanId, int? EnquiryId, string? EnquiryTitle);

    /// <param name="Round">The round's summary, without its groups and observers.</param>
    /// <param name="Notes">Ordered by year group, subject, then text (never by when they were written); null for governors and reviewers.</param>
    /// <param name="TagCounts">Notes per look-for; null while under the minimum of classrooms.</param>
    /// <param name="CountsWithheld">Why the counts do not show yet, or null when they do.</param>
    public sealed record DebriefView(RoundView Round, IReadOnlyList<NoteView>? Notes, IReadOnlyList<TagCount>? TagCounts, string? CountsWithheld,
        IReadOnlyList<PatternView> Patterns, string? Prediction, IReadOnlyList<NextStepView> NextSteps);

    /// <summary>The rounds the reader may see, the most recent first; for one school when <paramref name="schoolId"/> says so.</summary>
    public async Task<List<RoundRow>> ListAsync(int? schoolId, CancellationToken ct)
    {
        var visible = await access.VisibleRoundsAsync(ct);
        if (schoolId is int only)
        {
            visible = visible.Where(r => db.RoundSchools.Any(s => s.RoundId == r.Id && s.SchoolId == only));
        }
        var rounds = await visible.AsNoTracking()
            .Select(r => new { r.Id, r.Title, r.ProblemOfPractice, r.HeldOn, r.Stage, r.MinimumClassrooms, Visited = db.RoundGroups.Where(g => g.RoundId == r.Id).Sum(g => (int?)g.ClassroomsVisited) ?? 0 })
            .ToListAsync(ct);
        var schools = await SchoolsAsync(rounds.Select(r => r.Id).ToList(), ct);
        return rounds
            .Select(r => new RoundRow(r.Id, r.Title, r.ProblemOfPractice, r.HeldOn, Codes.Of(r.Stage), schools[r.Id].Count > 1, schools[r.Id], r.Visited, r.MinimumClassrooms))
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
            .ToList();
    }

    /// <summary>One round as the reader may read it; null when they may not see it (so: 404).</summary>
    public async Task<RoundView?> OneAsync(int roundId, CancellationToken ct)
    {
        if (await access.ForRoundAsync(roundId, ct) is not { } rights)
        {
            return null;
        }
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var schools = (await SchoolsAsync([roundId], ct))[roundId];
        var lookFors = await db.RoundLookFors.AsNoTracking().Where(l => l.RoundId == roundId)
            .Join(db.LanguageItems, l => l.LanguageItemId, i => i.Id, (l, i) => new { i.Id, i.Key, i.Name, i.Description, i.Order })
            .OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        var groups = await db.RoundGroups.AsNoTracking().Where(g => g.RoundId == roundId).OrderBy(g => g.Name).ToListAsync(ct);
        var observers = await db.RoundObservers.AsNoTracking().Where(o => o.RoundId == roundId)
            .Join(db.Users, o => o.PersonId, p => p.Id, (o, p) => new { o.GroupId, p.DisplayName }).ToListAsync(ct);
        var groupViews = groups.Select(g => new GroupView(g.Id, g.Name, g.ClassroomsVisited,
            rights.Notes ? observers.Where(o => o.GroupId == g.Id).Select(o => o.DisplayName).Order(StringComparer.OrdinalIgnoreCase).ToList() : null)).ToList();
        var visited = groups.Sum(g => g.ClassroomsVisited);
        var noteCount = await db.RoundNotes.CountAsync(n => n.RoundId == roundId, ct);
        return new RoundView(round.Id, round.Title, round.ProblemOfPractice, round.HeldOn, Codes.Of(round.Stage), schools.Count > 1, schools,
            lookFors.Select(l => new LookForView(l.Id, l.Key, l.Name, l.Description)).ToList(), groupViews,
            visited, round.MinimumClassrooms, visited >= round.MinimumClassrooms, noteCount,
            rights.Lead, rights.WriteNotes(round.Stage), rights.Notes, groupViews.FirstOrDefault(g => g.Id == rights.ObserverGroupId));
    }

    /// <summary>The round's debrief as the reader may read it; null when they may not see the round.</summary>
    public async Task<DebriefView?> DebriefAsync(int roundId, CancellationToken ct)
    {
        if (await OneAsync(roundId, ct) is not { } round)
        {
            return null;
        }
        var notes = await NotesAsync(roundId, round.LookFors, ct);
        var prediction = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.Prediction).FirstAsync(ct);
        var tagCounts = round.CountsShown
            ? round.LookFors.Select(l => new TagCount(l.Key, l.Name, notes.Count(n => n.Tags.Contains(l.Key)))).ToList()
            : null;
        var withheld = round.CountsShown ? null
            : $"Counts show once {round.MinimumClassrooms} classrooms have been visited ({round.ClassroomsVisited} so far).";
        var patterns = await db.RoundPatterns.AsNoTracking().Where(p => p.RoundId == roundId).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(ct);
        var patternIds = patterns.Select(p => p.Id).ToList();
        var sorted = await db.RoundPatternNotes.AsNoTracking().Where(p => patternIds.Contains(p.PatternId)).Select(p => new { p.PatternId, p.NoteId }).ToListAsync(ct);
        var patternViews = patterns.Select(p =>
        {
            var ids = sorted.Where(s => s.PatternId == p.Id).Select(s => s.NoteId).ToList();
            return new PatternView(p.Id, p.Name, p.Description, round.CountsShown ? ids.Count : null,
                round.CanReadNotes ? ids.OrderBy(id => notes.FindIndex(n => n.Id == id)).ToList() : null);
        }).ToList();
        var steps = await db.RoundNextSteps.AsNoTracking().Where(s => s.RoundId == roundId).OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Text, s.PlanActionId, s.EnquiryId,
                Action = db.PlanActions.Where(a => a.Id == s.PlanActionId).Select(a => new { a.Title, PlanId = db.Priorities.Where(p => p.Id == a.PriorityId).Select(p => p.PlanId).FirstOrDefault() }).FirstOrDefault(),
                Enquiry = db.Enquiries.Where(e => e.Id == s.EnquiryId).Select(e => e.Title).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // Beside the notes, the round without its groups and observers: nothing there says who was where.
        return new DebriefView(round with { Groups = [], MyGroup = null }, round.CanReadNotes ? notes : null, tagCounts, withheld, patternViews, prediction,
            steps.Select(s => new NextStepView(s.Id, s.Text, s.PlanActionId, s.Action?.Title, s.Action?.PlanId, s.EnquiryId, s.Enquiry)).ToList());
    }

    public sealed record AcrossRound(int Id, string Title, DateOnly HeldOn, string Stage, int ClassroomsVisited, int MinimumClassrooms, bool Counted, int Notes,
        IReadOnlyDictionary<string, double>? Shares);

    /// <param name="LookFors">Every look-for any counted round looked for, by key.</param>
    public sealed record AcrossView(int Urn, string School, string Year, IReadOnlyList<LookForView> LookFors, IReadOnlyList<AcrossRound> Rounds);

    /// <summary>
    /// For each look-for, the share of a round's notes tagged with it, round by round over the academic year (this one
    /// unless <paramref name="year"/> names another): only rounds at or over their minimum of classrooms are counted.
    /// </summary>
    public async Task<AcrossView?> AcrossAsync(int urn, AcademicYear? year, CancellationToken ct)
    {
        var school = await control.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return null;
        }
        var of = year ?? clock.ThisAcademicYear();
        var rows = (await ListAsync(school.Id, ct)).Where(r => r.HeldOn >= of.StartsOn && r.HeldOn <= of.EndsOn).OrderBy(r => r.HeldOn).ThenBy(r => r.Id).ToList();
        var lookFors = new Dictionary<string, LookForView>();
        var result = new List<AcrossRound>();
        foreach (var row in rows)
        {
            var counted = row.ClassroomsVisited >= row.MinimumClassrooms;
            var items = await LookForsAsync(row.Id, ct);
            var notes = await NotesAsync(row.Id, items, ct);
            Dictionary<string, double>? shares = null;
            if (counted)
            {
                foreach (var l in items)
                {
                    lookFors.TryAdd(l.Key, l);
                }
                shares = items.ToDictionary(l => l.Key, l => notes.Count == 0 ? 0 : Math.Round(100.0 * notes.Count(n => n.Tags.Contains(l.Key)) / notes.Count, 1));
            }
            result.Add(new AcrossRound(row.Id, row.Title, row.HeldOn, row.Stage, row.ClassroomsVisited, row.MinimumClassrooms, counted, notes.Count, shares));
        }
        return new AcrossView(school.Urn, school.Name, of.ToString(), lookFors.Values.ToList(), result);
    }

    /// <summary>The round's notes with their look-fors, in the debrief's order: year group, subject area, then text.</summary>
    private async Task<List<NoteView>> NotesAsync(int roundId, IReadOnlyList<LookForView> lookFors, CancellationToken ct)
    {
        var notes = await db.RoundNotes.AsNoTracking().Where(n => n.RoundId == roundId).ToListAsync(ct);
        var tags = await db.RoundNoteTags.AsNoTracking().Where(t => db.RoundNotes.Any(n => n.Id == t.NoteId && n.RoundId == roundId))
            .Select(t => new { t.NoteId, t.LanguageItemId }).ToListAsync(ct);
        var keys = lookFors.ToDictionary(l => l.Id, l => l.Key);
        return notes
            .Select(n => new NoteView(n.Id, n.TeacherDoing, n.PupilsDoing, n.Task, n.YearGroup, n.SubjectArea,
                lookFors.Where(l => tags.Any(t => t.NoteId == n.Id && t.LanguageItemId == l.Id)).Select(l => keys[l.Id]).ToList()))
            .OrderBy(n => YearOrder(n.YearGroup)).ThenBy(n => n.YearGroup ?? "", StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => n.SubjectArea is null).ThenBy(n => n.SubjectArea ?? "", StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => string.Join(" ", new[] { n.TeacherDoing, n.PupilsDoing, n.Task }.OfType<string>()), StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => n.Id)
            .ToList();
    }

    private async Task<List<LookForView>> LookForsAsync(int roundId, CancellationToken ct) =>
        (await db.RoundLookFors.AsNoTracking().Where(l => l.RoundId == roundId)
            .Join(db.LanguageItems, l => l.LanguageItemId, i => i.Id, (l, i) => new { i.Id, i.Key, i.Name, i.Description, i.Order })
            .OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct))
        .Select(l => new LookForView(l.Id, l.Key, l.Name, l.Description)).ToList();

    /// <summary>Reception first, then Year 1, 2, … 13 in number order, then any other wording, then none.</summary>
    private static int YearOrder(string? yearGroup)
    {
        if (yearGroup is null)
        {
            return int.MaxValue;
        }
        if (yearGroup.StartsWith("Reception", StringComparison.OrdinalIgnoreCase) || yearGroup.StartsWith("Nursery", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
        var number = YearNumber().Match(yearGroup);
        return number.Success ? int.Parse(number.Value, System.Globalization.CultureInfo.InvariantCulture) : 100;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex YearNumber();

    private async Task<Dictionary<int, List<RoundSchoolView>>> SchoolsAsync(List<int> roundIds, CancellationToken ct)
    {
        var schools = await db.RoundSchools.AsNoTracking().Where(s => roundIds.Contains(s.RoundId))
            .Join(db.Schools, rs => rs.SchoolId, s => s.Id, (rs, s) => new { rs.RoundId, s.Urn, s.Name }).ToListAsync(ct);
        return roundIds.ToDictionary(id => id, id => schools.Where(s => s.RoundId == id).Select(s => new RoundSchoolView(s.Urn, s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList());
    }
}
