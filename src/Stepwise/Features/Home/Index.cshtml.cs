using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Plans;
using Stepwise.Features.Schools;
using Stepwise.Features.Stages;

namespace Stepwise.Features.Home;

/// <summary>The trust's schools as cards: context, the whole school's stage, and how many plan actions are overdue.</summary>
public sealed class IndexModel(ListSchools listSchools, AppDbContext db, TrustScope scope, TimeProvider clock) : PageModel
{
    public sealed record Progress(string? Stage, string? StageName, DateOnly? StageSince, int OverdueActions);

    public string TrustName { get; private set; } = "";
    public List<SchoolSummary> Schools { get; private set; } = [];
    public Dictionary<int, Progress> BySchool { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        TrustName = await db.Trusts.Where(t => t.Id == scope.TrustId).Select(t => t.Name).FirstAsync(ct);
        Schools = await listSchools.HandleAsync(includeArchived: false, ct);
        var urns = Schools.Select(s => s.Urn).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var stages = await CurrentStages.OfWholeSchoolsAsync(db, urns, today, ct);
        var overdue = await (from a in db.PlanActions.AsNoTracking()
                             join s in db.Schools on a.SchoolId equals s.Id
                             where urns.Contains(s.Urn) && a.DueOn < today && a.Status != ActionStatus.Done && a.Status != ActionStatus.Dropped
                             group a by s.Urn into g
                             select new { Urn = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Urn, g => g.Count, ct);
        BySchool = urns.ToDictionary(urn => urn, urn =>
        {
            stages.TryGetValue(urn, out var stage);
            return new Progress(stage is null ? null : Codes.Of(stage.Stage), stage?.Stage.ToString(), stage?.Since, overdue.GetValueOrDefault(urn));
        });
    }
}
