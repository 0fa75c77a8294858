using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Plans;
using Stepwise.Features.Schools;

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

        var stages = (await (from c in db.StageChanges.AsNoTracking()
                             join u in db.Units on c.UnitId equals u.Id
                             join s in db.Schools on c.SchoolId equals s.Id
                             where u.Kind == Units.UnitKind.WholeSchool && urns.Contains(s.Urn) && c.From <= today
                             select new { s.Urn, c.Stage, c.From, c.Id }).ToListAsync(ct))
            .GroupBy(c => c.Urn).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.From).ThenByDescending(c => c.Id).First());
        var overdue = await (from a in db.PlanActions.AsNoTracking()
                             join s in db.Schools on a.SchoolId equals s.Id
                             where urns.Contains(s.Urn) && a.DueOn < today && a.Status != ActionStatus.Done && a.Status != ActionStatus.Dropped
                             group a by s.Urn into g
                             select new { Urn = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Urn, g => g.Count, ct);
        BySchool = urns.ToDictionary(urn => urn, urn =>
        {
            stages.TryGetValue(urn, out var stage);
            return new Progress(stage is null ? null : Codes.Of(stage.Stage), stage?.Stage.ToString(), stage?.From, overdue.GetValueOrDefault(urn));
        });
    }
}
