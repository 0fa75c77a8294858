using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.SchoolData;

/// <summary>A file above the configured upload limit is refused with a message that names the limit and what to do.</summary>
public sealed class UploadLimit(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_file_above_the_limit_is_refused_with_a_message_naming_the_limit()
    {
        await using var small = app.WithWebHostBuilder(b => b.UseSetting("Imports:MaxUploadMegabytes", "1"));
        var client = small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(World.NorthDataManager));

        var response = await client.PostAsync($"/api/schools/{World.NorthPrimaryUrn}/imports/pupils", new ByteArrayContent(new byte[2 * 1024 * 1024]));
        var problem = await response.ReadJsonAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than the 1 MB upload limit", (string)problem["detail"]!);

        var page = await client.PostAsync($"/schools/{World.NorthPrimaryUrn}/imports", new ByteArrayContent(new byte[2 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("larger than the 1 MB upload limit", await page.Content.ReadAsStringAsync());
    }
}
