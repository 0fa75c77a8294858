using System.Net;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Errors;

/// <summary>What a person sees when something is not there.</summary>
public sealed class FriendlyErrorPages(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_unknown_address_shows_the_friendly_not_found_page()
    {
        var client = await app.ClientForAsync(World.PrimaryHead);
        var page = await client.GetPageAsync("/no/such/page", HttpStatusCode.NotFound);
        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task The_error_page_opened_at_its_own_address_renders_and_says_nothing_has_gone_wrong()
    {
        var page = await app.Anonymous().GetPageAsync("/error");
        Assert.Equal("Nothing has gone wrong", page.Text("h1"));
    }
}
