using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.People;

/// <summary>Reads people the signed-in person may manage (or themselves), with their memberships.</summary>
public sealed class PeopleQueries(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public async Task<List<PersonSummary>> ListAsync(bool includeArchived, CancellationToken ct)
    {
        var people = await access.ManageablePeopleAsync(ct);
        var rows = await people.Where(p => includeArchived || p.ArchivedAt == null)
            .Include(p => p.Memberships).OrderBy(p => p.DisplayName).AsNoTracking().ToListAsync(ct);
        return await SummariseAsync(rows, ct);
    }

    public async Task<PersonSummary?> GetAsync(int personId, CancellationToken ct)
    {
        var people = await access.ManageablePeopleAsync(ct);
        var person = await people.Include(p => p.Memberships).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? (personId == access.PersonId
                ? await db.Users.Include(p => p.Memberships).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
                : null);
        return person is null ? null : (await SummariseAsync([person], ct))[0];
    }

    internal async Task<List<PersonSummary>> SummariseAsync(List<Person> people, CancellationToken ct)
    {
        var schools = await db.Schools.Select(s => new { s.Id, s.Urn, s.Name }).ToDictionaryAsync(s => s.Id, ct);
        var units = await db.Units.Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var today = clock.Today();
        return people.Select(p => new PersonSummary(
            p.Id, p.Email ?? "", p.DisplayName, p.JobTitle, p.ArchivedAt is not null, p.TwoFactorEnabled,
            p.Memberships.OrderBy(m => m.SchoolId is null ? 0 : 1).ThenBy(m => m.Role)
                .Select(m =>
                {
                    var school = m.SchoolId is int sid ? schools.GetValueOrDefault(sid) : null;
                    return MembershipText.Row(m, school?.Urn, school?.Name, m.UnitId is int uid ? units.GetValueOrDefault(uid) : null, today);
                }).ToList())).ToList();
    }
}
