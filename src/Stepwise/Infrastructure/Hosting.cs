using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Stepwise.Infrastructure;

/// <summary>
/// Running behind a TLS-terminating proxy, and what every signed-in response carries (ADR 0075):
/// <list type="bullet">
/// <item><c>Hosting:KnownProxies</c> (addresses) and <c>Hosting:KnownNetworks</c> (CIDR ranges): the proxies whose
/// X-Forwarded-For and X-Forwarded-Proto are believed, so the request is seen as HTTPS and the cookie is Secure. None
/// by default: no forwarded header is believed until a proxy is named.</item>
/// <item>HSTS in production (a year), on HTTPS requests.</item>
/// <item><c>Cache-Control: no-store</c> on every response to a signed-in request: pupils' records, exports and
/// people's details are never kept by a browser or a proxy cache.</item>
/// <item>An API request that changes something and is authenticated by the sign-in cookie must come from a page of
/// this site (its Origin, or an antiforgery token); a bearer token is not sent by a browser on its own, so it is not
/// asked.</item>
/// </list>
/// </summary>
public static class Hosting
{
    public static IServiceCollection AddStepwiseHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in configuration.GetSection("Hosting:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }
            foreach (var network in configuration.GetSection("Hosting:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First in the pipeline: the proxy's view of the request (scheme, client address), then HSTS.</summary>
    public static WebApplication UseProxyAndHsts(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection("Hosting:KnownProxies").Get<string[]>() ?? [];
        var networks = app.Configuration.GetSection("Hosting:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length + networks.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }
        return app;
    }

    /// <summary>After authentication: no caching of a signed-in response, and no cross-site API change by cookie.</summary>
    public static WebApplication UseSignedInResponseRules(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
                if (IsCookieApiChange(context) && !await FromThisSiteAsync(context))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await Results.Problem(
                        title: "This request came from another site.",
                        detail: "A change through the API with your sign-in cookie must come from Stepwise's own pages. Programs use a personal access token.",
                        statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    private static bool IsCookieApiChange(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);

    /// <summary>
    /// Same origin by the Origin header a browser sends with every cross-site POST (or by Sec-Fetch-Site), or a valid
    /// antiforgery token. A request with neither header did not come from a browser page of another site.
    /// </summary>
    private static async Task<bool> FromThisSiteAsync(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var sameOrigin = origin.Length > 0
            ? string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
            : site.Length == 0 || site is "same-origin" or "none";
        if (sameOrigin)
        {
            return true;
        }
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context);
    }
}
