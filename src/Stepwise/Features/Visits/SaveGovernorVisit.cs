using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Visits;

public sealed class VisitInput
{
    public DateOnly? VisitedOn { get; set; }
    public int? PriorityId { get; set; }
    public string? Focus { get; set; }
    public string? Seen { get; set; }
    public string? Questions { get; set; }
    public string? Findings { get; set; }
    public string? FollowUps { get; set; }
}

/// <summary>
/// Governors write up their own visits (the one thing a governor writes); school leaders and the trust read them.
/// Only the governor who wrote a report may change it.
/// </summary>
public sealed class SaveGovernorVisit(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<Outcome<GovernorVisit>> CreateAsync(int urn, VisitInput input, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<GovernorVisit>.NotFound();
        }
        if (access.PersonId is not int personId || !await access.CanAsync(Permission.WriteVisitReports, school.Id, ct))
        {
            return Outcome<GovernorVisit>.Forbidden();
        }
        var problems = await ValidateAsync(input, school.Id, ct);
        if (problems.Any)
        {
            return Outcome<GovernorVisit>.Invalid(problems);
        }
        var visit = new GovernorVisit
        {
            SchoolId = school.Id, PersonId = personId, VisitedOn = input.VisitedOn!.Value, PriorityId = input.PriorityId, Focus = input.Focus!.Trim(), Seen = input.Seen!.Trim(),
            Questions = Text.Clean(input.Questions), Findings = input.Findings!.Trim(), FollowUps = Text.Clean(input.FollowUps),
            CreatedAt = clock.UtcNow(),
        };
        db.GovernorVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return Outcome<GovernorVisit>.Ok(visit);
    }

    public async Task<Outcome<GovernorVisit>> UpdateAsync(int visitId, VisitInput input, CancellationToken ct)
    {
        var found = await FindAsync(visitId, ct);
        if (found is null)
        {
            return Outcome<GovernorVisit>.NotFound();
        }
        var (visit, _) = found.Value;
        if (visit.PersonId != access.PersonId || !await access.CanAsync(Permission.WriteVisitReports, visit.SchoolId, ct))
        {
            return Outcome<GovernorVisit>.Forbidden();
        }
        var problems = await ValidateAsync(input, visit.SchoolId, ct);
        if (problems.Any)
        {
            return Outcome<GovernorVisit>.Invalid(problems);
        }
        visit.VisitedOn = input.VisitedOn!.Value;
        visit.PriorityId = input.PriorityId;
        visit.Focus = input.Focus!.Trim();
        visit.Seen = input.Seen!.Trim();
        visit.Questions = Text.Clean(input.Questions);
        visit.Findings = input.Findings!.Trim();
        visit.FollowUps = Text.Clean(input.FollowUps);
        visit.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<GovernorVisit>.Ok(visit);
    }

    /// <summary>
    /// A visit and its school if the person may read it: visit-report readers at the school, or its author while they
    /// may still write reports there. Authorship alone is not enough: a governor whose role was taken away or whose
    /// governorship has ended no longer sees the school's reports, their own included (they stay for the school).
    /// </summary>
    public async Task<(GovernorVisit Visit, School School)?> FindAsync(int visitId, CancellationToken ct)
    {
        var visit = await db.GovernorVisits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null)
        {
            return null;
        }
        var school = await db.Schools.FirstAsync(s => s.Id == visit.SchoolId, ct);
        var may = await access.CanAsync(Permission.ViewVisitReports, school.Id, ct)
            || (visit.PersonId == access.PersonId && await access.CanAsync(Permission.WriteVisitReports, school.Id, ct));
        return may ? (visit, school) : null;
    }

    /// <summary>The school's plan priorities a visit can focus on, in plan order.</summary>
    public Task<List<(int Id, string Title)>> PrioritiesAsync(int schoolId, CancellationToken ct) =>
        db.Priorities.Where(p => p.SchoolId == schoolId).OrderBy(p => p.PlanId).ThenBy(p => p.Order)
            .Select(p => new ValueTuple<int, string>(p.Id, p.Title)).ToListAsync(ct);

    private async Task<Problems> ValidateAsync(VisitInput input, int schoolId, CancellationToken ct)
    {
        var problems = new Problems();
        if (input.PriorityId is int priorityId)
        {
            var title = await db.Priorities.Where(p => p.Id == priorityId && p.SchoolId == schoolId).Select(p => p.Title).FirstOrDefaultAsync(ct);
            if (title is null)
            {
                problems.Add("priorityId", "Choose a priority from this school's plan.");
            }
            else if (string.IsNullOrWhiteSpace(input.Focus))
            {
                input.Focus = title.Length > 300 ? title[..300] : title; // the priority is the focus
            }
        }
        if (input.VisitedOn is null)
        {
            problems.Add("visitedOn", "Enter the date of the visit.");
        }
        else if (input.VisitedOn > clock.Today())
        {
            problems.Add("visitedOn", "The visit date cannot be in the future: write it up afterwards.");
        }
        problems.Require("focus", input.Focus, "focus of the visit (or choose a plan priority)", 300)
            .Require("seen", input.Seen, "what you saw", 4000)
            .Optional("questions", input.Questions, "questions you asked", 4000)
            .Require("findings", input.Findings, "findings", 4000)
            .Optional("followUps", input.FollowUps, "follow-ups", 4000);
        return problems;
    }
}
