using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Stepwise.Data;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

public static class AccountsFeature
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>
    /// Managing credentials (personal access tokens, two-factor, the password) needs someone signed in through the
    /// sign-in form, with the session cookie: a token never manages credentials, so a leaked one cannot make itself
    /// a longer-lived twin or lock its owner out.
    /// </summary>
    public const string ManageCredentials = "manage-credentials";
    private const string SmartScheme = "cookie-or-bearer";

    /// <summary>
    /// ASP.NET Core Identity with cookies kept on the server, personal access tokens for the API,
    /// and signed-in-by-default for every page and endpoint.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<Person>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager<StepwiseSignInManager>()
            .AddPasswordValidator<CommonPasswordRule>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StepwiseClaimsFactory>();

        // PBKDF2 with HMAC-SHA512: 210,000 iterations (OWASP's figure), up from Identity's 100,000.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddSingleton<DbTicketStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseDbTicketStore>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "stepwise";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/access-denied";
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ManageCredentials, p => p.RequireAuthenticatedUser().AddRequirements(new SignedInWithTheForm()));

        // Sign-in attempts (POSTs) per client address per minute; lockout protects each account on top of this.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context =>
            {
                if (HttpMethods.IsGet(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("page");
                }
                var limit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Accounts:SignInAttemptsPerMinute", 20);
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
            });
        });

        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.ConfigureFilter(new MustChangePasswordFilter()));
        services.AddScoped<IssueApiToken>();
        services.AddScoped<ChangeOwnPassword>();
        services.AddScoped<SignInWithPassword>();
        services.AddScoped<SignInLog>();
        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
