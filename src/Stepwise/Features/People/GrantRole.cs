using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.People;

/// <summary>
/// Gives a person a role at trust, school or unit scope. The acting person must manage people at that scope;
/// an external reviewer's role must end on a date.
/// </summary>
public sealed class GrantRole(AppDbContext db, AccessControl access, PeopleQueries people, TimeProvider clock)
{
    public async Task<Outcome<PersonSummary>> HandleAsync(int personId, MembershipInput input, CancellationToken ct)
    {
        var manageable = await access.ManageablePeopleAsync(ct);
        var person = await manageable.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return Outcome<PersonSummary>.NotFound();
        }
        var problems = new Problems();
        var membership = await ValidateAsync(input, problems, ct);
        if (membership is null)
        {
            return problems.Any ? Outcome<PersonSummary>.Invalid(problems) : Outcome<PersonSummary>.Forbidden();
        }
        if (person.Memberships.Any(m => m.Role == membership.Role && m.SchoolId == membership.SchoolId && m.UnitId == membership.UnitId))
        {
            return Outcome<PersonSummary>.Invalid(problems.Add("role", "They already have this role here."));
        }
        membership.TrustId = person.TrustId;
        person.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return Outcome<PersonSummary>.Ok((await people.GetAsync(personId, ct))!);
    }

    /// <summary>
    /// Checks a role and scope. Returns the membership to add, or null with problems (invalid) or without (not allowed).
    /// </summary>
    internal async Task<Membership?> ValidateAsync(MembershipInput input, Problems problems, CancellationToken ct)
    {
        if (!RoleNames.TryParse(input.Role, out var role))
        {
            problems.Add("role", string.IsNullOrWhiteSpace(input.Role)
                ? $"Choose a role: one of {RoleNames.AllCodes}."
                : $"\"{input.Role}\" is not a role. Use one of {RoleNames.AllCodes}.");
        }
        School? school = null;
        if (!string.IsNullOrWhiteSpace(input.School))
        {
            school = Urns.TryParse(input.School, out var urn) ? await access.FindSchoolAsync(urn, ct) : null;
            if (school is null)
            {
                problems.Add("school", $"No school with URN \"{input.School.Trim()}\" in your trust.");
            }
        }
        if (input.UnitId is int unitId)
        {
            if (school is null)
            {
                problems.Add("unitId", "Choose the school the unit belongs to.");
            }
            else if (!await db.Units.AnyAsync(u => u.Id == unitId && u.SchoolId == school.Id, ct))
            {
                problems.Add("unitId", "That unit is not part of the chosen school.");
            }
        }
        if (problems.Any)
        {
            return null;
        }
        if (RolePermissions.ScopeProblem(role, trustWide: school is null, unitScope: input.UnitId is not null) is string scopeProblem)
        {
            problems.Add("school", scopeProblem);
        }
        var today = clock.Today();
        if (role == Role.Reviewer && input.EndsOn is null)
        {
            problems.Add("endsOn", "An external reviewer's access must end on a date.");
        }
        if (input.EndsOn is DateOnly ends && ends < today)
        {
            problems.Add("endsOn", "The end date must be today or later.");
        }
        if (problems.Any)
        {
            return null;
        }
        var allowed = school is null
            ? await access.CanAcrossTrustAsync(Permission.ManagePeople, ct)
            : await access.CanAsync(Permission.ManagePeople, school.Id, ct);
        if (!allowed || !RolePermissions.Grantable(trustWide: school is null, fromCommandLine: access.IsSystem).Contains(role))
        {
            return null;
        }
        return new Membership
        {
            Role = role,
            SchoolId = school?.Id,
            UnitId = input.UnitId,
            EndsOn = input.EndsOn,
            CreatedAt = clock.UtcNow(),
        };
    }
}
