using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Stages;
using Stepwise.Features.Units;

namespace Stepwise.Features.Schools;

/// <summary>A school with its units and staff, and what the signed-in person may do there.</summary>
public sealed class GetSchoolProfile(AppDbContext db, AccessControl access, TimeProvider clock)
{
    /// <param name="Stage">The unit's current stage on the improvement journey (a code such as "repair"), or null when not set.</param>
    public sealed record UnitRow(int Id, string Name, string Kind, int? ParentUnitId, string? ParentName, bool Archived, string? Stage = null, string? StageName = null);

    public sealed record StaffRow(int PersonId, string Name, string? JobTitle, string Role, string RoleTitle, string? Unit, DateOnly? EndsOn);

    public sealed record Result(
        SchoolSummary School,
        List<UnitRow> Units,
        List<StaffRow> Staff,
        int PupilsOnRoll,
        bool CanEdit,
        bool CanEditUnits,
        bool CanViewPupils,
        bool CanManagePeople,
        bool CanArchive,
        bool CanReadVisits,
        bool CanManageSurveys);

    public async Task<Result?> HandleAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return null;
        }
        var units = await db.Units.Where(u => u.SchoolId == school.Id).AsNoTracking().ToListAsync(ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var today = clock.Today();
        var stages = (await CurrentStages.OfSchoolsAsync(db, [school.Urn], today, ct)).ToDictionary(c => c.UnitId, c => c.Stage);
        var unitRows = units
            .OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new UnitRow(u.Id, u.Name, Codes.Of(u.Kind), u.ParentUnitId,
                u.ParentUnitId is int p ? names.GetValueOrDefault(p) : null, u.ArchivedAt is not null,
                stages.TryGetValue(u.Id, out var stage) ? Codes.Of(stage) : null, stages.TryGetValue(u.Id, out var named) ? named.ToString() : null))
            .ToList();

        var staff = await db.Memberships
            .Where(m => m.SchoolId == school.Id)
            .Join(db.Users, m => m.PersonId, p => p.Id, (m, p) => new { m, p })
            .Where(x => x.p.ArchivedAt == null)
            .OrderBy(x => x.p.DisplayName)
            .Select(x => new { x.p.Id, x.p.DisplayName, x.p.JobTitle, x.m.Role, x.m.UnitId, x.m.EndsOn })
            .AsNoTracking()
            .ToListAsync(ct);
        var staffRows = staff
            .Select(x => new StaffRow(x.Id, x.DisplayName, x.JobTitle, x.Role.Code(), x.Role.Title(),
                x.UnitId is int u ? names.GetValueOrDefault(u) : null, x.EndsOn))
            .ToList();

        var onRoll = await db.Pupils.CountAsync(p => p.SchoolId == school.Id, ct);
        return new Result(
            SchoolSummary.From(school), unitRows, staffRows, onRoll,
            CanEdit: await access.CanAsync(Permission.EditSchool, school.Id, ct),
            CanEditUnits: await access.CanAsync(Permission.EditUnits, school.Id, ct),
            CanViewPupils: await access.CanAsync(Permission.ViewPupils, school.Id, ct),
            CanManagePeople: await access.CanAsync(Permission.ManagePeople, school.Id, ct),
            CanArchive: await access.CanAcrossTrustAsync(Permission.CreateSchool, ct),
            CanReadVisits: await access.CanAsync(Permission.ViewVisitReports, school.Id, ct),
            CanManageSurveys: await access.CanAsync(Permission.ManageSurveys, school.Id, ct));
    }
}
