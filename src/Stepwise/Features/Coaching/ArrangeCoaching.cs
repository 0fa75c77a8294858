using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.People;
using Stepwise.Features.Schools;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Coaching;

/// <summary>Who to pair at a school: the teacher and the coach by email address, and the day it starts (today when empty).</summary>
public sealed class PairInput
{
    public string? Teacher { get; set; }
    public string? Coach { get; set; }
    public DateOnly? StartedOn { get; set; }
}

/// <summary>
/// Leaders arrange coaching (Permission.ArrangeCoaching at the school): they pair a teacher with a coach, end a pair,
/// and see who is paired with whom and since when — names and dates, never a pair's steps, check-backs or notes, and
/// no per-pair figure. A school the person may not arrange coaching at is not found.
/// </summary>
public sealed class ArrangeCoaching(AppDbContext db, AccessControl access, TimeProvider clock)
{
    public sealed record ArrangedPair(int Id, string Teacher, string TeacherEmail, string Coach, string CoachEmail, DateOnly StartedOn, DateOnly? EndedOn, bool Active);

    public sealed record PersonChoice(int Id, string Name, string Email, string Role);

    /// <summary>The school, if the person may arrange its coaching.</summary>
    public async Task<School?> SchoolAsync(int urn, CancellationToken ct) =>
        await access.FindSchoolAsync(urn, ct) is { } school && await access.CanAsync(Permission.ArrangeCoaching, school.Id, ct) ? school : null;

    /// <summary>The school's pairs, active first: who with whom, since when, until when.</summary>
    public async Task<List<ArrangedPair>?> PairsAsync(int urn, CancellationToken ct)
    {
        if (await SchoolAsync(urn, ct) is not { } school)
        {
            return null;
        }
        var today = clock.Today();
        var rows = await (from p in db.CoachingPairs
                          where p.SchoolId == school.Id
                          join t in db.Users on p.TeacherId equals t.Id
                          join c in db.Users on p.CoachId equals c.Id
                          select new { p.Id, Teacher = t.DisplayName, TeacherEmail = t.Email, Coach = c.DisplayName, CoachEmail = c.Email, p.StartedOn, p.EndedOn })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new ArrangedPair(r.Id, r.Teacher, r.TeacherEmail!, r.Coach, r.CoachEmail!, r.StartedOn, r.EndedOn, CoachingRules.IsActive(r.StartedOn, r.EndedOn, today)))
            .OrderByDescending(r => r.Active).ThenBy(r => r.Teacher, StringComparer.CurrentCulture).ThenByDescending(r => r.StartedOn).ToList();
    }

    /// <summary>The people who may be paired at the school: those with a current role there (or in one of its units) or across the trust.</summary>
    public async Task<List<PersonChoice>> PeopleAsync(School school, CancellationToken ct)
    {
        var today = clock.Today();
        var people = await db.Users
            .Where(p => p.ArchivedAt == null && p.Memberships.Any(m => (m.EndsOn == null || m.EndsOn >= today) && (m.SchoolId == null || m.SchoolId == school.Id)))
            .Select(p => new { p.Id, p.DisplayName, p.Email, Roles = p.Memberships.Where(m => (m.EndsOn == null || m.EndsOn >= today) && (m.SchoolId == null || m.SchoolId == school.Id)).Select(m => m.Role).ToList() })
            .AsNoTracking().ToListAsync(ct);
        return people.Select(p => new PersonChoice(p.Id, p.DisplayName, p.Email!, string.Join(", ", p.Roles.Distinct().Select(r => r.Code()))))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<Outcome<ArrangedPair>> ArrangeAsync(int urn, PairInput input, CancellationToken ct)
    {
        if (await SchoolAsync(urn, ct) is not { } school)
        {
            return Outcome<ArrangedPair>.NotFound();
        }
        var problems = new Problems();
        var people = await PeopleAsync(school, ct);
        PersonChoice? Find(string? email, string field, string who)
        {
            if (Text.Clean(email) is not string address)
            {
                problems.Add(field, $"Choose the {who}.");
                return null;
            }
            var found = people.FirstOrDefault(p => string.Equals(p.Email, address, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                problems.Add(field, $"No one with a current role at {school.Name} or across the trust has the email address {address}.");
            }
            return found;
        }
        var teacher = Find(input.Teacher, "teacher", "teacher");
        var coach = Find(input.Coach, "coach", "coach");
        var today = clock.Today();
        var startedOn = input.StartedOn ?? today;
        if (teacher is not null && coach is not null && teacher.Id == coach.Id)
        {
            problems.Add("coach", "The coach must be someone other than the teacher.");
        }
        if (startedOn < today.AddYears(-1) || startedOn > today.AddYears(1))
        {
            problems.Add("startedOn", "The start date must be within a year of today.");
        }
        if (!problems.Any && await db.CoachingPairs.AnyAsync(p => p.TeacherId == teacher!.Id && p.CoachId == coach!.Id && (p.EndedOn == null || p.EndedOn > today), ct))
        {
            problems.Add("teacher", $"{teacher!.Name} is already coached by {coach!.Name}.");
        }
        if (!problems.Any && await db.CoachingPairs.AnyAsync(p => p.TeacherId == teacher!.Id && p.CoachId == coach!.Id && p.StartedOn == startedOn, ct))
        {
            problems.Add("startedOn", $"{teacher!.Name} and {coach!.Name} were paired from {Display.Date(startedOn)} before: choose another start date.");
        }
        if (problems.Any)
        {
            return Outcome<ArrangedPair>.Invalid(problems);
        }
        var pair = new CoachingPair { SchoolId = school.Id, TeacherId = teacher!.Id, CoachId = coach!.Id, StartedOn = startedOn, CreatedAt = clock.UtcNow() };
        db.CoachingPairs.Add(pair);
        await db.SaveChangesAsync(ct);
        return Outcome<ArrangedPair>.Ok(new ArrangedPair(pair.Id, teacher.Name, teacher.Email, coach.Name, coach.Email, startedOn, null, CoachingRules.IsActive(startedOn, null, today)));
    }

    /// <summary>Ends a pair today (the record stays with the two); a leader of the pair's school only.</summary>
    public async Task<Outcome<ArrangedPair>> EndAsync(int pairId, CancellationToken ct)
    {
        var pair = await db.CoachingPairs.FirstOrDefaultAsync(p => p.Id == pairId, ct);
        if (pair is null || !await access.CanAsync(Permission.ArrangeCoaching, pair.SchoolId, ct) || !await access.CanAsync(Permission.ViewSchool, pair.SchoolId, ct))
        {
            return Outcome<ArrangedPair>.NotFound();
        }
        var today = clock.Today();
        if (pair.EndedOn is { } ended && ended <= today)
        {
            return Outcome<ArrangedPair>.Invalid(new Problems().Add("pairId", $"This pair already ended on {Display.Date(ended)}."));
        }
        pair.EndedOn = pair.StartedOn > today ? pair.StartedOn : today;
        await db.SaveChangesAsync(ct);
        var names = await db.Users.Where(u => u.Id == pair.TeacherId || u.Id == pair.CoachId).ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email), ct);
        return Outcome<ArrangedPair>.Ok(new ArrangedPair(pair.Id, names[pair.TeacherId].DisplayName, names[pair.TeacherId].Email!, names[pair.CoachId].DisplayName,
            names[pair.CoachId].Email!, pair.StartedOn, pair.EndedOn, CoachingRules.IsActive(pair.StartedOn, pair.EndedOn, today)));
    }
}
