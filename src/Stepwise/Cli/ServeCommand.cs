using System.CommandLine;
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
            await PrepareDatabaseAsync(app, parsed.GetValue(Demo), ct);
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
            await Features.Setup.FirstRun.PrintHowToBeginAsync(app.Services, addresses, ct);
            await app.WaitForShutdownAsync(ct);
            return CliError.Ok;
        });
        return serve;
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
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("demo loader");
            var result = await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(ct);
            DemoCommand.Print(result, await scope.ServiceProvider.GetRequiredService<LoadDemoNationalData>().HandleAsync(ct));
        }
    }
}
