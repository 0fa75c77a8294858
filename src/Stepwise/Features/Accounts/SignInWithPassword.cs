using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>
/// Signing in with an email address and password. An account that does not exist answers exactly as one that does:
/// the same message, the same password-hashing work, and "locked" after as many failures; an account whose access
/// has ended says so only to someone who knows its password. Every attempt is in the audit log, without the password;
/// an unknown address only as a fingerprint (<see cref="SignInLog"/>).
/// </summary>
public sealed class SignInWithPassword(SignInManager<Person> signIn, IPasswordHasher<Person> hasher, TrustScope scope, SignInLog log)
{
    public enum Result { SignedIn, NeedsCode, Refused, LockedOut, AccessEnded }

    /// <summary>A hash of a random password, made once with the same settings as real ones, to check unknown accounts against.</summary>
    private static string? _decoy;

    public async Task<Result> HandleAsync(string email, string password)
    {
        // Before sign-in no trust is known: recording failed attempts and lockout is done as the system.
        scope.ActAsSystem("sign-in");
        var person = await signIn.UserManager.FindByEmailAsync(email);
        if (person is null)
        {
            SpendDecoyWork(password);
            return await log.UnknownAccountAsync(email) ? Result.LockedOut : Result.Refused;
        }
        if (await signIn.UserManager.IsLockedOutAsync(person))
        {
            SpendDecoyWork(password);
            await log.RecordAsync(person, SignInLog.Refused, "The account is locked.");
            return Result.LockedOut;
        }
        if (!await signIn.CanSignInAsync(person))
        {
            // The password is checked all the same: only someone who knows it learns that access has ended.
            var right = hasher.VerifyHashedPassword(person, person.PasswordHash ?? DecoyHash(), password) != PasswordVerificationResult.Failed;
            await log.RecordAsync(person, right ? SignInLog.Refused : SignInLog.Failed, right ? "Access has ended or the account is archived." : "Wrong password; access has ended.");
            return right ? Result.AccessEnded : Result.Refused;
        }
        var result = await signIn.PasswordSignInAsync(person, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await log.RecordAsync(person, SignInLog.SignedIn, "With a password.");
            return Result.SignedIn;
        }
        if (result.RequiresTwoFactor)
        {
            await log.RecordAsync(person, SignInLog.PasswordAccepted, "Password right; a code from the authenticator app is needed.");
            return Result.NeedsCode;
        }
        if (result.IsLockedOut)
        {
            await log.RecordAsync(person, SignInLog.LockedOut, "Wrong password; the account is locked for 15 minutes.");
            return Result.LockedOut;
        }
        await log.RecordAsync(person, SignInLog.Failed, $"Wrong password ({await signIn.UserManager.GetAccessFailedCountAsync(person)} in a row).");
        return Result.Refused;
    }

    private void SpendDecoyWork(string password) =>
        hasher.VerifyHashedPassword(null!, DecoyHash(), password);

    private string DecoyHash() =>
        _decoy ??= hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
}

/// <summary>
/// Sign-ins, failures, lockouts and sign-outs in the audit log. A known account's entries belong to its trust; an
/// address with no account is recorded as a fingerprint (SHA-256, not the address: people type passwords into the
/// wrong box), in no trust's log, and counts towards the same lockout a real account would get.
/// </summary>
public sealed class SignInLog(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity)
{
    public const string SignedIn = "Signed in";
    public const string PasswordAccepted = "Password accepted";
    public const string Failed = "Sign-in failed";
    public const string LockedOut = "Locked out";
    public const string Refused = "Sign-in refused";
    public const string SignedOut = "Signed out";

    public async Task RecordAsync(Person person, string action, string summary)
    {
        db.AuditEntries.Add(new Audit.AuditEntry
        {
            TrustId = person.TrustId,
            At = clock.UtcNow(),
            PersonId = person.Id,
            Actor = person.Email ?? $"person {person.Id}",
            Action = action,
            Entity = nameof(Person),
            EntityKey = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Summary = summary,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Records a failure for an address with no account; true if it is now "locked", as a real account would be.</summary>
    public async Task<bool> UnknownAccountAsync(string email)
    {
        var key = "unknown " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())))[..32];
        var lockout = identity.Value.Lockout;
        var since = clock.UtcNow() - lockout.DefaultLockoutTimeSpan;
        var earlier = await db.AuditEntries.IgnoreQueryFilters()
            .CountAsync(a => a.TrustId == 0 && a.EntityKey == key && a.Action == Failed && a.At > since);
        db.AuditEntries.Add(new Audit.AuditEntry
        {
            TrustId = 0,
            At = clock.UtcNow(),
            Actor = "no such account",
            Action = Failed,
            Entity = "Sign-in",
            EntityKey = key,
            Summary = "No account has this email address (the address is kept only as a fingerprint).",
        });
        await db.SaveChangesAsync();
        return earlier + 1 >= lockout.MaxFailedAccessAttempts;
    }
}
