using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.People;

namespace Stepwise.Features.Setup;

/// <summary>
/// A database with no trust: how to begin. A server that starts on one prints a one-time setup code and the
/// first-run page's address (as Gitea and Grafana do); the page takes the code once, before it expires.
/// </summary>
public sealed class FirstRun(AppDbContext db, TrustScope scope, TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(24);

    public Task<bool> HasTrustAsync(CancellationToken ct) => db.Trusts.IgnoreQueryFilters().AnyAsync(ct);

    /// <summary>A new setup code, replacing any earlier one, or null if there is a trust already (nothing to set up).</summary>
    public async Task<string?> IssueCodeAsync(CancellationToken ct)
    {
        scope.ActAsSystem("first run");
        if (await HasTrustAsync(ct))
        {
            return null;
        }
        await db.Set<SetupCode>().ExecuteDeleteAsync(ct);
        var code = CreatePerson.NewTemporaryPassword();
        var now = clock.UtcNow();
        db.Set<SetupCode>().Add(new SetupCode { Hash = Invitation.Hash(code), CreatedAt = now, ExpiresAt = now + CodeLifetime });
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>Why this code cannot be used, or null if it can.</summary>
    public async Task<string?> ProblemWithAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "Enter the setup code printed on the console when Stepwise started.";
        }
        var hash = Invitation.Hash(code.ToLowerInvariant());
        var stored = await db.Set<SetupCode>().FirstOrDefaultAsync(c => c.Hash == hash, ct);
        if (stored is null)
        {
            return "That is not the setup code. Copy it from the console where Stepwise started (each start prints a new one).";
        }
        if (stored.UsedAt is not null)
        {
            return "That setup code has already been used.";
        }
        if (stored.ExpiresAt <= clock.UtcNow())
        {
            return "That setup code has expired (a code lasts 24 hours). Restart Stepwise for a new one, or run `stepwise setup` on the server.";
        }
        return null;
    }

    /// <summary>Uses the code up; false if it was used (or expired) meanwhile: of two people racing, one wins.</summary>
    public async Task<bool> ConsumeAsync(string code, CancellationToken ct)
    {
        var hash = Invitation.Hash(code.ToLowerInvariant());
        var now = clock.UtcNow();
        return await db.Set<SetupCode>().Where(c => c.Hash == hash && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct) == 1;
    }

    /// <summary>
    /// Called by `serve` once it listens: on a database with no trust, prints how to begin (the setup code and the
    /// first-run address, or `stepwise setup`). Prints nothing when there is a trust.
    /// </summary>
    public static async Task PrintHowToBeginAsync(IServiceProvider services, IEnumerable<string> addresses, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var code = await scope.ServiceProvider.GetRequiredService<FirstRun>().IssueCodeAsync(ct);
        if (code is null)
        {
            return;
        }
        var address = addresses.FirstOrDefault()?.TrimEnd('/') ?? "http://127.0.0.1:5000";
        Console.WriteLine();
        Console.WriteLine("Stepwise has no trust yet. To begin, either:");
        Console.WriteLine($"  open {address}/setup and enter the setup code {code}");
        Console.WriteLine("  (it works once, for 24 hours; each start prints a new one), or");
        Console.WriteLine("  run `stepwise setup` on this server (add --help for the options scripts use).");
        Console.WriteLine("To try Stepwise with a made-up trust instead, start it with `stepwise serve --demo`.");
        Console.WriteLine();
    }
}
