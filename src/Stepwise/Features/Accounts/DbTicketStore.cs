using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>
/// Keeps sign-in sessions in the database, so the cookie holds only a random session id, signing out ends the
/// session on the server, and any web node can serve any request.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await WithDbAsync(async db =>
        {
            db.UserSessions.Add(new UserSession
            {
                Id = key,
                TrustId = ClaimInt(ticket, AccessFeature.TrustClaim),
                PersonId = ClaimInt(ticket, ClaimTypes.NameIdentifier),
                Ticket = TicketSerializer.Default.Serialize(ticket),
                CreatedAt = clock.UtcNow(),
                ExpiresAt = Expiry(ticket),
            });
            await db.SaveChangesAsync();
        });
        return key;
    }

    /// <summary>
    /// Called on sliding renewal, and by a sign-in within a signed-in request (after a password change the
    /// other sessions are deleted and this one is signed in afresh under the same key), so it writes the row
    /// whether or not it is still there.
    /// </summary>
    public Task RenewAsync(string key, AuthenticationTicket ticket) => WithDbAsync(async db =>
    {
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == key);
        if (session is null)
        {
            db.UserSessions.Add(session = new UserSession
            {
                Id = key,
                TrustId = ClaimInt(ticket, AccessFeature.TrustClaim),
                PersonId = ClaimInt(ticket, ClaimTypes.NameIdentifier),
                Ticket = [],
                CreatedAt = clock.UtcNow(),
            });
        }
        session.Ticket = TicketSerializer.Default.Serialize(ticket);
        session.ExpiresAt = Expiry(ticket);
        await db.SaveChangesAsync();
    });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        AuthenticationTicket? ticket = null;
        await WithDbAsync(async db =>
        {
            var now = clock.UtcNow();
            var session = await db.UserSessions.Where(s => s.Id == key && s.ExpiresAt > now).Select(s => new { s.Ticket, s.PersonId }).FirstOrDefaultAsync();
            if (session is null)
            {
                return;
            }
            // Access that has ended (a reviewer's last day has passed, the person is archived) ends the session too.
            if (!await db.MaySignInAsync(session.PersonId, clock.Today()))
            {
                await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
                return;
            }
            ticket = TicketSerializer.Default.Deserialize(session.Ticket);
        });
        return ticket;
    }

    public Task RemoveAsync(string key) =>
        WithDbAsync(db => db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync());

    private async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("sign-in");
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private DateTime Expiry(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? clock.UtcNow().AddHours(8);

    private static int ClaimInt(AuthenticationTicket ticket, string type) =>
        int.Parse(ticket.Principal.FindFirstValue(type) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Points the Identity cookie at <see cref="DbTicketStore"/>.</summary>
internal sealed class UseDbTicketStore(DbTicketStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
        }
    }
}
