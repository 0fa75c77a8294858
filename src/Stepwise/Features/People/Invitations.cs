using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.People;

/// <summary>An invitation as issued: the link's path (with the token, shown once) and when it stops working.</summary>
public sealed record IssuedInvitation(string Path, DateTime ExpiresAt)
{
    /// <summary>The whole link, on the address people use to reach Stepwise.</summary>
    public string On(string baseAddress) => baseAddress.TrimEnd('/') + Path;
}

/// <summary>What opening an invitation link shows: whom it is for, or why it is refused.</summary>
public sealed record OpenedInvitation(string? Name, string? Email, string? Refusal, bool Gone);

/// <summary>
/// Issues one-time invitation links, and lets the person who opens one choose a password (the password policy
/// applies) and sign in. A link works once, for <see cref="Lifetime"/>; a new link for the same person ends the old.
/// </summary>
public sealed class Invitations(AppDbContext db, UserManager<Person> users, TrustScope scope, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public async Task<IssuedInvitation> IssueAsync(Person person, CancellationToken ct)
    {
        var now = clock.UtcNow();
        await db.Set<Invitation>().Where(i => i.PersonId == person.Id && i.UsedAt == null).ExecuteDeleteAsync(ct);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation { TrustId = person.TrustId, PersonId = person.Id, TokenHash = Invitation.Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime };
        db.Set<Invitation>().Add(invitation);
        await db.SaveChangesAsync(ct);
        return new IssuedInvitation($"/invitations/{token}", invitation.ExpiresAt);
    }

    public async Task<OpenedInvitation> OpenAsync(string token, CancellationToken ct)
    {
        var (invitation, person, refusal, gone) = await FindAsync(token, ct);
        return refusal is not null ? new OpenedInvitation(null, null, refusal, gone) : new OpenedInvitation(person!.DisplayName, person.Email, null, false);
    }

    /// <summary>Sets the person's password and uses up the link; the person to sign in, or the problems.</summary>
    public async Task<Outcome<Person>> AcceptAsync(string token, string? password, string? confirm, CancellationToken ct)
    {
        var (invitation, person, refusal, _) = await FindAsync(token, ct);
        if (refusal is not null)
        {
            return Outcome<Person>.Invalid(new Problems().Add("", refusal));
        }
        var problems = new Problems();
        if (string.IsNullOrEmpty(password))
        {
            problems.Add("password", "Choose a password.");
        }
        else if (password != confirm)
        {
            problems.Add("confirm", "The two passwords do not match.");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, person!, password);
                foreach (var error in check.Errors)
                {
                    problems.Add("password", error.Description);
                }
            }
        }
        if (problems.Any)
        {
            return Outcome<Person>.Invalid(problems);
        }
        scope.ActAsSystemInTrust(person!.TrustId, person.Email ?? $"person {person.Id}");
        var now = clock.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Used once: of two people racing with the same link, only one sets the password.
        var claimed = await db.Set<Invitation>().Where(i => i.Id == invitation!.Id && i.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), ct);
        if (claimed != 1)
        {
            return Outcome<Person>.Invalid(new Problems().Add("", UsedMessage));
        }
        person.PasswordHash = users.PasswordHasher.HashPassword(person, password!);
        person.SecurityStamp = Guid.NewGuid().ToString("N");
        person.MustChangePassword = false;
        person.AccessFailedCount = 0;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Person>.Ok(person);
    }

    private const string UsedMessage = "This invitation link has already been used. Sign in with the password you chose, or ask your administrator for a new link.";

    private async Task<(Invitation? Invitation, Person? Person, string? Refusal, bool Gone)> FindAsync(string token, CancellationToken ct)
    {
        // Before anyone is signed in no trust is known: the link is looked up as the system, by its hash alone.
        scope.ActAsSystem("invitation link");
        var hash = Invitation.Hash(token ?? "");
        var invitation = await db.Set<Invitation>().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        var person = invitation is null ? null : await db.Users.FirstOrDefaultAsync(p => p.Id == invitation.PersonId, ct);
        if (invitation is null || person is null)
        {
            return (null, null, "This invitation link is not known. Check you copied all of it, or ask your administrator for a new one.", false);
        }
        if (invitation.UsedAt is not null)
        {
            return (invitation, person, UsedMessage, true);
        }
        if (invitation.ExpiresAt <= clock.UtcNow())
        {
            return (invitation, person, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"This invitation link expired on {invitation.ExpiresAt:d MMMM yyyy} at {invitation.ExpiresAt:HH:mm} UTC. Ask your administrator for a new one."), true);
        }
        if (person.ArchivedAt is not null || !await db.MaySignInAsync(person.Id, clock.Today(), ct))
        {
            return (invitation, person, "The account this link was for no longer has access to Stepwise. Ask your administrator.", true);
        }
        return (invitation, person, null, false);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
