using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.People;

/// <summary>Changes a person's name, job title or email; or archives them, which ends their sessions and tokens.</summary>
public sealed class EditPerson(AppDbContext db, AccessControl access, PeopleQueries people, TimeProvider clock)
{
    public async Task<Outcome<PersonSummary>> UpdateAsync(int personId, PersonDetailsInput input, CancellationToken ct)
    {
        var person = await (await access.ManageablePeopleAsync(ct)).Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return Outcome<PersonSummary>.NotFound();
        }
        var problems = new Problems();
        var email = Text.Clean(input.Email);
        await CreatePerson.ValidateEmailAsync(email, person.Id, problems, db, ct);
        problems.Require("name", input.Name, "person's name", 120).Optional("jobTitle", input.JobTitle, "job title", 120);
        if (problems.Any)
        {
            return Outcome<PersonSummary>.Invalid(problems);
        }
        person.Email = person.UserName = email;
        person.NormalizedEmail = person.NormalizedUserName = email!.ToUpperInvariant();
        person.DisplayName = input.Name!.Trim();
        person.JobTitle = Text.Clean(input.JobTitle);
        await db.SaveChangesAsync(ct);
        return Outcome<PersonSummary>.Ok((await people.SummariseAsync([person], ct))[0]);
    }

    public async Task<Outcome<PersonSummary>> ArchiveAsync(int personId, CancellationToken ct)
    {
        var person = await (await access.ManageablePeopleAsync(ct)).Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return Outcome<PersonSummary>.NotFound();
        }
        if (person.Id == access.PersonId)
        {
            return Outcome<PersonSummary>.Invalid(new Problems().Add("person", "You cannot archive your own account."));
        }
        var now = clock.UtcNow();
        person.ArchivedAt = now;
        person.LockoutEnd = DateTimeOffset.MaxValue;
        await db.ApiTokens.Where(t => t.PersonId == person.Id && t.RevokedAt == null).ForEachAsync(t => t.RevokedAt = now, ct);
        db.UserSessions.RemoveRange(db.UserSessions.Where(s => s.PersonId == person.Id));
        await db.SaveChangesAsync(ct);
        return Outcome<PersonSummary>.Ok((await people.SummariseAsync([person], ct))[0]);
    }
}
