using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Plans;
using Stepwise.Features.SharedLanguage;

namespace Stepwise.Features.Coaching;

/// <summary>
/// The pair's own read: the pairs I am in (as teacher or coach), and one pair's content — its steps, check-backs and
/// notes — for its two people only (AccessControl.FindCoachingPairAsync; everyone else gets nothing, so 404). The
/// pages, the API and the CSV export all read through here.
/// </summary>
public sealed class ReadCoachingPair(AppDbContext db, AccessControl access, ReadLanguage language, TimeProvider clock)
{
    public sealed record PairRow(int Id, string SchoolName, int SchoolUrn, string Teacher, string Coach, string MyRole, DateOnly StartedOn, DateOnly? EndedOn,
        bool Active, string? CurrentStep, DateOnly? CheckBackOn, string? Due);

    public sealed record StepView(int Id, int? LanguageItemId, string Title, string? Detail, string? Category, string? EefStrand, DateOnly AgreedOn,
        DateOnly CheckBackOn, string Status, string Due, DateOnly? ClosedOn);

    public sealed record CheckBackView(int Id, int StepId, string StepTitle, DateOnly HeldOn, string Outcome, string? Note);

    public sealed record NoteView(int Id, string Writer, bool Mine, DateTime WrittenAt, string Text);

    public sealed record LibraryStep(int Id, string Name, string? Description, string Category, string? EefStrand);

    public sealed record PairView(int Id, string SchoolName, int SchoolUrn, int TeacherId, string Teacher, int CoachId, string Coach, string MyRole,
        DateOnly StartedOn, DateOnly? EndedOn, bool Active, StepView? CurrentStep, List<StepView> EarlierSteps, List<CheckBackView> CheckBacks,
        List<NoteView> Notes, List<LibraryStep> Library, int? LanguageVersion);

    /// <summary>The pairs the signed-in person is in, as teacher or coach: active first, then by start date.</summary>
    public async Task<List<PairRow>> MineAsync(CancellationToken ct)
    {
        if (access.PersonId is not int me)
        {
            return [];
        }
        var today = clock.Today();
        var pairs = await (from p in db.CoachingPairs
                           where p.TeacherId == me || p.CoachId == me
                           join s in db.Schools on p.SchoolId equals s.Id
                           join t in db.Users on p.TeacherId equals t.Id
                           join c in db.Users on p.CoachId equals c.Id
                           select new { p.Id, School = s.Name, s.Urn, p.TeacherId, Teacher = t.DisplayName, Coach = c.DisplayName, p.StartedOn, p.EndedOn })
            .AsNoTracking().ToListAsync(ct);
        var ids = pairs.Select(p => p.Id).ToList();
        var current = await db.CoachingSteps.Where(s => ids.Contains(s.PairId) && s.Status == CoachingStepStatus.Working)
            .Select(s => new { s.PairId, s.Title, s.CheckBackOn, s.Status }).AsNoTracking().ToListAsync(ct);
        return pairs.Select(p =>
            {
                var step = current.Where(s => s.PairId == p.Id).OrderBy(s => s.CheckBackOn).FirstOrDefault();
                return new PairRow(p.Id, p.School, p.Urn, p.Teacher, p.Coach, p.TeacherId == me ? "teacher" : "coach", p.StartedOn, p.EndedOn,
                    CoachingRules.IsActive(p.StartedOn, p.EndedOn, today), step?.Title, step?.CheckBackOn,
                    step is null ? null : CoachingRules.Code(CoachingRules.Due(step.Status, step.CheckBackOn, today)));
            })
            .OrderByDescending(p => p.Active).ThenByDescending(p => p.StartedOn).ThenBy(p => p.Id).ToList();
    }

