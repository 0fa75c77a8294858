using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.People;

/// <summary>
/// Whether a person may be signed in today: not archived, and not someone whose every role has ended (a reviewer
/// after their review). Asked at sign-in, and by every session and token on every request, so access that ends
/// also ends the sessions and tokens already given out.
/// </summary>
public static class SignInAllowed
{
    public static Task<bool> MaySignInAsync(this AppDbContext db, int personId, DateOnly today, CancellationToken ct = default) =>
        db.Users.IgnoreQueryFilters().AnyAsync(p => p.Id == personId && p.ArchivedAt == null
            && (!db.Memberships.IgnoreQueryFilters().Any(m => m.PersonId == personId)
                || db.Memberships.IgnoreQueryFilters().Any(m => m.PersonId == personId && (m.EndsOn == null || m.EndsOn >= today))), ct);
}
