using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Plans;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Surveys;

public sealed class YouSaidInput
{
    public string? Source { get; set; }
    public int? SurveyQuestionId { get; set; }
    public int? GovernorVisitId { get; set; }
    public int? PlanActionId { get; set; }

    /// <summary>A priority in one of the school's plans to add "we did" to as a new action (instead of linking an existing one).</summary>
    public int? NewActionPriorityId { get; set; }

    public string? YouSaid { get; set; }
    public string? WeDid { get; set; }
    public string? Owner { get; set; }
    public DateOnly? ActionOn { get; set; }
    public bool Published { get; set; }
}

/// <summary>
/// Records "you said, we did" for a school, linked back to the question or visit it answers, and publishes it.
/// "We did" can also become a new action under a priority of the school's plan, saved with the entry and linked to it.
/// </summary>
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
        // Adding to the plan is changing the plan: the same permission as the plan's own "add an action".
        if (input.NewActionPriorityId is not null && !await access.CanAsync(Permission.EditPlans, school.Id, ct))
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
        if (input.NewActionPriorityId is int priorityId)
        {
            if (input.PlanActionId is not null)
            {
                problems.Add("newActionPriorityId", "Choose either an existing plan action to link to or a priority to add a new action under, not both.");
            }
            else if (!await db.Priorities.AnyAsync(p => p.Id == priorityId && p.SchoolId == school.Id, ct))
            {
                problems.Add("newActionPriorityId", "The priority for the new action must be one of this school's plan priorities.");
            }
            if (Text.Clean(input.Owner) is null)
            {
                problems.Add("owner", "Enter an owner for the new plan action.");
            }
        }
        if (problems.Any)
        {
            return Outcome<YouSaidWeDid>.Invalid(problems);
        }
        var entry = new YouSaidWeDid
        {
            SchoolId = school.Id, Source = source, SurveyQuestionId = input.SurveyQuestionId, GovernorVisitId = input.GovernorVisitId, PlanActionId = input.PlanActionId,
            YouSaid = input.YouSaid!.Trim(), WeDid = input.WeDid!.Trim(), Owner = Text.Clean(input.Owner), ActionOn = input.ActionOn!.Value,
            Published = input.Published, CreatedAt = clock.UtcNow(),
        };
        if (input.NewActionPriorityId is int newUnder)
        {
            // Saved in the same SaveChanges as the entry: both or neither.
            var action = new PlanAction
            {
                SchoolId = school.Id, TrustId = school.TrustId, PriorityId = newUnder, Title = ActionTitle(entry.WeDid), Owner = entry.Owner!,
                DueOn = entry.ActionOn, Status = ActionStatus.NotStarted,
            };
            db.PlanActions.Add(action);
            db.YouSaidWeDid.Add(entry);
            // The entry has no navigation to the action, so point its foreign key at the action's temporary key:
            // EF Core inserts the action first and puts its real id in place when it saves.
            db.Entry(entry).Property(e => e.PlanActionId).CurrentValue = (int)db.Entry(action).Property(a => a.Id).CurrentValue!;
        }
        else
        {
            db.YouSaidWeDid.Add(entry);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<YouSaidWeDid>.Ok(entry);
    }

    /// <summary>A plan action's title holds 300 characters; a longer "we did" is cut at a word and marked as cut.</summary>
    public static string ActionTitle(string weDid) => Display.Shorten(weDid, 299);

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
