using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SchoolData;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Plans;

/// <summary>Starts a plan for a school: the year's plan (1 September to 31 August) or a 100-day plan. Nothing is stored if any field is wrong.</summary>
public sealed class SavePlan(AppDbContext db, AccessControl access, ReadPlans read, TimeProvider clock)
{
    public async Task<Outcome<PlanView>> CreateAsync(int urn, PlanInput input, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<PlanView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<PlanView>.Forbidden();
        }
        var plan = new Plan { SchoolId = school.Id, TrustId = school.TrustId, Title = "", CreatedBy = "" };
        var problems = Apply(input, plan);
        if (problems.Any)
        {
            return Outcome<PlanView>.Invalid(problems);
        }
        plan.CreatedAt = clock.UtcNow();
        plan.CreatedBy = await ActingPerson.NameAsync(db, ct);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return Outcome<PlanView>.Ok((await read.OneAsync(plan.Id, ct))!.Value.Plan);
    }

    public async Task<Outcome<PlanView>> UpdateAsync(int planId, PlanInput input, CancellationToken ct)
    {
        if (await read.FindPlanAsync(planId, ct) is not var (plan, school))
        {
            return Outcome<PlanView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<PlanView>.Forbidden();
        }
        var problems = Apply(input, plan);
        if (problems.Any)
        {
            return Outcome<PlanView>.Invalid(problems);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<PlanView>.Ok((await read.OneAsync(plan.Id, ct))!.Value.Plan);
    }

    /// <summary>Checks the input and, only if all is well, copies it onto the plan.</summary>
    private static Problems Apply(PlanInput input, Plan plan)
    {
        var problems = new Problems().Require("title", input.Title, "plan's title", 200).Optional("summary", input.Summary, "summary", 2000);
        PlanKind kind = PlanKind.Year;
        if (Text.Clean(input.Kind) is string k && !Codes.TryParse(k, out kind))
        {
            problems.Add("kind", $"The kind of plan must be year or hundred-day, not \"{k}\".");
        }
        DateOnly? starts = input.StartsOn, ends = input.EndsOn;
        string? year = null;
        if (kind == PlanKind.Year)
        {
            var period = Period.Parse(input.AcademicYear);
            if (period is not { Kind: PeriodKind.Year })
            {
                problems.Add("academicYear", Text.Clean(input.AcademicYear) is null
                    ? "Enter the academic year the plan is for, like 2025/26."
                    : $"\"{input.AcademicYear!.Trim()}\" is not an academic year: write it like 2025/26.");
            }
            else
            {
                // A year plan runs for the academic year, whatever other dates were sent.
                year = period.Code;
                starts = period.Start;
                ends = new DateOnly(period.Start.Year + 1, 8, 31);
            }
        }
        else
        {
            starts = PlanRules.Required(problems, "startsOn", starts, "day the 100 days start");
            ends ??= starts?.AddDays(99);
        }
        if (starts is DateOnly s && ends is DateOnly e && e <= s)
        {
            problems.Add("endsOn", $"The plan must end after it starts ({PlanRules.Date(s)}).");
        }
        if (problems.Any)
        {
            return problems;
        }
        plan.Kind = kind;
        plan.Title = input.Title!.Trim();
        plan.AcademicYear = year;
        plan.StartsOn = starts!.Value;
        plan.EndsOn = ends!.Value;
        plan.Summary = Text.Clean(input.Summary);
        return problems;
    }
}
