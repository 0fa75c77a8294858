using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Common;

/// <summary>The name to put on a judgement, a stage change or a comment: the person's display name, else who the request acts as.</summary>
public static class ActingPerson
{
    public static async Task<string> NameAsync(AppDbContext db, CancellationToken ct) =>
        db.Scope.PersonId is int id
            ? await db.Users.Where(p => p.Id == id).Select(p => p.DisplayName).FirstOrDefaultAsync(ct) ?? db.Scope.Actor
            : db.Scope.Actor;

}
