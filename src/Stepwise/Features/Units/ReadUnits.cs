using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Units;

/// <summary>A school's units (archived ones too, marked), and the units a unit can sit under.</summary>
public sealed class ReadUnits(AppDbContext db, AccessControl access)
{
    public sealed record ParentChoice(int Id, string Name);

    /// <summary>Every unit of a school the person may see, by kind then name; null when they may not see the school.</summary>
    public async Task<List<UnitSummary>?> ForSchoolAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return null;
        }
        var units = await db.Units.Where(u => u.SchoolId == school.Id).OrderBy(u => u.Kind).ThenBy(u => u.Name).AsNoTracking().ToListAsync(ct);
        return units.Select(u => UnitSummary.From(u, urn)).ToList();
    }

    /// <summary>The school's open units a unit can sit under, by name, leaving out the unit itself.</summary>
    public Task<List<ParentChoice>> ParentChoicesAsync(int schoolId, int? exceptUnitId, CancellationToken ct) =>
        db.Units.Where(u => u.SchoolId == schoolId && u.Id != exceptUnitId && u.ArchivedAt == null)
            .OrderBy(u => u.Name).Select(u => new ParentChoice(u.Id, u.Name)).ToListAsync(ct);
}
