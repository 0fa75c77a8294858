using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Accounts;

namespace Stepwise.Features.Shared;

/// <summary>What the page header needs: the trust, the person, the schools they can switch between, and which menu items they may see.</summary>
public sealed class Chrome(AppDbContext db, AccessControl access, TrustScope scope, IHttpContextAccessor http)
{
    public sealed record SchoolLink(int Urn, string Name);

    public sealed record Info(bool SignedIn, string? TrustName, string? PersonName, List<SchoolLink> Schools, bool CanManagePeople, bool CanViewAudit);

    public async Task<Info> LoadAsync()
    {
        if (scope.PersonId is null || scope.TrustId is not int trustId)
        {
            return new Info(false, null, null, [], false, false);
        }
        var trustName = await db.Trusts.Where(t => t.Id == trustId).Select(t => t.Name).FirstOrDefaultAsync();
        var schools = await (await access.SchoolsAsync()).Where(s => s.ArchivedAt == null).OrderBy(s => s.Name)
            .Select(s => new SchoolLink(s.Urn, s.Name)).ToListAsync();
        var manageIds = await access.SchoolIdsAsync(Permission.ManagePeople);
        var name = http.HttpContext?.User.FindFirst(StepwiseClaimsFactory.DisplayNameClaim)?.Value ?? scope.Actor;
        return new Info(true, trustName, name, schools, manageIds is null || manageIds.Count > 0,
            await access.CanAcrossTrustAsync(Permission.ViewAudit));
    }
}
