using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Schools;

/// <summary>Archives a school (it leaves lists, its history stays) or brings it back.</summary>
public sealed class ArchiveSchool(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<Outcome<SchoolSummary>> HandleAsync(int urn, bool archive, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<SchoolSummary>.NotFound();
        }
        if (!await access.CanAcrossTrustAsync(Permission.CreateSchool, ct))
        {
            return Outcome<SchoolSummary>.Forbidden();
        }
        school.ArchivedAt = archive ? clock.UtcNow() : null;
        await db.SaveChangesAsync(ct);
        return Outcome<SchoolSummary>.Ok(SchoolSummary.From(school));
    }
}