    /// <summary>One pair's content, for its teacher and coach only; null (404) for anyone else.</summary>
    public async Task<PairView?> OneAsync(int pairId, CancellationToken ct)
    {
        if (await access.FindCoachingPairAsync(pairId, ct) is not { } pair)
        {
            return null;
        }
        var today = clock.Today();
        var school = await db.Schools.Where(s => s.Id == pair.SchoolId).Select(s => new { s.Name, s.Urn }).FirstAsync(ct);
        var names = await db.Users.Where(u => u.Id == pair.TeacherId || u.Id == pair.CoachId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var items = await (from s in db.CoachingSteps
                           where s.PairId == pair.Id
                           join i in db.LanguageItems on s.LanguageItemId equals i.Id into library
                           from i in library.DefaultIfEmpty()
                           select new { Step = s, Category = i == null ? null : i.Category, Strand = i == null ? null : i.EefStrand })
            .AsNoTracking().ToListAsync(ct);
        var steps = items.Select(x => new StepView(x.Step.Id, x.Step.LanguageItemId, x.Step.Title, x.Step.Detail, x.Category, x.Strand, x.Step.AgreedOn,
                x.Step.CheckBackOn, CoachingRules.Code(x.Step.Status), CoachingRules.Code(CoachingRules.Due(x.Step.Status, x.Step.CheckBackOn, today)), x.Step.ClosedOn))
            .ToList();
        var current = steps.Where(s => s.Status == "working").OrderBy(s => s.CheckBackOn).FirstOrDefault();
        var earlier = steps.Where(s => s != current).OrderByDescending(s => s.ClosedOn ?? s.AgreedOn).ThenByDescending(s => s.Id).ToList();
        var titles = steps.ToDictionary(s => s.Id, s => s.Title);
        var checkBacks = (await db.CoachingCheckBacks.Where(c => c.PairId == pair.Id).AsNoTracking().ToListAsync(ct))
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id)
            .Select(c => new CheckBackView(c.Id, c.StepId, titles[c.StepId], c.HeldOn, CoachingRules.Code(c.Outcome), c.Note)).ToList();
        var notes = await (from n in db.CoachingNotes
                           where n.PairId == pair.Id
                           join u in db.Users on n.PersonId equals u.Id
                           orderby n.WrittenAt descending, n.Id descending
                           select new NoteView(n.Id, u.DisplayName, n.PersonId == access.PersonId, n.WrittenAt, n.Text))
            .AsNoTracking().ToListAsync(ct);
        var currentLanguage = await language.CurrentAsync(ct);
        var libraryView = currentLanguage?.Steps
            .Select(i => new LibraryStep(i.Id, i.Name, i.Description, i.Category ?? "Other steps", i.EefStrand)).ToList() ?? [];
        return new PairView(pair.Id, school.Name, school.Urn, pair.TeacherId, names[pair.TeacherId], pair.CoachId, names[pair.CoachId],
            pair.TeacherId == access.PersonId ? "teacher" : "coach", pair.StartedOn, pair.EndedOn, CoachingRules.IsActive(pair.StartedOn, pair.EndedOn, today),
            current, earlier, checkBacks, notes, libraryView, currentLanguage?.Version.Number);
    }

    /// <summary>The pair's content as CSV (the one CSV writer): steps, check-backs and notes, one a line; null for anyone but the two.</summary>
    public async Task<(byte[] Bytes, string FileName)?> CsvAsync(int pairId, CancellationToken ct)
    {
        if (await OneAsync(pairId, ct) is not { } pair)
        {
            return null;
        }
        var csv = new PlanCsv().Row("Kind", "Date", "Step", "Status or outcome", "Check-back on", "Text", "Written by");
        foreach (var s in new[] { pair.CurrentStep }.OfType<StepView>().Concat(pair.EarlierSteps).OrderBy(s => s.AgreedOn).ThenBy(s => s.Id))
        {
            csv.Row("Step", s.AgreedOn, s.Title, s.Status, s.CheckBackOn, s.Detail, null);
        }
        foreach (var c in pair.CheckBacks.OrderBy(c => c.HeldOn).ThenBy(c => c.Id))
        {
            csv.Row("Check-back", c.HeldOn, c.StepTitle, c.Outcome, null, c.Note, null);
        }
        foreach (var n in pair.Notes.OrderBy(n => n.WrittenAt))
        {
            csv.Row("Note", DateOnly.FromDateTime(n.WrittenAt), null, null, null, n.Text, n.Writer);
        }
        return (csv.ToBytes(), $"coaching-{Slug.Of(pair.Teacher)}-{Slug.Of(pair.Coach)}-{clock.Today():yyyy-MM-dd}.csv");
    }
}
