using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Metrics;
using Stepwise.Tests.Browser;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Metrics;

/// <summary>
/// A metric page whose chart marks cycles with links passes axe: the links stand beside the chart's image, not inside
/// it (an image's links reach neither keyboard nor screen reader), and the cycles are listed under the chart.
/// </summary>
public sealed class AnnotatedMetricPageInTheBrowser(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Urn = World.NorthPrimaryUrn;

    [Fact]
    public async Task A_metric_page_with_its_cycles_marked_on_the_chart_has_no_serious_accessibility_problem()
    {
        app.EnsureAvailable();
        var manager = await app.ClientForAsync(World.NorthDataManager);
        manager.BaseAddress = new Uri(app.BaseUrl);
        foreach (var kind in new[] { "pupils", "attendance" })
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs", "examples", $"{kind}.csv")));
            Assert.True((await manager.PostAsync($"/api/schools/{Urn}/imports/{kind}?fileName={kind}.csv", content)).IsSuccessStatusCode);
        }
        // The page as a server with a source of cycles draws it; shown in the browser on the app's own origin, with its styles.
        var cycles = new CyclesOfAbsence(await app.Stored.SchoolIdAsync(Urn));
        await using var server = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMetricAnnotations>(cycles)));
        var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address)
        {
            client.BaseAddress = new Uri(address);   // on Kestrel as the browser's app is
        }
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenForAsync(World.PrimaryGovernor));
        var html = await client.GetStringAsync($"/schools/{Urn}/metrics/{CyclesOfAbsence.AbsenceKey}");
        Assert.Contains("/enquiries/7#cycle-2", html, StringComparison.Ordinal);

        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.SetContentAsync(html);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("metric-chart-annotated");
        Assert.Equal(4, await page.Locator("ul[aria-labelledby=marked] li").CountAsync());
        Assert.Equal(2, await page.Locator("figure.chart svg > a").CountAsync());   // "PDSA 2: adopt" has no link, "Team formed" is not drawn
    }
}
