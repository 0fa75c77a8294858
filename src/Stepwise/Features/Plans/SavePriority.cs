using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Plans;

/// <summary>Adds a priority to a plan (linked to a framework area and a unit), changes it, and records its impact review.</summary>
public sealed class SavePriority(AppDbContext db, AccessControl access, ReadPlans read, FrameworkCatalogue catalogue, TimeProvider clock)
{
    public async Task<Outcome<PriorityView>> AddAsync(int planId, PriorityInput input, CancellationToken ct)
    {
        if (await read.FindPlanAsync(planId, ct) is not var (plan, school))
        {
            return Outcome<PriorityView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<PriorityView>.Forbidden();
        }
        var priority = new Priority { PlanId = plan.Id, SchoolId = school.Id, TrustId = school.TrustId, Title = "" };
        var problems = await ApplyAsync(input, priority, ct);
        if (problems.Any)
        {
            return Outcome<PriorityView>.Invalid(problems);
        }
        priority.Order = 1 + (await db.Priorities.Where(p => p.PlanId == plan.Id).MaxAsync(p => (int?)p.Order, ct) ?? 0);
        db.Priorities.Add(priority);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(plan.Id, priority.Id, ct);
    }

    public async Task<Outcome<PriorityView>> UpdateAsync(int priorityId, PriorityInput input, CancellationToken ct)
    {
        if (await read.FindPriorityAsync(priorityId, ct) is not var (priority, plan, school))
        {
            return Outcome<PriorityView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<PriorityView>.Forbidden();
        }
        var problems = await ApplyAsync(input, priority, ct);
        if (problems.Any)
        {
            return Outcome<PriorityView>.Invalid(problems);
        }
        await db.SaveChangesAsync(ct);
        return await ViewAsync(plan.Id, priority.Id, ct);
    }

    /// <summary>The impact review at the end of the cycle: what changed, what we learned, and continue, modify or stop.</summary>
    public async Task<Outcome<PriorityView>> ReviewAsync(int priorityId, ReviewInput input, CancellationToken ct)
    {
        if (await read.FindPriorityAsync(priorityId, ct) is not var (priority, plan, school))
        {
            return Outcome<PriorityView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<PriorityView>.Forbidden();
        }
        var problems = new Problems()
            .Require("whatChanged", input.WhatChanged, "what changed", 4000)
            .Require("whatWeLearned", input.WhatWeLearned, "what you learned", 4000);
        if (!Codes.TryParse<ReviewDecision>(input.Decision, out var decision))
        {
            problems.Add("decision", "Choose whether to continue, modify or stop the priority.");
        }
        if (problems.Any)
        {
            return Outcome<PriorityView>.Invalid(problems);
        }
        priority.WhatChanged = input.WhatChanged!.Trim();
        priority.WhatWeLearned = input.WhatWeLearned!.Trim();
        priority.Decision = decision;
        priority.ReviewedOn = clock.Today();
        priority.ReviewedBy = await ActingPerson.NameAsync(db, ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(plan.Id, priority.Id, ct);
    }

    private async Task<Problems> ApplyAsync(PriorityInput input, Priority priority, CancellationToken ct)
    {
        var problems = new Problems()
            .Require("title", input.Title, "priority's title", 200)
            .Optional("why", input.Why, "reason for the priority", 2000)
            .Optional("lead", input.Lead, "lead's name", 120);
        int? areaId = null;
        if (Text.Clean(input.Framework) is string key)
        {
            var loaded = await catalogue.LoadByKeyAsync(key, FrameworkLevel.School, ct);
            var area = loaded?.Areas.FirstOrDefault(a => a.Key == Text.Clean(input.Area));
            if (loaded is null)
            {
                problems.Add("framework", $"Your trust has no framework \"{key}\".");
            }
            else if (area is null)
            {
                problems.Add("area", Text.Clean(input.Area) is null
                    ? $"Choose the area of {loaded.Framework.Name} the priority is about."
                    : $"Version {loaded.Version.Number} of {loaded.Framework.Name} has no area \"{input.Area!.Trim()}\".");
            }
            else
            {
                areaId = area.Id;
            }
        }
        else if (Text.Clean(input.Area) is not null)
        {
            problems.Add("framework", "Say which framework the area belongs to.");
        }
        if (input.UnitId is int unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.SchoolId == priority.SchoolId, ct))
        {
            problems.Add("unitId", "The unit must be a unit of the plan's school.");
        }
        if (problems.Any)
        {
            return problems;
        }
        priority.Title = input.Title!.Trim();
        priority.Why = Text.Clean(input.Why);
        priority.Lead = Text.Clean(input.Lead);
        priority.FrameworkAreaId = areaId;
        priority.UnitId = input.UnitId;
        return problems;
    }

    private async Task<Outcome<PriorityView>> ViewAsync(int planId, int priorityId, CancellationToken ct) =>
        Outcome<PriorityView>.Ok((await read.OneAsync(planId, ct))!.Value.Plan.Priorities.First(p => p.Id == priorityId));
}
