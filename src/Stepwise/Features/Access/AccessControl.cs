using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Coaching;
using Stepwise.Features.People;
using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.Access;

/// <summary>
/// The one place that decides what the acting person may see and do, from their active memberships.
/// Every page and endpoint asks it; a record the person may not see is reported as not found.
/// </summary>
public sealed class AccessControl(AppDbContext db, TrustScope scope, TimeProvider clock)
{
    private List<Grant>? _grants;

    private sealed record Grant(Role Role, int? SchoolId, int? UnitId);

    public bool IsSignedIn => scope.PersonId is not null || scope.IsSystem;

    public int? PersonId => scope.PersonId;

    /// <summary>True for the server's command line (and the demo loader), which act as the system.</summary>
    public bool IsSystem => scope.IsSystem;

    /// <summary>True if a trust-wide membership grants the permission.</summary>
    public async Task<bool> CanAcrossTrustAsync(Permission permission, CancellationToken ct = default) =>
        scope.IsSystem || (await GrantsAsync(ct)).Any(g => g.SchoolId is null && g.Role.Allows(permission));

    /// <summary>True if a trust-wide or school-wide membership grants the permission for this school.</summary>
    public async Task<bool> CanAsync(Permission permission, int schoolId, CancellationToken ct = default) =>
        scope.IsSystem || (await GrantsAsync(ct)).Any(g =>
            (g.SchoolId is null || (g.SchoolId == schoolId && g.UnitId is null) || (g.SchoolId == schoolId && permission == Permission.ViewSchool))
            && g.Role.Allows(permission));

    /// <summary>True if any membership grants the permission, at the trust, a school or a unit (e.g. a teacher reading the practice library).</summary>
    public async Task<bool> CanAnywhereAsync(Permission permission, CancellationToken ct = default) =>
        scope.IsSystem || (await GrantsAsync(ct)).Any(g => g.Role.Allows(permission));

    /// <summary>True if the permission is granted for the school or for this unit of it.</summary>
    public async Task<bool> CanForUnitAsync(Permission permission, int schoolId, int unitId, CancellationToken ct = default) =>
        await CanAsync(permission, schoolId, ct)
        || (await GrantsAsync(ct)).Any(g => g.UnitId == unitId && g.Role.Allows(permission));

    /// <summary>The ids of the schools where the permission is granted; null means every school in the trust.</summary>
    public async Task<HashSet<int>?> SchoolIdsAsync(Permission permission, CancellationToken ct = default)
    {
        if (await CanAcrossTrustAsync(permission, ct))
        {
            return null;
        }
        var grants = await GrantsAsync(ct);
        return grants
            .Where(g => g.SchoolId is int && (g.UnitId is null || permission == Permission.ViewSchool) && g.Role.Allows(permission))
            .Select(g => g.SchoolId!.Value)
            .ToHashSet();
    }

    /// <summary>The schools the acting person may see with this permission (the trust filter applies as well).</summary>
    public async Task<IQueryable<School>> SchoolsAsync(Permission permission = Permission.ViewSchool, CancellationToken ct = default)
    {
        var ids = await SchoolIdsAsync(permission, ct);
        return ids is null ? db.Schools : db.Schools.Where(s => ids.Contains(s.Id));
    }

    /// <summary>A school by URN if the acting person may see it; null (so: 404) otherwise.</summary>
    public async Task<School?> FindSchoolAsync(int urn, CancellationToken ct = default)
    {
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Urn == urn, ct);
        return school is not null && await CanAsync(Permission.ViewSchool, school.Id, ct) ? school : null;
    }

    /// <summary>A unit and its school if the acting person may see the school; null otherwise.</summary>
    public async Task<(Unit Unit, School School)?> FindUnitAsync(int unitId, CancellationToken ct = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return null;
        }
        var school = await db.Schools.FirstAsync(s => s.Id == unit.SchoolId, ct);
        return await CanAsync(Permission.ViewSchool, school.Id, ct) ? (unit, school) : null;
    }

    /// <summary>
    /// A coaching pair whose content (steps, check-backs, notes) the acting person may read and write: only its
    /// teacher and its coach. Everyone else — school and trust leaders, administrators, the command line — gets
    /// null, so 404, in pages, the API and exports alike. Leaders see counts and cadence through their own read.
    /// </summary>
    public async Task<CoachingPair?> FindCoachingPairAsync(int pairId, CancellationToken ct = default)
    {
        if (scope.PersonId is not int personId)
        {
            return null;
        }
        return await db.CoachingPairs.FirstOrDefaultAsync(
            p => p.Id == pairId && (p.TeacherId == personId || p.CoachId == personId), ct);
    }

    /// <summary>
    /// People the acting person may manage: everyone in the trust for trust-wide managers, otherwise
    /// those whose memberships are all at schools the acting person manages.
    /// </summary>
    public async Task<IQueryable<Person>> ManageablePeopleAsync(CancellationToken ct = default)
    {
        var ids = await SchoolIdsAsync(Permission.ManagePeople, ct);
        if (ids is null)
        {
            return db.Users;
        }
        return db.Users.Where(p => p.Memberships.Any()
            && p.Memberships.All(m => m.SchoolId != null && ids.Contains(m.SchoolId.Value)));
    }

    private async Task<List<Grant>> GrantsAsync(CancellationToken ct)
    {
        if (_grants is not null)
        {
            return _grants;
        }
        if (scope.PersonId is not int personId)
        {
            return _grants = [];
        }
        var today = clock.Today();
        _grants = await db.Memberships
            .Where(m => m.PersonId == personId && (m.EndsOn == null || m.EndsOn >= today))
            .Select(m => new Grant(m.Role, m.SchoolId, m.UnitId))
            .ToListAsync(ct);
        return _grants;
    }
}
