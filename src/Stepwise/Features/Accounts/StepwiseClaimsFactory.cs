using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Stepwise.Features.Access;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>Adds the person's trust, display name and any pending password change to their sign-in.</summary>
public sealed class StepwiseClaimsFactory(UserManager<Person> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Person>(users, options)
{
    public const string MustChangePasswordClaim = "stepwise:must-change-password";
    public const string DisplayNameClaim = "stepwise:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessFeature.TrustClaim, user.TrustId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }
        return identity;
    }
}
