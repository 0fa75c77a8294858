using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Plans;
using Stepwise.Features.Schools;
using Stepwise.Features.Stages;

namespace Stepwise.Features.Home;

/// <summary>The home page: the trust's name, the schools the person may see, each whole school's stage and how many plan actions are overdue.</summary>
public sealed class ReadHome(ListSchools listSchools, AppDbContext db, TrustScope scope, TimeProvider clock)
{
    public sealed record Progress(string? Stage, string? StageName, DateOnly? StageSince, int OverdueActions);

    /// <param name="BySchool">Progress by URN.</param>
    public sealed record Home(string TrustName, List<SchoolSummary> Schools, Dictionary<int, Progress> BySchool);

    public async Task<Home> HandleAsync(CancellationToken ct)
    {
        var trustName = await db.Trusts.Where(t => t.Id == scope.TrustId).Select(t => t.Name).FirstAsync(ct);
        var schools = await listSchools.HandleAsync(includeArchived: false, ct);
        var urns = schools.Select(s => s.Urn).ToList();
        var today = clock.Today();

        var stages = await CurrentStages.OfWholeSchoolsAsync(db, urns, today, ct);
        var overdue = await (from a in db.PlanActions.AsNoTracking()
                             join s in db.Schools on a.SchoolId equals s.Id
                             where urns.Contains(s.Urn) && a.DueOn < today && a.Status != ActionStatus.Done && a.Status != ActionStatus.Dropped
                             group a by s.Urn into g
                             select new { Urn = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Urn, g => g.Count, ct);
        return new Home(trustName, schools, urns.ToDictionary(urn => urn, urn =>
        {
            stages.TryGetValue(urn, out var stage);
            return new Progress(stage is null ? null : Codes.Of(stage.Stage), stage?.Stage.ToString(), stage?.Since, overdue.GetValueOrDefault(urn));
        }));
    }
}
