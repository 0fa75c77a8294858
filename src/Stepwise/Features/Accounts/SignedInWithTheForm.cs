using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Stepwise.Features.Accounts;

/// <summary>
/// The requirement of <see cref="AccountsFeature.ManageCredentials"/>: the request is signed in by the session cookie
/// the sign-in form gives (password, and a code when two-factor is on), not by a personal access token.
/// </summary>
public sealed class SignedInWithTheForm : AuthorizationHandler<SignedInWithTheForm>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInWithTheForm requirement)
    {
        if (context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
