using System.Security.Claims;
using Stepwise.Data;

namespace Stepwise.Features.Access;

public static class AccessFeature
{
    /// <summary>The claim that carries the signed-in person's trust id.</summary>
    public const string TrustClaim = "stepwise:trust";

    public static IServiceCollection AddAccess(this IServiceCollection services) => services.AddScoped<AccessControl>();

    /// <summary>After authentication: tell the database which trust and person this request acts for.</summary>
    public static IApplicationBuilder UseTrustScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && int.TryParse(user.FindFirstValue(TrustClaim), out var trustId)
            && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var personId))
        {
            context.RequestServices.GetRequiredService<TrustScope>()
                .ActAsPerson(trustId, personId, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? $"person {personId}");
        }
        await next(context);
    });
}
