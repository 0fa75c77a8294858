using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Access;

/// <summary>
/// "A JSON API for everything the pages do": every feature folder with Razor pages maps at least one /api endpoint of
/// its own (found by the namespace of the endpoint's handler), unless it is on the short list below with its reason.
/// A new page family without an API fails this test.
/// </summary>
public sealed partial class EveryPageFamilyHasAnApi(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Page families with nothing for an API client to read or do.</summary>
    private static readonly Dictionary<string, string> WithoutApi = new()
    {
        ["Errors"] = "The error page only says that something went wrong.",
        ["Setup"] = "The first-run page is for the person holding the console's setup code; scripts run `stepwise setup`, and trusts are created on /api/trusts.",
    };

    private const string Features = "Stepwise.Features.";

    [Fact]
    public void Every_feature_with_pages_maps_an_api_endpoint()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = endpoints.Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>()
            .GroupBy(p => p.ViewEnginePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0])
            .ToDictionary(g => g.Key, g => g.Select(p => p.ViewEnginePath).Order().ToList());
        var apis = endpoints
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith("/api/", StringComparison.Ordinal))
            .Select(e => e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Namespace)
            .Where(n => n is not null && n.StartsWith(Features, StringComparison.Ordinal))
            .Select(n => n![Features.Length..].Split('.')[0])
            .ToHashSet();
        Assert.True(pages.Count > 15 && apis.Count > 15, $"Found {pages.Count} page families and {apis.Count} features with an API: the enumeration is broken.");

        var missing = pages.Keys.Where(f => !apis.Contains(f) && !WithoutApi.ContainsKey(f)).Order().ToList();
        Assert.True(missing.Count == 0, "Page families with no JSON API: " + string.Join("; ", missing.Select(f => $"{f} ({string.Join(", ", pages[f])})")));

        // The exceptions stay true: each still has pages and still has no API.
        Assert.All(WithoutApi.Keys, f => Assert.True(pages.ContainsKey(f) && !apis.Contains(f), $"{f} is listed as a page family without an API: take it off the list."));
    }

    [Fact]
    public async Task Every_api_endpoint_is_in_the_openapi_description_with_a_summary()
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key.ToUpperInvariant(), Summary: (string?)o.Value!["summary"])))
            .ToList();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Path: "/" + Constraint().Replace(e.RoutePattern.RawText!.Trim('/'), "}"), Method: m)))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count > 50, $"Only {endpoints.Count} API endpoints found: the enumeration is broken.");
        var missing = endpoints.Where(e => !operations.Any(o => o.Path == e.Path && o.Method == e.Method)).Select(e => $"{e.Method} {e.Path}").ToList();
        Assert.True(missing.Count == 0, "Not in /openapi/v1.json: " + string.Join(", ", missing));
        var unsummarised = operations.Where(o => string.IsNullOrWhiteSpace(o.Summary)).Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(unsummarised.Count == 0, "API endpoints without a summary: " + string.Join(", ", unsummarised));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@":[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex Constraint();
}
