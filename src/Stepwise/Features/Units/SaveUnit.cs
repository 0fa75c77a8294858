using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Units;

public sealed record UnitInput
{
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public int? ParentUnitId { get; init; }
}

public sealed record UnitSummary(int Id, int Urn, string Name, string Kind, int? ParentUnitId, bool Archived)
{
    public static UnitSummary From(Unit u, int urn) =>
        new(u.Id, urn, u.Name, Codes.Of(u.Kind), u.ParentUnitId, u.ArchivedAt is not null);
}

/// <summary>Adds a unit to a school, or edits one. A school has one whole-school unit, made with the school.</summary>
public sealed class SaveUnit(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<Outcome<UnitSummary>> CreateAsync(int urn, UnitInput input, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<UnitSummary>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditUnits, school.Id, ct))
        {
            return Outcome<UnitSummary>.Forbidden();
        }
        var unit = new Unit { Name = "", SchoolId = school.Id, TrustId = school.TrustId };
        var problems = await ValidateAsync(input, unit, ct);
        if (problems.Any)
        {
            return Outcome<UnitSummary>.Invalid(problems);
        }
        Apply(input, unit);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return Outcome<UnitSummary>.Ok(UnitSummary.From(unit, urn));
    }

    public async Task<Outcome<UnitSummary>> UpdateAsync(int unitId, UnitInput input, CancellationToken ct)
    {
        if (await access.FindUnitAsync(unitId, ct) is not var (unit, school))
        {
            return Outcome<UnitSummary>.NotFound();
        }
        if (!await access.CanForUnitAsync(Permission.EditUnits, school.Id, unit.Id, ct))
        {
            return Outcome<UnitSummary>.Forbidden();
        }
        var problems = await ValidateAsync(input, unit, ct);
        if (problems.Any)
        {
            return Outcome<UnitSummary>.Invalid(problems);
        }
        Apply(input, unit);
        await db.SaveChangesAsync(ct);
        return Outcome<UnitSummary>.Ok(UnitSummary.From(unit, school.Urn));
    }

    public async Task<Outcome<UnitSummary>> ArchiveAsync(int unitId, bool archive, CancellationToken ct)
    {
        if (await access.FindUnitAsync(unitId, ct) is not var (unit, school))
        {
            return Outcome<UnitSummary>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditUnits, school.Id, ct))
        {
            return Outcome<UnitSummary>.Forbidden();
        }
        if (unit.Kind == UnitKind.WholeSchool && archive)
        {
            return Outcome<UnitSummary>.Invalid(new Problems().Add("kind", "The whole-school unit cannot be archived; archive the school instead."));
        }
        unit.ArchivedAt = archive ? clock.UtcNow() : null;
        await db.SaveChangesAsync(ct);
        return Outcome<UnitSummary>.Ok(UnitSummary.From(unit, school.Urn));
    }

    private async Task<Problems> ValidateAsync(UnitInput input, Unit unit, CancellationToken ct)
    {
        var problems = new Problems().Require("name", input.Name, "unit's name", 120);
        var isNew = unit.Id == 0;
        if (!Codes.TryParse<UnitKind>(input.Kind, out var kind))
        {
            problems.Add("kind", $"Choose the kind of unit: one of {Codes.List<UnitKind>()}.");
        }
        else if (kind == UnitKind.WholeSchool && (isNew || unit.Kind != UnitKind.WholeSchool))
        {
            problems.Add("kind", "A school has one whole-school unit already; choose year group, subject, team or area.");
        }
        else if (!isNew && unit.Kind == UnitKind.WholeSchool && kind != UnitKind.WholeSchool)
        {
            problems.Add("kind", "The whole-school unit stays a whole-school unit.");
        }
        var name = input.Name?.Trim();
        if (!string.IsNullOrEmpty(name)
            && await db.Units.AnyAsync(u => u.SchoolId == unit.SchoolId && u.Id != unit.Id && u.Name == name, ct))
        {
            problems.Add("name", $"This school already has a unit called \"{name}\".");
        }
        if (input.ParentUnitId is int parentId)
        {
            var parents = await db.Units.Where(u => u.SchoolId == unit.SchoolId)
                .Select(u => new { u.Id, u.ParentUnitId }).ToDictionaryAsync(u => u.Id, u => u.ParentUnitId, ct);
            if (!parents.ContainsKey(parentId))
            {
                problems.Add("parentUnitId", "The parent unit must be a unit of the same school.");
            }
            else if (!isNew && IsSelfOrDescendant(parentId, unit.Id, parents))
            {
                problems.Add("parentUnitId", "A unit cannot sit inside itself or one of its own units.");
            }
        }
        return problems;
    }

    private static bool IsSelfOrDescendant(int candidate, int unitId, Dictionary<int, int?> parents)
    {
        for (int? at = candidate, steps = 0; at is int id && steps < 100; at = parents.GetValueOrDefault(id), steps++)
        {
            if (id == unitId)
            {
                return true;
            }
        }
        return false;
    }

    private static void Apply(UnitInput input, Unit unit)
    {
        Codes.TryParse<UnitKind>(input.Kind, out var kind);
        unit.Name = input.Name!.Trim();
        unit.Kind = kind;
        unit.ParentUnitId = input.ParentUnitId;
    }
}
