using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>A person changes their own password: the "must change" flag goes, and every session of theirs ends.</summary>
public sealed class ChangeOwnPassword(UserManager<Person> users, AppDbContext db)
{
    public async Task<IdentityResult> HandleAsync(Person person, string current, string replacement, CancellationToken ct)
    {
        var result = await users.ChangePasswordAsync(person, current, replacement);
        if (!result.Succeeded)
        {
            return result;
        }
        person.MustChangePassword = false;
        await users.UpdateAsync(person);
        await db.UserSessions.Where(s => s.PersonId == person.Id).ExecuteDeleteAsync(ct);
        return result;
    }
}
