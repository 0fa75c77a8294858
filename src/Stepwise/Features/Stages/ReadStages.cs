using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.Stages;

/// <summary>Units' stages: each unit's current stage and history, and the trust's picture (how many in each stage, what moved this term).</summary>
public sealed class ReadStages(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<List<UnitStage>?> ForSchoolAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        return school is null ? null : await ForSchoolsAsync([school], ct);
    }

    public async Task<List<UnitStage>> ForSchoolsAsync(List<School> schools, CancellationToken ct)
    {
        var ids = schools.Select(s => s.Id).ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.SchoolId) && u.ArchivedAt == null).ToListAsync(ct);
        var changes = await db.StageChanges.AsNoTracking().Where(c => ids.Contains(c.SchoolId)).ToListAsync(ct);
        var bySchool = schools.ToDictionary(s => s.Id);
        return units
            .OrderBy(u => bySchool[u.SchoolId].Name).ThenBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u =>
            {
                var history = changes.Where(c => c.UnitId == u.Id).OrderByDescending(c => c.From).ThenByDescending(c => c.Id).Select(View).ToList();
                var today = clock.Today();
                return new UnitStage(u.Id, u.Name, Codes.Of(u.Kind), bySchool[u.SchoolId].Urn, bySchool[u.SchoolId].Name,
                    history.FirstOrDefault(h => h.From <= today), history);
            })
            .ToList();
    }

    /// <summary>The trust view: counts per stage (every unit and per school) and the units whose stage changed since the start of this term.</summary>
    public async Task<TrustStages> ForTrustAsync(CancellationToken ct)
    {
        var schools = await (await access.SchoolsAsync(Permission.ViewSchool, ct)).Where(s => s.ArchivedAt == null).AsNoTracking().ToListAsync(ct);
        var units = await ForSchoolsAsync(schools, ct);
        var today = clock.Today();
        var termStart = TermStart(today);
        var counts = Enum.GetValues<Stage>().ToDictionary(s => Codes.Of(s), s => units.Count(u => u.Current?.Stage == Codes.Of(s)));
        var perSchool = schools.OrderBy(s => s.Name).Select(s =>
        {
            var mine = units.Where(u => u.Urn == s.Urn).ToList();
            return new SchoolStageCounts(s.Urn, s.Name, mine.FirstOrDefault(u => u.Kind == Codes.Of(UnitKind.WholeSchool))?.Current?.Stage,
                Enum.GetValues<Stage>().ToDictionary(st => Codes.Of(st), st => mine.Count(u => u.Current?.Stage == Codes.Of(st))),
                mine.Count(u => u.Current is null));
        }).ToList();
        var moved = new List<MovedUnit>();
        foreach (var u in units.Where(u => u.Current is not null))
        {
            var before = u.History.FirstOrDefault(h => h.From < termStart);
            if (before?.Stage == u.Current!.Stage || u.Current.From < termStart)
            {
                continue;
            }
            var direction = before is null ? "first-set"
                : Codes.TryParse<Stage>(u.Current.Stage, out var now) && Codes.TryParse<Stage>(before.Stage, out var then) && now > then ? "forward" : "back";
            moved.Add(new MovedUnit(u.UnitId, u.Unit, u.Urn, u.School, before?.Stage, u.Current.Stage, u.Current.From, direction));
        }
        return new TrustStages(termStart, counts, units.Count(u => u.Current is null), perSchool,
            moved.OrderByDescending(m => m.On).ThenBy(m => m.School).ToList());
    }

    /// <summary>The start of the term a day falls in (the nominal starts of <see cref="AcademicYear"/>).</summary>
    public static DateOnly TermStart(DateOnly day) => AcademicYear.Of(day).TermStart(AcademicYear.TermOf(day));

    public static StageChangeView View(StageChange c) =>
        new(c.Id, Codes.Of(c.Stage), c.Stage.ToString(), c.From, c.Rationale, c.Evidence, c.By, c.RecordedAt);
}
