using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Surveys;

public sealed class YouSaidInput
{
    public string? Source { get; set; }
    public int? SurveyQuestionId { get; set; }
    public int? GovernorVisitId { get; set; }
    public int? PlanActionId { get; set; }
    public string? YouSaid { get; set; }
    public string? WeDid { get; set; }
    public string? Owner { get; set; }
    public DateOnly? ActionOn { get; set; }
    public bool Published { get; set; }
}

/// <summary>Records "you said, we did" for a school, linked back to the question or visit it answers, and publishes it.</summary>
public sealed class SaveYouSaidWeDid(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<Outcome<YouSaidWeDid>> CreateAsync(int urn, YouSaidInput input, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<YouSaidWeDid>.NotFound();
        }
        if (!await access.CanAsync(Permission.ManageSurveys, school.Id, ct))
        {
            return Outcome<YouSaidWeDid>.Forbidden();
        }
        var problems = new Problems();
        if (!Codes.TryParse<FeedbackSource>(input.Source, out var source))
        {
            problems.Add("source", "Choose where the feedback came from.");
        }
        problems.Require("youSaid", input.YouSaid, "what people said", 1000)
            .Require("weDid", input.WeDid, "what was done", 2000)
            .Optional("owner", input.Owner, "owner", 120);
        if (input.ActionOn is null)
        {
            problems.Add("actionOn", "Enter the date of the action (done or due).");
        }
        if (input.SurveyQuestionId is int questionId
            && !await db.SurveyQuestions.AnyAsync(q => q.Id == questionId && db.Surveys.Any(s => s.Id == q.SurveyId && (s.SchoolId == school.Id || s.SchoolId == null)), ct))
        {
            problems.Add("surveyQuestionId", "That survey question is not from one of this school's surveys.");
        }
        if (input.GovernorVisitId is int visitId && !await db.GovernorVisits.AnyAsync(v => v.Id == visitId && v.SchoolId == school.Id, ct))
        {
            problems.Add("governorVisitId", "That visit report is not for this school.");
        }
        if (input.PlanActionId is int actionId && !await db.PlanActions.AnyAsync(a => a.Id == actionId && a.SchoolId == school.Id, ct))
        {
            problems.Add("planActionId", "That action is not in this school's plan.");
        }
        if (problems.Any)
        {
            return Outcome<YouSaidWeDid>.Invalid(problems);
        }
        var entry = new YouSaidWeDid
        {
            SchoolId = school.Id, Source = source, SurveyQuestionId = input.SurveyQuestionId, GovernorVisitId = input.GovernorVisitId, PlanActionId = input.PlanActionId,
            YouSaid = input.YouSaid!.Trim(), WeDid = input.WeDid!.Trim(), Owner = Text.Clean(input.Owner), ActionOn = input.ActionOn!.Value,
            Published = input.Published, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.YouSaidWeDid.Add(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<YouSaidWeDid>.Ok(entry);
    }

    public async Task<Outcome<YouSaidWeDid>> SetPublishedAsync(int urn, int entryId, bool published, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        var entry = school is null ? null : await db.YouSaidWeDid.FirstOrDefaultAsync(e => e.Id == entryId && e.SchoolId == school.Id, ct);
        if (school is null || entry is null)
        {
            return Outcome<YouSaidWeDid>.NotFound();
        }
        if (!await access.CanAsync(Permission.ManageSurveys, school.Id, ct))
        {
            return Outcome<YouSaidWeDid>.Forbidden();
        }
        entry.Published = published;
        await db.SaveChangesAsync(ct);
        return Outcome<YouSaidWeDid>.Ok(entry);
    }
}
