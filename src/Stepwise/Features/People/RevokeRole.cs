using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.People;

/// <summary>Takes a role away. The acting person must manage people where the role was held.</summary>
public sealed class RevokeRole(AppDbContext db, AccessControl access, PeopleQueries people)
{
    public async Task<Outcome<PersonSummary>> HandleAsync(int personId, int membershipId, CancellationToken ct)
    {
        var manageable = await access.ManageablePeopleAsync(ct);
        var person = await manageable.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return Outcome<PersonSummary>.NotFound();
        }
        var membership = person.Memberships.FirstOrDefault(m => m.Id == membershipId);
        if (membership is null)
        {
            return Outcome<PersonSummary>.NotFound();
        }
        var allowed = membership.SchoolId is int schoolId
            ? await access.CanAsync(Permission.ManagePeople, schoolId, ct)
            : await access.CanAcrossTrustAsync(Permission.ManagePeople, ct);
        if (!allowed)
        {
            return Outcome<PersonSummary>.Forbidden();
        }
        if (personId == access.PersonId && membership.Role == Role.TrustAdmin
            && !await db.Memberships.AnyAsync(m => m.Id != membershipId && m.Role == Role.TrustAdmin, ct))
        {
            return Outcome<PersonSummary>.Invalid(new Problems().Add("role", "You are the trust's only administrator: give someone else the role first."));
        }
        person.Memberships.Remove(membership);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        return Outcome<PersonSummary>.Ok((await people.SummariseAsync([person], ct))[0]);
    }
}
