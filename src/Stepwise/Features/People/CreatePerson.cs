using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.People;

/// <summary>
/// Adds a person with their first role. Invited, they get a one-time link to choose their own password; otherwise,
/// unless a password is given, a temporary one, shown once, which they must change when they first sign in.
/// </summary>
public sealed class CreatePerson(AppDbContext db, UserManager<Person> users, GrantRole grantRole, PeopleQueries people, Invitations invitations, TimeProvider clock)
{
    public async Task<Outcome<CreatedPerson>> HandleAsync(PersonInput input, int trustId, CancellationToken ct)
    {
        var problems = new Problems();
        var email = Text.Clean(input.Email);
        await ValidateEmailAsync(email, existingId: null, problems, db, ct);
        problems.Require("name", input.Name, "person's name", 120).Optional("jobTitle", input.JobTitle, "job title", 120);
        if (input.Invite && input.Password is not null)
        {
            problems.Add("password", "Give a password or send an invitation, not both.");
        }
        else if (input.Password is { } given && given.Length < 12)
        {
            problems.Add("password", "The password must be at least 12 characters.");
        }
        var membership = await grantRole.ValidateAsync(input.Membership, problems, ct);
        if (problems.Any)
        {
            return Outcome<CreatedPerson>.Invalid(problems);
        }
        if (membership is null)
        {
            return Outcome<CreatedPerson>.Forbidden();
        }

        var temporary = input.Password is null && !input.Invite ? NewTemporaryPassword() : null;
        var person = new Person
        {
            TrustId = trustId,
            Email = email,
            UserName = email,
            DisplayName = input.Name!.Trim(),
            JobTitle = Text.Clean(input.JobTitle),
            EmailConfirmed = true,
            LockoutEnabled = true,
            MustChangePassword = temporary is not null,
            CreatedAt = clock.UtcNow(),
        };
        membership.TrustId = trustId;
        person.Memberships.Add(membership);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = input.Invite ? await users.CreateAsync(person) : await users.CreateAsync(person, input.Password ?? temporary!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                problems.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
            }
            return Outcome<CreatedPerson>.Invalid(problems);
        }
        var invitation = input.Invite ? await invitations.IssueAsync(person, ct) : null;
        await transaction.CommitAsync(ct);
        var summary = (await people.SummariseAsync([person], ct))[0];
        return Outcome<CreatedPerson>.Ok(new CreatedPerson(summary, temporary, invitation?.Path, invitation?.ExpiresAt));
    }

    internal static async Task ValidateEmailAsync(string? email, int? existingId, Problems problems, AppDbContext db, CancellationToken ct)
    {
        if (email is null)
        {
            problems.Add("email", "Enter their email address.");
            return;
        }
        if (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            problems.Add("email", $"\"{email}\" is not an email address, like name@school.org.uk.");
            return;
        }
        var normalised = email.ToUpperInvariant();
        if (await db.Users.IgnoreQueryFilters().AnyAsync(p => p.NormalizedEmail == normalised && p.Id != existingId, ct))
        {
            problems.Add("email", $"{email} already has an account.");
        }
    }

    /// <summary>Four groups of four letters and digits (no look-alikes): about 80 bits.</summary>
    public static string NewTemporaryPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = new char[19];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 5 == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return new string(chars);
    }
}
