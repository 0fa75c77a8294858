using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Stepwise.Tests.Features.Access;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Accounts;

/// <summary>What every signed-in response carries, cross-site API requests, and running behind a TLS-terminating proxy.</summary>
public sealed class SignedInResponsesAndProxies(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>
    /// Issue 17 defect 13: pupil API responses and CSV exports were cacheable. Every response to a signed-in request
    /// now says <c>Cache-Control: no-store</c>, by token and by cookie.
    /// </summary>
    [Fact]
    public async Task Pupil_records_and_csv_exports_are_never_cached()
    {
        var loop = await ImprovementLoopRecords.SeedAsync(app);
        var token = await app.ClientForAsync(World.PrimaryHead);
        var cookie = await app.SignInAsync(World.PrimaryHead);
        foreach (var (client, url) in new[]
        {
            (token, $"/api/schools/{World.NorthPrimaryUrn}/pupils"),
            (token, $"/api/pupils/{app.World.PupilKeys[World.NorthPrimaryUrn][0]}"),
            (cookie, $"/schools/{World.NorthPrimaryUrn}/pupils"),
            (cookie, $"/plans/{loop.NorthPrimary.PlanId}/export"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"GET {url} may be cached: Cache-Control {response.Headers.CacheControl}");
        }
    }

    /// <summary>
    /// Issue 17 defect 13: the import API accepted a cookie-authenticated request with a form body, no antiforgery token
    /// and a foreign Origin. Such a request is refused; the same from this site's own pages, or with a token, is not.
    /// </summary>
    [Fact]
    public async Task A_cookie_authenticated_api_change_from_another_site_is_refused()
    {
        var cookie = await app.SignInAsync(World.NorthAdmin);
        var url = $"/api/schools/{World.NorthPrimaryUrn}/imports/pupils";
        var foreign = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UPN,Surname"] = "A123456789012,Smuggled" }),
        };
        foreign.Headers.Add("Origin", "https://evil.example");
        var refused = await cookie.SendAsync(foreign);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("another site", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var units = $"/api/schools/{World.NorthPrimaryUrn}/units";
        var crossSite = new HttpRequestMessage(HttpMethod.Post, units) { Content = JsonContent.Create(new { name = "Cross-site unit", kind = "area" }) };
        crossSite.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await cookie.SendAsync(crossSite)).StatusCode);

        var sameSite = new HttpRequestMessage(HttpMethod.Post, units) { Content = JsonContent.Create(new { name = "Same-site unit", kind = "area" }) };
        sameSite.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.Created, (await cookie.SendAsync(sameSite)).StatusCode);

        var token = await app.ClientForAsync(World.NorthAdmin);
        var program = new HttpRequestMessage(HttpMethod.Post, units) { Content = JsonContent.Create(new { name = "Unit made by a program", kind = "area" }) };
        program.Headers.Add("Origin", "https://reports.example");
        Assert.Equal(HttpStatusCode.Created, (await token.SendAsync(program)).StatusCode);
    }

    /// <summary>
    /// Issue 17 defect 13: behind a TLS-terminating proxy the cookie was not Secure and there was no HSTS. With the
    /// proxy named in Hosting:KnownProxies, its X-Forwarded-Proto makes the request HTTPS: the cookie is Secure and
    /// production sends HSTS. A proxy not named is not believed.
    /// </summary>
    [Fact]
    public async Task Behind_a_named_proxy_the_sign_in_cookie_is_secure_and_hsts_is_sent()
    {
        await using var proxied = app.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Hosting:KnownProxies:0", "10.0.0.5"));
        var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://stepwise.example") });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var signIn = await SignInWithoutCookiesAsync(client);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("stepwise=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(signIn.Headers.Contains("Strict-Transport-Security"), "No HSTS header on an HTTPS response in production");

        var direct = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        direct.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var plain = await SignInWithoutCookiesAsync(direct);
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("stepwise=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The sign-in form posted by hand, carrying the antiforgery cookie across (the client keeps no cookies).</summary>
    private static async Task<HttpResponseMessage> SignInWithoutCookiesAsync(HttpClient client)
    {
        var get = await client.GetAsync("/sign-in");
        var page = await get.ReadPageAsync();
        var antiforgery = get.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value,
                ["Input.Email"] = World.PrimaryTeacher,
                ["Input.Password"] = World.Password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(post);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in answered {(int)response.StatusCode}");
        return response;
    }
}
