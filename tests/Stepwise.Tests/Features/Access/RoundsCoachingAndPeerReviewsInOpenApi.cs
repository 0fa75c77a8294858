using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Access;

/// <summary>Issue 20's must-show: the API of rounds, coaching and peer reviews is described in OpenAPI for scripts to use.</summary>
public sealed class RoundsCoachingAndPeerReviewsInOpenApi(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("round")]
    [InlineData("coach")]
    [InlineData("peer")]
    [InlineData("review")]
    [InlineData("language")]
    [InlineData("improvement-model")]
    public async Task The_openapi_description_has_reading_and_writing_paths_for(string part)
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var operations = document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal) && p.Key.Contains(part, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Key.ToUpperInvariant()))
            .ToList();
        Assert.Contains("GET", operations);
        Assert.Contains(operations, m => m is "POST" or "PUT");
    }
}
