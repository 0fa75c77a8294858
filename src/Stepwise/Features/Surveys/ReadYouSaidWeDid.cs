using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Surveys;

/// <summary>
/// A school's "you said, we did" for the people who record it (every entry, linked back to what it answers and to the
/// plan), the public page's published entries, and what the form offers to link an entry to.
/// </summary>
public sealed class ReadYouSaidWeDid(AppDbContext db, AccessControl access)
{
    /// <param name="Source">Where it came from, in words.</param>
    /// <param name="SourceCode">Where it came from: survey-question, comment or visit-finding.</param>
    /// <param name="LinkedTo">The question or visit it answers, in words.</param>
    /// <param name="LinkHref">The page of that question's results or of that visit.</param>
    /// <param name="PlanAction">The title of the plan action that carries it out.</param>
    public sealed record Entry(int Id, string Source, string SourceCode, string YouSaid, string WeDid, string? Owner, DateOnly ActionOn, bool Published,
        int? SurveyQuestionId, int? GovernorVisitId, string? LinkedTo, string? LinkHref, int? PlanActionId, string? PlanAction, int? PriorityId);

    public sealed record SchoolEntries([property: JsonIgnore] School School, List<Entry> Entries)
    {
        public int Urn => School.Urn;
        public string Name => School.Name;
    }

    public sealed record PublicEntry(string YouSaid, string WeDid, DateOnly ActionOn);

    /// <param name="Trust">The trust that published them: a URN is unique only within a trust (ADR 0075), so the reader sees whose page it is.</param>
    public sealed record PublicEntries(int Urn, string School, string Trust, List<PublicEntry> Entries);

    public sealed record PlanActionChoice(int Id, string Title, string Owner);

    public sealed record PriorityChoice(int Id, string Title, int PlanId, string Plan);

    /// <summary>Every entry of a school, newest first, for the people who manage its surveys.</summary>
    public async Task<Outcome<SchoolEntries>> ForSchoolAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<SchoolEntries>.NotFound();
        }
        if (!await access.CanAsync(Permission.ManageSurveys, school.Id, ct))
        {
            return Outcome<SchoolEntries>.Forbidden();
        }
        return Outcome<SchoolEntries>.Ok(new SchoolEntries(school, await EntriesAsync(school.Id, null, ct)));
    }

    /// <summary>One entry as <see cref="ForSchoolAsync"/> lists it (after it is written).</summary>
    public async Task<Entry> OneAsync(YouSaidWeDid entry, CancellationToken ct) => (await EntriesAsync(entry.SchoolId, entry.Id, ct)).Single();

    private async Task<List<Entry>> EntriesAsync(int schoolId, int? entryId, CancellationToken ct)
    {
        var rows = await db.YouSaidWeDid.Where(e => e.SchoolId == schoolId && (entryId == null || e.Id == entryId))
            .OrderByDescending(e => e.ActionOn).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Source, e.YouSaid, e.WeDid, e.Owner, e.ActionOn, e.Published, e.GovernorVisitId, e.SurveyQuestionId, e.PlanActionId,
                Action = db.PlanActions.Where(a => a.Id == e.PlanActionId).Select(a => new { a.Title, a.PriorityId }).FirstOrDefault(),
                Question = db.SurveyQuestions.Where(q => q.Id == e.SurveyQuestionId).Select(q => new { q.Text, q.SurveyId }).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(e => new Entry(e.Id, Display.Sentence(Codes.Of(e.Source)), Codes.Of(e.Source), e.YouSaid, e.WeDid, e.Owner, e.ActionOn, e.Published,
            e.SurveyQuestionId, e.GovernorVisitId,
            e.Question is not null ? $"“{e.Question.Text}”" : e.GovernorVisitId is not null ? "Governor visit" : null,
            e.Question is not null ? $"/surveys/{e.Question.SurveyId}/results" : e.GovernorVisitId is int v ? $"/visits/{v}" : null,
            e.PlanActionId, e.Action?.Title, e.Action?.PriorityId)).ToList();
    }

    /// <summary>
    /// The public page: what a school has published, newest first, and nothing else about it. Anyone may open it by URN,
    /// so it answers only for a school that has published something: a school that has not, an archived one, another
    /// trust's and a URN nobody uses all give the same "not found", and the page confirms no school's existence.
    /// </summary>
    public async Task<PublicEntries?> PublicAsync(int urn, CancellationToken ct)
    {
        var school = await db.Schools.IgnoreQueryFilters()
            .Where(s => s.Urn == urn && s.ArchivedAt == null && db.YouSaidWeDid.IgnoreQueryFilters().Any(e => e.SchoolId == s.Id && e.TrustId == s.TrustId && e.Published))
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.TrustId, s.Name, Trust = db.Trusts.IgnoreQueryFilters().Where(t => t.Id == s.TrustId).Select(t => t.Name).First() })
            .FirstOrDefaultAsync(ct);
        if (school is null)
        {
            return null;
        }
        var entries = await db.YouSaidWeDid.IgnoreQueryFilters().Where(e => e.SchoolId == school.Id && e.TrustId == school.TrustId && e.Published)
            .OrderByDescending(e => e.ActionOn).Select(e => new PublicEntry(e.YouSaid, e.WeDid, e.ActionOn)).ToListAsync(ct);
        return new PublicEntries(urn, school.Name, school.Trust, entries);
    }

    /// <summary>The school's plan actions, to link an entry to the one that carries it out, by due date.</summary>
    public Task<List<PlanActionChoice>> PlanActionsAsync(int schoolId, CancellationToken ct) =>
        db.PlanActions.Where(a => a.SchoolId == schoolId).OrderBy(a => a.DueOn).Select(a => new PlanActionChoice(a.Id, a.Title, a.Owner)).ToListAsync(ct);

    /// <summary>The school's plan priorities, newest plan first, to add "we did" under as a new action.</summary>
    public Task<List<PriorityChoice>> PrioritiesAsync(int schoolId, CancellationToken ct) =>
        (from p in db.Priorities
         join plan in db.Plans on p.PlanId equals plan.Id
         where p.SchoolId == schoolId
         orderby plan.StartsOn descending, plan.Id, p.Order, p.Id
         select new PriorityChoice(p.Id, p.Title, plan.Id, plan.Title)).ToListAsync(ct);

    /// <summary>The wording of a question from one of the school's surveys (or a trust-wide one); null for any other question.</summary>
    public Task<string?> QuestionTextAsync(int schoolId, int questionId, CancellationToken ct) =>
        db.SurveyQuestions.Where(x => x.Id == questionId && db.Surveys.Any(s => s.Id == x.SurveyId && (s.SchoolId == schoolId || s.SchoolId == null)))
            .Select(x => x.Text).FirstOrDefaultAsync(ct);

    /// <summary>The focus and findings of one of the school's visits; null for any other visit.</summary>
    public async Task<(string Focus, string Findings)?> VisitAsync(int schoolId, int visitId, CancellationToken ct) =>
        await db.GovernorVisits.Where(x => x.Id == visitId && x.SchoolId == schoolId).Select(x => new { x.Focus, x.Findings }).FirstOrDefaultAsync(ct) is { } v
            ? (v.Focus, v.Findings)
            : null;
}
