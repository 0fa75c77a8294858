using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Stepwise.Data;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>Identity's sign-in, refusing anyone archived or whose every role has ended (see <see cref="SignInAllowed"/>).</summary>
public sealed class StepwiseSignInManager(
    UserManager<Person> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Person> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Person>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Person> confirmation,
    AppDbContext db,
    TimeProvider clock)
    : SignInManager<Person>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Person user) =>
        await base.CanSignInAsync(user) && await db.MaySignInAsync(user.Id, clock.Today());
}
