using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.People;

namespace Stepwise.Features.Trusts;

/// <summary>A new trust and its first administrator. Without a password the administrator gets an invitation link.</summary>
public sealed record NewTrustInput
{
    public string? Name { get; init; }

    /// <summary>Optional: the trust's group UID in Get Information About Schools.</summary>
    public string? GiasGroupUid { get; init; }

    public string? AdminName { get; init; }
    public string? AdminEmail { get; init; }

    /// <summary>Optional: otherwise the administrator gets a one-time invitation link to choose their own.</summary>
    public string? AdminPassword { get; init; }
}

public sealed record CreatedTrust(int TrustId, string Name, int? GiasGroupUid, int AdministratorId, string AdministratorEmail, string? InvitationLink, DateTime? InvitationExpiresAt);

/// <summary>
/// Creates a trust with its first trust administrator, all or nothing. Allowed to the command line, the first-run page
/// (once its setup code is checked) and service administrators, who create trusts and see nothing inside them.
/// The administrator's password must meet the policy every password meets.
/// </summary>
public sealed class CreateTrust(AppDbContext db, AccessControl access, TrustScope scope, UserManager<Person> users, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Every problem with the input, password policy included, without writing anything.</summary>
    public async Task<Problems> CheckAsync(NewTrustInput input, CancellationToken ct)
    {
        var problems = new Problems().Require("name", input.Name, "trust's name", 200);
        if (Text.Clean(input.GiasGroupUid) is string uidText)
        {
            if (!int.TryParse(uidText, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) || uid is < 1 or > 9_999_999)
            {
                problems.Add("giasGroupUid", $"A GIAS group UID is a number of up to 7 digits, like 4321 (\"{uidText}\" is not).");
            }
            else if (await db.Trusts.IgnoreQueryFilters().AnyAsync(t => t.GiasGroupUid == uid, ct))
            {
                problems.Add("giasGroupUid", $"A trust with GIAS group UID {uid} is already on Stepwise.");
            }
        }
        problems.Require("adminName", input.AdminName, "administrator's name", 120);
        var email = Text.Clean(input.AdminEmail);
        var emailProblems = new Problems();
        await CreatePerson.ValidateEmailAsync(email, existingId: null, emailProblems, db, ct);
        foreach (var (_, messages) in emailProblems.ToDictionary())
        {
            foreach (var message in messages)
            {
                problems.Add("adminEmail", message);
            }
        }
        if (input.AdminPassword is { } password)
        {
            var candidate = new Person { DisplayName = input.AdminName ?? "", Email = email, UserName = email };
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, candidate, password)).Errors)
                {
                    problems.Add("adminPassword", error.Description);
                }
            }
        }
        return problems;
    }

    public async Task<Outcome<CreatedTrust>> HandleAsync(NewTrustInput input, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.CreateTrusts, ct))
        {
            return Outcome<CreatedTrust>.Forbidden();
        }
        var problems = await CheckAsync(input, ct);
        if (problems.Any)
        {
            return Outcome<CreatedTrust>.Invalid(problems);
        }

        // The new trust's rows are written in a scope of their own, acting for the new trust (and audited in its log),
        // whoever asked: the acting person's own trust is never touched.
        await using var inner = scopes.CreateAsyncScope();
        var services = inner.ServiceProvider;
        var innerScope = services.GetRequiredService<TrustScope>();
        innerScope.ActAsSystem(scope.Actor);
        var innerDb = services.GetRequiredService<AppDbContext>();
        await using var transaction = await innerDb.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow();
        var trust = new Trust
        {
            Name = Text.Clean(input.Name)!,
            GiasGroupUid = Text.Clean(input.GiasGroupUid) is string uid ? int.Parse(uid, CultureInfo.InvariantCulture) : null,
            CreatedAt = now,
        };
        innerDb.Trusts.Add(trust);
        await innerDb.SaveChangesAsync(ct);
        innerScope.ActAsSystemInTrust(trust.Id, scope.Actor);

        var email = Text.Clean(input.AdminEmail)!;
        var admin = new Person
        {
            TrustId = trust.Id,
            Email = email,
            UserName = email,
            DisplayName = Text.Clean(input.AdminName)!,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = now,
        };
        admin.Memberships.Add(new Membership { TrustId = trust.Id, Role = Role.TrustAdmin, CreatedAt = now });
        var innerUsers = services.GetRequiredService<UserManager<Person>>();
        var created = input.AdminPassword is null ? await innerUsers.CreateAsync(admin) : await innerUsers.CreateAsync(admin, input.AdminPassword);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                problems.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "adminPassword" : "adminEmail", error.Description);
            }
            return Outcome<CreatedTrust>.Invalid(problems);
        }
        var invitation = input.AdminPassword is null ? await services.GetRequiredService<Invitations>().IssueAsync(admin, ct) : null;
        await transaction.CommitAsync(ct);
        return Outcome<CreatedTrust>.Ok(new CreatedTrust(trust.Id, trust.Name, trust.GiasGroupUid, admin.Id, email, invitation?.Path, invitation?.ExpiresAt));
    }

    /// <summary>A trust by its name (as the command line names one), or why none is meant.</summary>
    public static async Task<(int? TrustId, string? Problem)> FindByNameAsync(AppDbContext db, string name, CancellationToken ct)
    {
        var trusts = await db.Trusts.IgnoreQueryFilters().Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var named = trusts.Where(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count switch
        {
            1 => (named[0].Id, null),
            0 when trusts.Count == 0 => (null, $"There is no trust called \"{name.Trim()}\": Stepwise has no trust yet. Run `stepwise setup` to create one."),
            0 => (null, $"There is no trust called \"{name.Trim()}\". Trusts: {string.Join(", ", trusts.Select(t => t.Name))}."),
            _ => (null, $"{named.Count} trusts are called \"{name.Trim()}\"; ask one of them to rename itself first."),
        };
    }
}
