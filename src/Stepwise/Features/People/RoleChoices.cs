using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.People;

/// <summary>The choices on the "give a role" forms: roles, the places the signed-in person manages, and their units.</summary>
public sealed class RoleChoices(AppDbContext db, AccessControl access)
{
    public sealed record Choices(List<SelectListItem> Roles, List<SelectListItem> Places, List<SelectListItem> Units);

    public async Task<Choices> LoadAsync(CancellationToken ct)
    {
        var trustWide = await access.CanAcrossTrustAsync(Permission.ManagePeople, ct);
        // Only the roles saving would accept from this person (the rule is GrantRole's: RolePermissions.Grantable).
        var roles = RolePermissions.Grantable(trustWide, fromCommandLine: false)
            .Select(r => new SelectListItem(r.Title(), r.Code())).Prepend(new SelectListItem("Choose a role", "")).ToList();
        var schools = await (await access.SchoolsAsync(Permission.ManagePeople, ct)).Where(s => s.ArchivedAt == null)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Urn, s.Name }).ToListAsync(ct);
        var places = schools.Select(s => new SelectListItem($"{s.Name} ({s.Urn})", s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (trustWide)
        {
            places.Insert(0, new SelectListItem("The whole trust", ""));
        }
        var schoolIds = schools.Select(s => s.Id).ToList();
        var names = schools.ToDictionary(s => s.Id, s => s.Name);
        var units = (await db.Units.Where(u => schoolIds.Contains(u.SchoolId) && u.ArchivedAt == null && u.Kind != Units.UnitKind.WholeSchool)
                .Select(u => new { u.Id, u.Name, u.SchoolId }).ToListAsync(ct))
            .OrderBy(u => names[u.SchoolId]).ThenBy(u => u.Name)
            .Select(u => new SelectListItem($"{names[u.SchoolId]}: {u.Name}", u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("None (the whole school)", ""))
            .ToList();
        return new Choices(roles, places, units);
    }

    /// <summary>Someone who picked a unit but not its school means that school.</summary>
    public async Task<string?> SchoolOfUnitAsync(string? school, int? unitId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(school) || unitId is not int id)
        {
            return school;
        }
        var urn = await db.Units.Where(u => u.Id == id).Join(db.Schools, u => u.SchoolId, s => s.Id, (u, s) => (int?)s.Urn).FirstOrDefaultAsync(ct);
        return urn?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? school;
    }
}
