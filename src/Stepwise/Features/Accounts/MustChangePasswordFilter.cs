using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Stepwise.Features.Accounts;

/// <summary>Someone signed in with a temporary password sees only the change-password page until they choose their own.</summary>
internal sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        if (context.HttpContext.User.HasClaim(StepwiseClaimsFactory.MustChangePasswordClaim, "true")
            && !path.StartsWithSegments("/account/password") && !path.StartsWithSegments("/sign-out") && !path.StartsWithSegments("/error"))
        {
            context.Result = new RedirectResult("/account/password");
            return;
        }
        await next();
    }
}
