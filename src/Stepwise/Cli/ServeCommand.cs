using System.CommandLine;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stepwise.Data;
using Stepwise.Features.Demo;

namespace Stepwise.Cli;

/// <summary>`stepwise serve [--demo] [--data DIR] [--urls URL]`: runs the web app and prints where it is.</summary>
internal static class ServeCommand
{
    private static readonly Option<bool> Demo = new("--demo") { Description = "Load the demo trust (if not loaded already) and print its accounts" };
    private static readonly Option<string?> Urls = new("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5099 (default http://127.0.0.1:5000, from appsettings.json)" };

    public static Command Create(Func<string[], WebApplication> buildWebApp)
    {
        var serve = new Command("serve", "Run the Stepwise web app (the default verb)") { TreatUnmatchedTokensAsErrors = false };
        serve.Options.Add(Demo);
        serve.Options.Add(Urls);
        serve.SetAction(async (parsed, ct) =>
        {
            var args = new List<string>(parsed.UnmatchedTokens);
            if (parsed.GetValue(StepwiseCommandLine.Data) is string data)
            {
                args.Add($"--{DatabaseOptions.Section}:{nameof(DatabaseOptions.DataDirectory)}={data}");
            }
            var urls = parsed.GetValue(Urls);
            if (urls is not null)
            {
                args.Add($"--urls={urls}");
            }

            var app = buildWebApp([.. args]);
            await using var serverLock = HoldServerLock(app);
            var demo = parsed.GetValue(Demo);
            await PrepareDatabaseAsync(app, demo, ct);
            await app.StartAsync(ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"Stepwise is running at {address}");
            }
            if (addresses.Count > 0)
            {
                Console.WriteLine("Press Ctrl+C to stop.");
            }
            // The demo loads behind the running server: the pages say how far it has got (ADR 0080).
            var loading = demo
                ? app.Services.GetRequiredService<DemoLoading>().StartAsync(DemoCommand.PrintLoaded, app.Lifetime.ApplicationStopping)
                : Task.CompletedTask;
            if (!demo)
            {
                await Features.Setup.FirstRun.PrintHowToBeginAsync(app.Services, addresses, ct);
            }
            await app.WaitForShutdownAsync(ct);
            await loading;
            return CliError.Ok;
        });
        return serve;
    }

    /// <summary>While the server runs, `restore` on its SQLite database refuses (see <see cref="ServerLock"/>).</summary>
    private static FileStream? HoldServerLock(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }
        using var scope = app.Services.CreateScope();
        return ServerLock.HoldShared(ServerLock.PathFor(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!));
    }

    private static async Task PrepareDatabaseAsync(WebApplication app, bool demo, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.ShouldMigrateOnStart)
        {
            await DatabaseUpgrade.MigrateAsync(scope.ServiceProvider, ct);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new CliError("The database needs migrating: run `stepwise migrate` first.");
        }
        if (demo)
        {
            // The key that signs cookies and forms is written now, before the demo's long transaction holds the database.
            scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("stepwise.start").Protect("ready");
            DemoCommand.PrintAccounts();
            Console.WriteLine("The demo loads in the background; the pages say how far it has got.");
        }
    }
}
