using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stepwise.Cli;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.People;
using Stepwise.Features.Trusts;

namespace Stepwise.Features.Setup;

/// <summary>
/// `stepwise setup`: creates a trust and its first administrator from the server's shell. In a terminal it asks for
/// what is missing (the password without echo); scripts pass flags, and the password on standard input
/// (`--admin-password-stdin`) or in STEPWISE_ADMIN_PASSWORD. Without any password the administrator gets a one-time
/// invitation link instead, printed.
/// </summary>
public static class SetupCommand
{
    public const string PasswordVariable = "STEPWISE_ADMIN_PASSWORD";

    public static Command Create()
    {
        var trust = new Option<string?>("--trust") { Description = "The trust's name" };
        var group = new Option<string?>("--gias-group") { Description = "Optional: the trust's group UID in Get Information About Schools" };
        var adminName = new Option<string?>("--admin-name") { Description = "The first administrator's full name" };
        var adminEmail = new Option<string?>("--admin-email") { Description = "The first administrator's email address (they sign in with it)" };
        var adminPassword = new Option<string?>("--admin-password") { Description = $"Their password (visible to other users of this machine: prefer --admin-password-stdin or {PasswordVariable})" };
        var passwordStdin = new Option<bool>("--admin-password-stdin") { Description = "Read the password from the first line of standard input" };
        var command = new Command("setup", "Create a trust and its first administrator (the first run, or another trust for a local authority or hosted service)")
        {
            trust, group, adminName, adminEmail, adminPassword, passwordStdin, PublicAddress.Option,
        };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "stepwise setup", async (services, token) =>
        {
            await UpToDateAsync(services, token);
            var interactive = !Console.IsInputRedirected && !parsed.GetValue(passwordStdin);
            var db = services.GetRequiredService<AppDbContext>();
            var existing = await db.Trusts.IgnoreQueryFilters().CountAsync(token);
            if (interactive)
            {
                Console.WriteLine(existing == 0
                    ? "Stepwise has no trust yet. Create yours and its first administrator (you can change the names later)."
                    : $"Stepwise has {existing} trust(s) already: this adds another, with its own first administrator.");
            }
            var password = parsed.GetValue(adminPassword)
                ?? (parsed.GetValue(passwordStdin) ? Console.In.ReadLine() : null)
                ?? Environment.GetEnvironmentVariable(PasswordVariable);
            var input = new NewTrustInput
            {
                Name = parsed.GetValue(trust) ?? Ask(interactive, "Trust's name"),
                GiasGroupUid = parsed.GetValue(group) ?? (interactive && parsed.GetValue(trust) is null ? Ask(interactive, "GIAS group UID (optional, Enter to skip)") : null),
                AdminName = parsed.GetValue(adminName) ?? Ask(interactive, "Your full name"),
                AdminEmail = parsed.GetValue(adminEmail) ?? Ask(interactive, "Your email address"),
                AdminPassword = string.IsNullOrEmpty(password) ? (interactive ? AskPassword() : null) : password,
            };
            var outcome = await services.GetRequiredService<CreateTrust>().HandleAsync(input, token);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                throw new CliError(string.Join(" ", outcome.Errors.SelectMany(e => e.Value.Select(m => $"{Flag(e.Key)}: {m}"))), CliError.Usage);
            }
            var created = outcome.Value!;
            var address = PublicAddress.Of(parsed, services).TrimEnd('/');
            Console.WriteLine($"Created the trust \"{created.Name}\" with {created.AdministratorEmail} as its trust administrator.");
            if (created.InvitationLink is string path)
            {
                Console.WriteLine($"Give them this link to choose their password (it works once, until {created.InvitationExpiresAt:yyyy-MM-dd HH:mm} UTC):");
                Console.WriteLine(address + path);
            }
            else
            {
                Console.WriteLine($"Sign in at {address}/sign-in (start the server with `stepwise serve`).");
            }
            Console.WriteLine("Next: import the national register (`stepwise import register FILE`), add schools by URN "
                + $"(`stepwise schools add --urn URN --trust \"{created.Name}\"`) and invite people (`stepwise users invite`).");
            return CliError.Ok;
        }, ct));
        return command;
    }

    /// <summary>As `serve` does: SQLite is brought up to date; PostgreSQL must be migrated first.</summary>
    private static async Task UpToDateAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShouldMigrateOnStart)
        {
            await DatabaseUpgrade.MigrateAsync(services, ct);
        }
        else if ((await services.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new CliError("The database needs migrating: run `stepwise migrate` first.");
        }
    }

    private static string Flag(string field) => field switch
    {
        "name" => "--trust",
        "giasGroupUid" => "--gias-group",
        "adminName" => "--admin-name",
        "adminEmail" => "--admin-email",
        "adminPassword" => "--admin-password",
        _ => field,
    };

    private static string? Ask(bool interactive, string prompt)
    {
        if (!interactive)
        {
            return null;
        }
        Console.Write($"{prompt}: ");
        return Console.ReadLine();
    }

    /// <summary>A password typed twice without echo; empty means "send an invitation link instead".</summary>
    private static string? AskPassword()
    {
        while (true)
        {
            var first = ReadHidden("Your password (at least 12 characters; Enter for an invitation link instead): ");
            if (first.Length == 0)
            {
                return null;
            }
            if (ReadHidden("The same password again: ") == first)
            {
                return first;
            }
            Console.WriteLine("The two passwords do not match. Try again.");
        }
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
                continue;
            }
            if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
