using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Common;
using Stepwise.Features.Evidence;

namespace Stepwise.Features.Plans;

public static class PlansFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services) => services
        .AddEvidence()
        .AddScoped<IEvidenceOwner, PriorityEvidenceOwner>()
        .AddScoped<ReadPlans>()
        .AddScoped<SavePlan>()
        .AddScoped<SavePriority>()
        .AddScoped<SaveGoal>()
        .AddScoped<SaveAction>()
        .AddScoped<AddToPlan>()
        .AddScoped<PlanChoices>()
        .AddScoped<DemoImprovementLoop>();

    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Plans").RequireAuthorization();
        api.MapGet("/schools/{urn:int}/plans", ListAsync)
            .WithSummary("A school's plans with their priorities, goals (each with its status computed from the data), actions, milestones, evidence and comments");
        api.MapPost("/schools/{urn:int}/plans", CreateAsync).WithSummary("Start a plan: kind year (with academicYear) or hundred-day (with startsOn)");
        api.MapGet("/plans/{planId:int}", GetAsync).WithSummary("One plan");
        api.MapPut("/plans/{planId:int}", UpdateAsync).WithSummary("Change a plan's title, dates or summary");
        api.MapPost("/plans/{planId:int}/priorities", AddPriorityAsync).WithSummary("Add a priority, linked to a framework area and a unit");
        api.MapPost("/plans/{planId:int}/comments", CommentAsync).WithSummary("Comment on a plan or one of its priorities");
        api.MapPut("/priorities/{priorityId:int}", UpdatePriorityAsync).WithSummary("Change a priority");
        api.MapPut("/priorities/{priorityId:int}/review", ReviewAsync).WithSummary("The impact review: what changed, what we learned, continue, modify or stop");
        api.MapPost("/priorities/{priorityId:int}/goals", AddGoalAsync).WithSummary("Add a goal on a metric (and pupil group) with baseline, target and dates");
        api.MapPost("/priorities/{priorityId:int}/actions", AddActionAsync).WithSummary("Add an action: owner, start, due, status, cost");
        api.MapPost("/priorities/{priorityId:int}/milestones", AddMilestoneAsync).WithSummary("Add a milestone");
        api.MapPut("/actions/{actionId:int}", UpdateActionAsync).WithSummary("Change an action (its status, dates, owner or cost)");
        return app;
    }

    private static async Task<Results<Ok<List<PlanView>>, NotFound>> ListAsync(int urn, ReadPlans read, CancellationToken ct) =>
        await read.ForSchoolAsync(urn, ct) is { } plans ? TypedResults.Ok(plans) : TypedResults.NotFound();

    private static async Task<Results<Ok<PlanView>, NotFound>> GetAsync(int planId, ReadPlans read, CancellationToken ct) =>
        await read.OneAsync(planId, ct) is var (plan, _) ? TypedResults.Ok(plan) : TypedResults.NotFound();

    private static async Task<Results<Created<PlanView>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        int urn, PlanInput input, SavePlan save, CancellationToken ct) =>
        (await save.CreateAsync(urn, input, ct)).ToCreated(p => $"/api/plans/{p.Id}");

    private static async Task<Results<Ok<PlanView>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        int planId, PlanInput input, SavePlan save, CancellationToken ct) =>
        (await save.UpdateAsync(planId, input, ct)).ToOk();

    private static async Task<Results<Created<PriorityView>, ValidationProblem, NotFound, ForbidHttpResult>> AddPriorityAsync(
        int planId, PriorityInput input, SavePriority save, CancellationToken ct) =>
        (await save.AddAsync(planId, input, ct)).ToCreated(p => $"/api/plans/{p.PlanId}");

    private static async Task<Results<Ok<PriorityView>, ValidationProblem, NotFound, ForbidHttpResult>> UpdatePriorityAsync(
        int priorityId, PriorityInput input, SavePriority save, CancellationToken ct) =>
        (await save.UpdateAsync(priorityId, input, ct)).ToOk();

    private static async Task<Results<Ok<PriorityView>, ValidationProblem, NotFound, ForbidHttpResult>> ReviewAsync(
        int priorityId, ReviewInput input, SavePriority save, CancellationToken ct) =>
        (await save.ReviewAsync(priorityId, input, ct)).ToOk();

    private static async Task<Results<Created<GoalView>, ValidationProblem, NotFound, ForbidHttpResult>> AddGoalAsync(
        int priorityId, GoalInput input, SaveGoal save, CancellationToken ct) =>
        (await save.AddAsync(priorityId, input, ct)).ToCreated(_ => $"/api/priorities/{priorityId}");

    private static async Task<Results<Created<ActionView>, ValidationProblem, NotFound, ForbidHttpResult>> AddActionAsync(
        int priorityId, ActionInput input, SaveAction save, CancellationToken ct) =>
        (await save.AddAsync(priorityId, input, ct)).ToCreated(a => $"/api/actions/{a.Id}");

    private static async Task<Results<Ok<ActionView>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateActionAsync(
        int actionId, ActionInput input, SaveAction save, CancellationToken ct) =>
        (await save.UpdateAsync(actionId, input, ct)).ToOk();

    private static async Task<Results<Created<MilestoneView>, ValidationProblem, NotFound, ForbidHttpResult>> AddMilestoneAsync(
        int priorityId, MilestoneInput input, AddToPlan add, CancellationToken ct) =>
        (await add.MilestoneAsync(priorityId, input, ct)).ToCreated(_ => $"/api/priorities/{priorityId}");

    private static async Task<Results<Created<CommentView>, ValidationProblem, NotFound, ForbidHttpResult>> CommentAsync(
        int planId, CommentInput input, AddToPlan add, CancellationToken ct) =>
        (await add.CommentAsync(planId, input, ct)).ToCreated(_ => $"/api/plans/{planId}");
}
