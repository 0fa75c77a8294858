using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SelfEvaluation;

namespace Stepwise.Features.Plans;

/// <summary>The smaller things a plan gathers: milestones (and reaching them) and comments. Evidence is added with the shared <see cref="Evidence.AddEvidence"/>.</summary>
public sealed class AddToPlan(AppDbContext db, AccessControl access, ReadPlans read, TimeProvider clock)
{
    public async Task<Outcome<MilestoneView>> MilestoneAsync(int priorityId, MilestoneInput input, CancellationToken ct)
    {
        if (await read.FindPriorityAsync(priorityId, ct) is not var (priority, plan, school))
        {
            return Outcome<MilestoneView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<MilestoneView>.Forbidden();
        }
        var problems = new Problems().Require("title", input.Title, "milestone", 300);
        var due = PlanRules.Required(problems, "dueOn", input.DueOn, "date of the milestone");
        if (problems.Any)
        {
            return Outcome<MilestoneView>.Invalid(problems);
        }
        var milestone = new Milestone { PriorityId = priority.Id, SchoolId = school.Id, TrustId = school.TrustId, Title = input.Title!.Trim(), DueOn = due!.Value, ReachedOn = input.ReachedOn };
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(ct);
        var view = (await read.OneAsync(plan.Id, ct))!.Value.Plan.Priorities.SelectMany(p => p.Milestones).First(m => m.Id == milestone.Id);
        return Outcome<MilestoneView>.Ok(view);
    }

    /// <summary>Marks a milestone reached today.</summary>
    public async Task<Outcome<MilestoneView>> ReachedAsync(int priorityId, int milestoneId, CancellationToken ct)
    {
        if (await read.FindPriorityAsync(priorityId, ct) is not var (priority, plan, school))
        {
            return Outcome<MilestoneView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<MilestoneView>.Forbidden();
        }
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.PriorityId == priority.Id, ct);
        if (milestone is null)
        {
            return Outcome<MilestoneView>.NotFound();
        }
        milestone.ReachedOn ??= clock.Today();
        await db.SaveChangesAsync(ct);
        var today = clock.Today();
        return Outcome<MilestoneView>.Ok(new MilestoneView(milestone.Id, milestone.Title, milestone.DueOn, milestone.ReachedOn,
            ActionState.MilestoneState(milestone.DueOn, milestone.ReachedOn, today)));
    }

    public async Task<Outcome<CommentView>> CommentAsync(int planId, CommentInput input, CancellationToken ct)
    {
        if (await read.FindPlanAsync(planId, ct) is not var (plan, school))
        {
            return Outcome<CommentView>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
        {
            return Outcome<CommentView>.Forbidden();
        }
        var problems = new Problems().Require("text", input.Text, "comment", 4000);
        if (input.PriorityId is int p && !await db.Priorities.AnyAsync(x => x.Id == p && x.PlanId == plan.Id, ct))
        {
            problems.Add("priorityId", "The priority must be one of this plan's.");
        }
        if (problems.Any)
        {
            return Outcome<CommentView>.Invalid(problems);
        }
        var comment = new PlanComment
        {
            PlanId = plan.Id,
            PriorityId = input.PriorityId,
            SchoolId = school.Id,
            TrustId = school.TrustId,
            PersonId = db.Scope.PersonId,
            Author = await ActingPerson.NameAsync(db, ct),
            Text = input.Text!.Trim(),
            At = clock.UtcNow(),
        };
        db.PlanComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return Outcome<CommentView>.Ok(new CommentView(comment.Id, comment.PriorityId, comment.Author, comment.Text, comment.At));
    }
}
