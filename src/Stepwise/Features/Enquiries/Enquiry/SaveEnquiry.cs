using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

/// <summary>An enquiry as a form or the API sends it; the school is named by its URN (one of the team's schools).</summary>
public sealed class EnquiryInput
{
    public string? Title { get; set; }
    public int? SchoolUrn { get; set; }
    public string? ProblemOfPractice { get; set; }
    public string? Aim { get; set; }
    public double? AimBaseline { get; set; }
    public double? AimTarget { get; set; }
    public DateOnly? AimBy { get; set; }
    public string? TheoryWhen { get; set; }
    public string? TheoryThen { get; set; }

    /// <summary>The action in the school's plan the enquiry carries out (optional).</summary>
    public int? PlanActionId { get; set; }
}

/// <summary>
/// A learning team opens an enquiry (its problem of practice, aim with baseline, target and date, and theory of
/// action "when … then …"), changes it, closes it and reopens it. Only those who may change the team's work.
/// </summary>
public sealed class SaveEnquiry(AppDbContext db, EnquiryAccess access, TimeProvider clock)
{
    public async Task<Outcome<Enquiry>> CreateAsync(int teamId, EnquiryInput input, CancellationToken ct)
    {
        var team = await access.ForTeamAsync(teamId, ct);
        if (team is null)
        {
            return Outcome<Enquiry>.NotFound();
        }
        if (!team.Edit)
        {
            return Outcome<Enquiry>.Forbidden();
        }
        var learningTeam = await db.LearningTeams.FirstAsync(t => t.Id == teamId, ct);
        var problems = new Problems();
        if (learningTeam.ArchivedAt is not null)
        {
            problems.Add("", $"{learningTeam.Name} is archived: it opens no new enquiries.");
        }
        var schoolId = await ValidateAsync(input, team, null, problems, ct);
        if (problems.Any)
        {
            return Outcome<Enquiry>.Invalid(problems);
        }
        var enquiry = new Enquiry
        {
            TrustId = learningTeam.TrustId, TeamId = teamId, SchoolId = schoolId!.Value, Title = "", ProblemOfPractice = "", Aim = "",
            CreatedAt = clock.UtcNow(),
        };
        Apply(enquiry, input, schoolId.Value);
        db.Enquiries.Add(enquiry);
        await db.SaveChangesAsync(ct);
        return Outcome<Enquiry>.Ok(enquiry);
    }

