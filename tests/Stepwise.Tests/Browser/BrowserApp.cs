using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Browser;

/// <summary>
/// The app on real Kestrel (a random loopback port) and Debian's Chromium driven by Playwright, when
/// STEPWISE_TEST_BROWSER names the browser. Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserApp : StepwiseApp
{
    private static readonly string? ChromiumPath = Environment.GetEnvironmentVariable("STEPWISE_TEST_BROWSER");
    private IPlaywright? _playwright;

    public BrowserApp() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public override string? UnavailableReason =>
        string.IsNullOrWhiteSpace(ChromiumPath) || !File.Exists(ChromiumPath)
            ? "Browser tests skipped: set STEPWISE_TEST_BROWSER to Chromium's path, e.g. /usr/bin/chromium (bash .ci/run does)."
            : null;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override async Task StartedAsync()
    {
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        // CI's two cores run these journeys alongside the import tests (a 400,000-row kill test among them): a page from
        // a busy server can take longer than Playwright's 30 s default. A page that never comes still fails, later.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
