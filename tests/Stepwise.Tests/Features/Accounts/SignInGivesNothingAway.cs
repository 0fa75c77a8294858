using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stepwise.Features.People;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Accounts;

/// <summary>Signing in: what an unknown address learns, what the audit log keeps, and when access has ended.</summary>
public sealed class SignInGivesNothingAway(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>
    /// Issue 17 defect 13: real and unknown accounts answered sign-in differently (a real one said "locked" after five
    /// failures, an unknown one never did). Attempt by attempt, both now answer the same.
    /// </summary>
    [Fact]
    public async Task An_address_with_no_account_is_answered_as_a_real_account_is_through_a_lockout()
    {
        var real = new List<string>();
        var unknown = new List<string>();
        var client = app.Anonymous();
        for (var i = 0; i < 7; i++)
        {
            real.Add(string.Join(" | ", (await (await client.SubmitSignInAsync(World.NorthDataManager, "wrong password " + i)).ReadPageAsync()).Errors()));
            unknown.Add(string.Join(" | ", (await (await client.SubmitSignInAsync("nobody@northstar.example", "wrong password " + i)).ReadPageAsync()).Errors()));
        }
        Assert.Contains(real, e => e.Contains("locked", StringComparison.Ordinal));
        Assert.Equal(real, unknown);
    }

    /// <summary>
    /// Issue 17 defect 13: an unknown account answered in 6 ms against 123 ms, because no password was hashed. Now an
    /// unknown address costs exactly the same password-hash work as a real one.
    /// </summary>
    [Fact]
    public async Task An_address_with_no_account_costs_the_same_password_hashing_as_a_real_one()
    {
        var counting = new CountingHasher();
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<Person>>(sp => counting.Around(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()))));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await client.SubmitSignInAsync(World.PrimaryTeacher, "not the password");
        var real = counting.Verified;
        await client.SubmitSignInAsync("nobody-at-all@northstar.example", "not the password");
        var unknown = counting.Verified - real;
        Assert.True(real >= 1, "A real account's password was not checked");
        Assert.Equal(real, unknown);
    }

    /// <summary>
    /// Issue 17 defect 13: the audit missed sign-ins, failures, lockouts and sign-outs. They are recorded now, without the
    /// password, and an address with no account only as a fingerprint.
    /// </summary>
    [Fact]
    public async Task Sign_ins_failures_lockouts_and_sign_outs_are_in_the_audit_log_without_passwords()
    {
        const string wrong = "my-secret-guess-123";
        await app.Anonymous().SubmitSignInAsync(World.PrimaryHead, wrong);
        var client = await app.SignInAsync(World.PrimaryHead);
        var home = await client.GetPageAsync("/");
        await client.SubmitAsync(home.Form("form[action='/sign-out']"));
        var locked = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await locked.SubmitSignInAsync(World.HarbourHead, wrong + i);
        }
        await app.Anonymous().SubmitSignInAsync("typed.a.password@nowhere.example", wrong);

        Assert.True(await app.Stored.AuditedAsync(action: "Sign-in failed", actor: World.PrimaryHead));
        Assert.True(await app.Stored.AuditedAsync(action: "Signed in", actor: World.PrimaryHead));
        Assert.True(await app.Stored.AuditedAsync(action: "Signed out", actor: World.PrimaryHead));
        Assert.True(await app.Stored.AuditedAsync(action: "Locked out", actor: World.HarbourHead));
        var entries = await app.Stored.AuditEntriesAsync();
        Assert.Contains(entries, e => e.Action == "Sign-in failed" && e.TrustId == 0 && e.EntityKey.StartsWith("unknown ", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => $"{e.Actor} {e.EntityKey} {e.Summary}".Contains("my-secret-guess", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => $"{e.Actor} {e.EntityKey} {e.Summary}".Contains("typed.a.password", StringComparison.OrdinalIgnoreCase));
        var north = app.World.North.Id;
        Assert.All(entries.Where(e => e.Actor == World.PrimaryHead), e => Assert.Equal(north, e.TrustId));
    }

    /// <summary>
    /// Issue 17 defect 13: an expired reviewer could still sign in and see the trust's people. Once their last day has
    /// passed, signing in says access has ended, and the session and token they already had stop working.
    /// </summary>
    [Fact]
    public async Task A_reviewer_whose_access_has_ended_cannot_sign_in_and_loses_their_session_and_token()
    {
        var session = await app.SignInAsync(World.PrimaryReviewer);
        var token = await app.ClientForAsync(World.PrimaryReviewer);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/account")).StatusCode);

        var reviewer = app.World.Person(World.PrimaryReviewer).Id;
        var yesterday = app.Today.AddDays(-1);
        await app.QueryAsync(db => db.Memberships.Where(m => m.PersonId == reviewer).ExecuteUpdateAsync(m => m.SetProperty(x => x.EndsOn, yesterday)));

        var home = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/sign-in", home.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/account")).StatusCode);

        var again = await (await app.Anonymous().SubmitSignInAsync(World.PrimaryReviewer, World.Password)).ReadPageAsync();
        Assert.Contains(again.Errors(), e => e.Contains("access to Stepwise has ended", StringComparison.Ordinal));
        var guess = await (await app.Anonymous().SubmitSignInAsync(World.PrimaryReviewer, "a wrong guess of a password")).ReadPageAsync();
        Assert.Contains("The email address or password is not right.", guess.Errors());
    }

    /// <summary>Issue 17 defect 13: "aaaaaaaaaaaa" was accepted as a password. It, and common passwords, are refused.</summary>
    [Fact]
    public async Task A_repeated_character_or_common_password_is_refused_when_changing_it_and_when_adding_a_person()
    {
        var client = await app.SignInAsync(World.PrimaryTeacher);
        foreach (var weak in new[] { "aaaaaaaaaaaa", "password1234", "abcdefghijklm", "Password1234!" })
        {
            var page = await client.GetPageAsync("/account/password");
            var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
            {
                ["Input.Current"] = World.Password,
                ["Input.New"] = weak,
                ["Input.Confirm"] = weak,
            }, "/account/password");
            var form = await response.ReadPageAsync();
            Assert.True(form.Errors().Any(), $"\"{weak}\" was accepted as a new password");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var admin = await app.ClientForAsync(World.NorthAdmin);
        var created = await admin.PostJsonAsync("/api/people", new
        {
            email = "weak.password@northstar.example",
            name = "Wendy Weak",
            role = "teacher",
            school = $"{World.NorthPrimaryUrn}",
            password = "aaaaaaaaaaaa",
        });
        var problem = await created.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["password"]);
    }

    private sealed class CountingHasher
    {
        private int _verified;

        public int Verified => _verified;

        public IPasswordHasher<Person> Around(IOptions<PasswordHasherOptions> options) => new Hasher(this, new PasswordHasher<Person>(options));

        private sealed class Hasher(CountingHasher count, PasswordHasher<Person> inner) : IPasswordHasher<Person>
        {
            public string HashPassword(Person user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(Person user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref count._verified);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