    public async Task<Outcome<Enquiry>> UpdateAsync(int enquiryId, EnquiryInput input, CancellationToken ct)
    {
        var found = await EnquiryWrites.EditableAsync(db, access, enquiryId, ct);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found;
        }
        var enquiry = found.Value!;
        var team = (await access.ForTeamAsync(enquiry.TeamId, ct))!;
        var problems = new Problems();
        var schoolId = await ValidateAsync(input, team, enquiry.Id, problems, ct);
        if (problems.Any)
        {
            return Outcome<Enquiry>.Invalid(problems);
        }
        Apply(enquiry, input, schoolId!.Value);
        await db.SaveChangesAsync(ct);
        return Outcome<Enquiry>.Ok(enquiry);
    }

    /// <summary>Closes an open enquiry (its record stays, read-only), or reopens a closed one.</summary>
    public async Task<Outcome<Enquiry>> CloseAsync(int enquiryId, bool close, CancellationToken ct)
    {
        var found = await EnquiryWrites.EditableAsync(db, access, enquiryId, ct, mayBeClosed: true);
        if (found.Kind != OutcomeKind.Ok)
        {
            return found;
        }
        var enquiry = found.Value!;
        if (close && enquiry.ClosedAt is null)
        {
            enquiry.ClosedAt = clock.UtcNow();
        }
        else if (!close)
        {
            enquiry.ClosedAt = null;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Enquiry>.Ok(enquiry);
    }

    /// <summary>The team's schools, for the form's list: (URN, name), by name.</summary>
    public async Task<List<(int Urn, string Name)>> SchoolsOfTeamAsync(int teamId, CancellationToken ct)
    {
        var ids = await db.LearningTeamUnits.Where(u => u.TeamId == teamId).Select(u => u.SchoolId).Distinct().ToListAsync(ct);
        return (await db.Schools.Where(s => ids.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new { s.Urn, s.Name }).ToListAsync(ct))
            .Select(s => (s.Urn, s.Name)).ToList();
    }

    public Task<int> UrnOfAsync(int schoolId, CancellationToken ct) => db.Schools.Where(s => s.Id == schoolId).Select(s => s.Urn).FirstAsync(ct);

    private static void Apply(Enquiry enquiry, EnquiryInput input, int schoolId)
    {
        enquiry.Title = input.Title!.Trim();
        enquiry.SchoolId = schoolId;
        enquiry.ProblemOfPractice = input.ProblemOfPractice!.Trim();
        enquiry.Aim = input.Aim!.Trim();
        enquiry.AimBaseline = input.AimBaseline;
        enquiry.AimTarget = input.AimTarget;
        enquiry.AimBy = input.AimBy;
        enquiry.TheoryWhen = Text.Clean(input.TheoryWhen);
        enquiry.TheoryThen = Text.Clean(input.TheoryThen);
        enquiry.PlanActionId = input.PlanActionId;
    }

    /// <summary>The actions of the team's schools' plans an enquiry may carry out, for the form's list: (id, school, plan, action), newest plans first.</summary>
    public async Task<List<(int Id, int Urn, string School, string Plan, string Action)>> ActionsOfTeamAsync(int teamId, CancellationToken ct)
    {
        var ids = await db.LearningTeamUnits.Where(u => u.TeamId == teamId).Select(u => u.SchoolId).Distinct().ToListAsync(ct);
        return (await (from a in db.PlanActions
                       where ids.Contains(a.SchoolId) && a.Status != Plans.ActionStatus.Dropped
                       join p in db.Priorities on a.PriorityId equals p.Id
                       join plan in db.Plans on p.PlanId equals plan.Id
                       join s in db.Schools on a.SchoolId equals s.Id
                       orderby s.Name, plan.StartsOn descending, a.DueOn, a.Id
                       select new { a.Id, s.Urn, School = s.Name, Plan = plan.Title, Action = a.Title }).ToListAsync(ct))
            .Select(a => (a.Id, a.Urn, a.School, a.Plan, a.Action)).ToList();
    }

    /// <returns>The school's id when it is one of the team's schools.</returns>
    private async Task<int?> ValidateAsync(EnquiryInput input, TeamAccess team, int? enquiryId, Problems problems, CancellationToken ct)
    {
        problems.Require("title", input.Title, "title", 200)
            .Require("problemOfPractice", input.ProblemOfPractice, "problem of practice", 2000)
            .Require("aim", input.Aim, "aim (what will improve, by how much, by when)", 500)
            .Optional("theoryWhen", input.TheoryWhen, "\"when …\" of the theory of action", 1000)
            .Optional("theoryThen", input.TheoryThen, "\"then …\" of the theory of action", 1000);
        if (string.IsNullOrWhiteSpace(input.TheoryWhen) != string.IsNullOrWhiteSpace(input.TheoryThen))
        {
            problems.Add(string.IsNullOrWhiteSpace(input.TheoryWhen) ? "theoryWhen" : "theoryThen",
                "Write the theory of action in both parts: \"when …\" (what the team will change) and \"then …\" (what that will lead to).");
        }
        foreach (var (field, value, label) in new[] { ("aimBaseline", input.AimBaseline, "baseline"), ("aimTarget", input.AimTarget, "target") })
        {
            if (value is double v && (double.IsNaN(v) || double.IsInfinity(v)))
            {
                problems.Add(field, $"The {label} must be a number.");
            }
        }
        if (input.AimBaseline is double baseline && input.AimTarget is double target && baseline == target)
        {
            problems.Add("aimTarget", "The target must differ from the baseline: the aim is a change.");
        }
        int? schoolId = null;
        if (input.SchoolUrn is not int urn)
        {
            problems.Add("schoolUrn", "Choose the school whose pupils the aim is about.");
        }
        else
        {
            schoolId = await db.Schools.Where(s => s.Urn == urn && team.SchoolIds.Contains(s.Id)).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (schoolId is null)
            {
                problems.Add("schoolUrn", $"The school must be one of the team's schools (URN {urn} is not).");
            }
        }
        if (input.PlanActionId is int actionId && schoolId is int school
            && !await db.PlanActions.AnyAsync(a => a.Id == actionId && a.SchoolId == school, ct))
        {
            problems.Add("planActionId", $"The plan action must be one in the plans of the enquiry's school (action {actionId} is not).");
        }
        if (!string.IsNullOrWhiteSpace(input.Title))
        {
            var title = input.Title.Trim();
            if (await db.Enquiries.AnyAsync(e => e.TeamId == team.TeamId && e.Title == title && e.Id != enquiryId, ct))
            {
                problems.Add("title", $"The team already has an enquiry called \"{title}\": give this one another title.");
            }
        }
        return schoolId;
    }
}
