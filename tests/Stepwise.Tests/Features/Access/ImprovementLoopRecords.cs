using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Access;

/// <summary>
/// A framework in each trust, and a plan (with a priority and an action) and a judgement (with evidence) in each school, made through the API by the
/// people who would make them, so that the authorisation matrix has real ids to try on the improvement loop's routes.
/// </summary>
public sealed record ImprovementLoopRecords(
    ImprovementLoopRecords.TrustFramework North,
    ImprovementLoopRecords.TrustFramework Harbour,
    ImprovementLoopRecords.SchoolPlan NorthPrimary,
    ImprovementLoopRecords.SchoolPlan NorthSecondary,
    ImprovementLoopRecords.SchoolPlan HarbourSchool)
{
    public sealed record TrustFramework(int FrameworkId, int AreaId);

    public sealed record SchoolPlan(int PlanId, int PriorityId, int ActionId, int JudgementId, int EvidenceId);

    public static async Task<ImprovementLoopRecords> SeedAsync(StepwiseApp app) => new(
        await FrameworkAsync(app, World.NorthLeader),
        await FrameworkAsync(app, World.HarbourAdmin),
        await PlanAsync(app, World.PrimaryHead, World.NorthPrimaryUrn),
        await PlanAsync(app, World.SecondaryHead, World.NorthSecondaryUrn),
        await PlanAsync(app, World.HarbourHead, World.HarbourUrn));

    private static async Task<TrustFramework> FrameworkAsync(StepwiseApp app, string email)
    {
        var client = await app.ClientForAsync(email);
        var saved = await (await client.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        var frameworkId = (int)saved["framework"]!["id"]!;
        var areaId = await app.QueryAsync(db => db.FrameworkVersions.Where(v => v.FrameworkId == frameworkId)
            .SelectMany(v => v.Areas).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        return new TrustFramework(frameworkId, areaId);
    }

    private static async Task<SchoolPlan> PlanAsync(StepwiseApp app, string email, int urn)
    {
        var client = await app.ClientForAsync(email);
        var plan = await (await client.PostJsonAsync($"/api/schools/{urn}/plans", new { kind = "year", title = "Plan", academicYear = "2026/27" })).ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await client.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title = "Priority" })).ReadJsonAsync(HttpStatusCode.Created);
        var action = await (await client.PostJsonAsync($"/api/priorities/{(int)priority["id"]!}/actions", new { title = "Action", owner = "Owner", dueOn = "2027-01-31" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var judgement = await (await client.PostJsonAsync($"/api/schools/{urn}/judgements", new
        {
            framework = "ofsted-2025", area = "inclusion", grade = "expected-standard", evidence = new[] { new { kind = "note", title = "Evidence", note = "A note" } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        return new SchoolPlan((int)plan["id"]!, (int)priority["id"]!, (int)action["id"]!, (int)judgement["id"]!, (int)judgement["evidence"]![0]!["id"]!);
    }
}
