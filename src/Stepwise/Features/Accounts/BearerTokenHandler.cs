using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>Authenticates API calls that carry <c>Authorization: Bearer sw_…</c>, a personal access token.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(ApiToken.Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The bearer token is not a Stepwise personal access token.");
        }
        var hash = ApiToken.HashOf(token);
        var now = clock.UtcNow();
        // Before authentication no trust is known yet, so this lookup is by the token's hash alone.
        var found = await db.ApiTokens.IgnoreQueryFilters()
            .Where(t => t.Hash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(db.Users.IgnoreQueryFilters(), t => t.PersonId, p => p.Id, (t, p) => new { p.Id, p.TrustId, p.Email, p.DisplayName, p.ArchivedAt })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.ArchivedAt is not null || !await db.MaySignInAsync(found.Id, clock.Today(), Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, found.DisplayName),
            new Claim(ClaimTypes.Email, found.Email ?? ""),
            new Claim(AccessFeature.TrustClaim, found.TrustId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
