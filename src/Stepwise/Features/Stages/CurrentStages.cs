using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Units;

namespace Stepwise.Features.Stages;

/// <summary>The stage a unit is at on a day: its latest change on or before that day.</summary>
public sealed record CurrentStage(int Urn, int UnitId, bool WholeSchool, Stage Stage, DateOnly Since);

public static class CurrentStages
{
    /// <summary>The current stage of every unit that has one in the given schools (a later entry wins a tie on the same day).</summary>
    public static async Task<List<CurrentStage>> OfSchoolsAsync(AppDbContext db, IReadOnlyCollection<int> urns, DateOnly day, CancellationToken ct)
    {
        var changes = await (from c in db.StageChanges.AsNoTracking()
                             join u in db.Units on c.UnitId equals u.Id
                             join s in db.Schools on c.SchoolId equals s.Id
                             where urns.Contains(s.Urn) && c.From <= day
                             select new { s.Urn, c.UnitId, u.Kind, c.Stage, c.From, c.Id })
            .ToListAsync(ct);
        return changes.GroupBy(c => c.UnitId)
            .Select(g => g.OrderByDescending(c => c.From).ThenByDescending(c => c.Id).First())
            .Select(c => new CurrentStage(c.Urn, c.UnitId, c.Kind == UnitKind.WholeSchool, c.Stage, c.From))
            .ToList();
    }

    /// <summary>The whole school's current stage, by URN.</summary>
    public static async Task<Dictionary<int, CurrentStage>> OfWholeSchoolsAsync(AppDbContext db, IReadOnlyCollection<int> urns, DateOnly day, CancellationToken ct) =>
        (await OfSchoolsAsync(db, urns, day, ct)).Where(c => c.WholeSchool).GroupBy(c => c.Urn).ToDictionary(g => g.Key, g => g.First());
}
