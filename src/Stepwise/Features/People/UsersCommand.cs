using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Accounts;
using Stepwise.Features.Schools;

namespace Stepwise.Features.People;

/// <summary>`stepwise users add|invite|list|reset-password|token|revoke-tokens`: account administration from the server's shell.</summary>
public static class UsersCommand
{
    private static readonly Option<string> Email = new("--email") { Description = "The person's email address", Required = true };

    public static Command Create()
    {
        var users = new Command("users", "Add and list accounts, reset passwords, issue API tokens");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(Invite());
        users.Subcommands.Add(List());
        users.Subcommands.Add(ResetPassword());
        users.Subcommands.Add(Token());
        users.Subcommands.Add(RevokeTokens());
        return users;
    }

    private static Command Add() => AddOrInvite(invite: false);

    private static Command Invite() => AddOrInvite(invite: true);

    /// <summary>`users add` (a temporary or given password) and `users invite` (a one-time link to choose one): the same person, let in two ways.</summary>
    private static Command AddOrInvite(bool invite)
    {
        var role = new Option<string>("--role") { Description = $"One of {RoleNames.AllCodes}", Required = true };
        var scopeOption = new Option<string>("--scope") { Description = "A trust's name (trust-wide) or a school's URN", Required = true };
        var name = new Option<string?>("--name") { Description = "Their name (default: from the email address)" };
        var password = new Option<string?>("--password") { Description = "At least 12 characters (default: a temporary password, printed once)" };
        var endsOn = new Option<DateOnly?>("--ends-on") { Description = "Last day of access (required for reviewer), yyyy-mm-dd" };
        var command = invite
            ? new Command("invite", "Add a person with a role and print a one-time link (valid 7 days) for them to choose their password") { Email, role, scopeOption, name, endsOn, PublicAddress.Option }
            : new Command("add", "Add a person with a role at a trust or school") { Email, role, scopeOption, name, password, endsOn };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var email = parsed.GetValue(Email)!;
            if (!RoleNames.TryParse(parsed.GetValue(role), out _))
            {
                throw new CliError($"\"{parsed.GetValue(role)}\" is not a role. Use one of {RoleNames.AllCodes}.", CliError.Usage);
            }
            var (trustId, urn) = await ResolveScopeAsync(services, parsed.GetValue(scopeOption)!, token);
            services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trustId, "command line");
            var input = new PersonInput
            {
                Email = email,
                Name = parsed.GetValue(name) ?? NameFromEmail(email),
                Role = parsed.GetValue(role),
                School = urn,
                EndsOn = parsed.GetValue(endsOn),
                Password = invite ? null : parsed.GetValue(password),
                Invite = invite,
            };
            var outcome = await services.GetRequiredService<CreatePerson>().HandleAsync(input, trustId, token);
            if (outcome.Kind != Common.OutcomeKind.Ok)
            {
                throw new CliError(string.Join(" ", outcome.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))), CliError.Usage);
            }
            Console.WriteLine($"{(invite ? "Invited" : "Added")} {outcome.Value!.Person.Email} as {parsed.GetValue(role)}.");
            if (outcome.Value.TemporaryPassword is string temporary)
            {
                Console.WriteLine($"Temporary password (they must change it when they first sign in): {temporary}");
            }
            if (outcome.Value.InvitationLink is string path)
            {
                var address = PublicAddress.Of(parsed, services);
                Console.WriteLine($"Give them this link to choose their password (it works once, until {outcome.Value.InvitationExpiresAt:yyyy-MM-dd HH:mm} UTC):");
                Console.WriteLine(address.TrimEnd('/') + path);
            }
            return CliError.Ok;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON: [{\"email\":…,\"role\":…,\"scope\":…}]" };
        var command = new Command("list", "List every account and role") { json };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var rows = await db.Memberships
                .Join(db.Users, m => m.PersonId, p => p.Id, (m, p) => new { p.Email, m.Role, m.SchoolId, m.UnitId, p.TrustId, p.ArchivedAt })
                .Where(x => x.ArchivedAt == null)
                .ToListAsync(token);
            var trusts = await db.Trusts.ToDictionaryAsync(t => t.Id, t => t.Name, token);
            var schools = await db.Schools.ToDictionaryAsync(s => s.Id, s => s.Urn, token);
            var list = rows
                .OrderBy(r => r.Email).ThenBy(r => r.Role)
                .Select(r => new
                {
                    email = r.Email,
                    role = r.Role.Code(),
                    scope = r.SchoolId is int s ? schools[s].ToString(CultureInfo.InvariantCulture) : trusts[r.TrustId],
                })
                .ToList();
            if (parsed.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(list));
            }
            else
            {
                var width = list.Count == 0 ? 10 : list.Max(r => r.email?.Length ?? 0);
                foreach (var r in list)
                {
                    Console.WriteLine($"{r.email?.PadRight(width)}  {r.role,-14} {r.scope}");
                }
            }
            return CliError.Ok;
        }, ct));
        return command;
    }

    private static Command ResetPassword()
    {
        var password = new Option<string?>("--password") { Description = "The new password, at least 12 characters (default: a temporary one, printed once)" };
        var command = new Command("reset-password", "Set a new password, unlock the account and end its sessions") { Email, password };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var person = await FindAsync(services, parsed.GetValue(Email)!, token);
            services.GetRequiredService<TrustScope>().ActAsSystemInTrust(person.TrustId, "command line");
            var userManager = services.GetRequiredService<UserManager<Person>>();
            var given = parsed.GetValue(password);
            var newPassword = given ?? CreatePerson.NewTemporaryPassword();
            foreach (var validator in userManager.PasswordValidators)
            {
                var check = await validator.ValidateAsync(userManager, person, newPassword);
                if (!check.Succeeded)
                {
                    throw new CliError(string.Join(" ", check.Errors.Select(e => e.Description)), CliError.Usage);
                }
            }
            person.PasswordHash = userManager.PasswordHasher.HashPassword(person, newPassword);
            person.MustChangePassword = given is null;
            person.LockoutEnd = person.ArchivedAt is null ? null : person.LockoutEnd;
            person.AccessFailedCount = 0;
            person.SecurityStamp = Guid.NewGuid().ToString("N");
            var db = services.GetRequiredService<AppDbContext>();
            db.UserSessions.RemoveRange(db.UserSessions.Where(s => s.PersonId == person.Id));
            await db.SaveChangesAsync(token);
            Console.WriteLine(given is null
                ? $"Temporary password for {person.Email} (they must change it when they sign in): {newPassword}"
                : $"Password changed for {person.Email}.");
            return CliError.Ok;
        }, ct));
        return command;
    }

    private static Command Token()
    {
        var name = new Option<string?>("--name") { Description = "What the token is for (default: \"command line\")" };
        var days = new Option<int>("--days") { Description = "Days until it expires (1–365, default 90)", DefaultValueFactory = _ => 90 };
        var command = new Command("token", "Print a new personal access token for the API (only the token, on standard output)") { Email, name, days };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var validDays = parsed.GetValue(days);
            if (validDays is < 1 or > 365)
            {
                throw new CliError("--days must be between 1 and 365.", CliError.Usage);
            }
            var person = await FindAsync(services, parsed.GetValue(Email)!, token);
            if (person.ArchivedAt is not null)
            {
                throw new CliError($"{person.Email} is archived and cannot have tokens.");
            }
            services.GetRequiredService<TrustScope>().ActAsSystemInTrust(person.TrustId, "command line");
            var issued = await services.GetRequiredService<IssueApiToken>().HandleAsync(person.TrustId, person.Id, parsed.GetValue(name) ?? "command line", validDays, token);
            Console.WriteLine(issued.Token);
            return CliError.Ok;
        }, ct));
        return command;
    }

    private static Command RevokeTokens()
    {
        var command = new Command("revoke-tokens", "Revoke every API token a person has") { Email };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var person = await FindAsync(services, parsed.GetValue(Email)!, token);
            services.GetRequiredService<TrustScope>().ActAsSystemInTrust(person.TrustId, "command line");
            var count = await services.GetRequiredService<IssueApiToken>().RevokeAllAsync(person.Id, token);
            Console.WriteLine($"Revoked {count} token(s) for {person.Email}.");
            return CliError.Ok;
        }, ct));
        return command;
    }

    private static async Task<Person> FindAsync(IServiceProvider services, string email, CancellationToken ct)
    {
        var normalised = email.Trim().ToUpperInvariant();
        return await services.GetRequiredService<AppDbContext>().Users.FirstOrDefaultAsync(p => p.NormalizedEmail == normalised, ct)
            ?? throw new CliError($"No account with the email address {email.Trim()}.");
    }

    private static async Task<(int TrustId, string? Urn)> ResolveScopeAsync(IServiceProvider services, string scope, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (Urns.TryParse(scope, out var urn))
        {
            // A URN is unique within a trust only: the same URN in two trusts is a question the operator must settle.
            var schools = await db.Schools.Where(s => s.Urn == urn).Select(s => s.TrustId).ToListAsync(ct);
            return schools.Count switch
            {
                0 => throw new CliError($"No school with URN {urn}.", CliError.Usage),
                1 => (schools[0], scope.Trim()),
                _ => throw new CliError($"URN {urn} is held by schools in {schools.Count} trusts; add the person at trust scope, then grant the school role from the People page.", CliError.Usage),
            };
        }
        var (trustId, problem) = await Trusts.CreateTrust.FindByNameAsync(db, scope, ct);
        return trustId is int id ? (id, null) : throw new CliError($"--scope must be a trust's name or a school's URN. {problem}", CliError.Usage);
    }

    private static string NameFromEmail(string email) =>
        string.Join(' ', email.Split('@')[0].Split('.', '_', '-').Where(p => p.Length > 0)
            .Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
