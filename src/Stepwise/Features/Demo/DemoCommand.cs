using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Data;

namespace Stepwise.Features.Demo;

/// <summary>`stepwise demo`: loads the demo trust into the configured database (once; never deletes anything).</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Load the demo trust into the configured database (does nothing if it is there already)");
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "demo loader", async (services, token) =>
        {
            await DatabaseUpgrade.MigrateAsync(services, token);
            var trust = await services.GetRequiredService<LoadDemoTrust>().HandleAsync(token);
            Print(trust, await services.GetRequiredService<LoadDemoNationalData>().HandleAsync(token));
            return CliError.Ok;
        }, ct));
        return command;
    }

    public static void Print(LoadDemoTrust.Result result, LoadDemoNationalData.Result national)
    {
        PrintLoaded(result, national);
        PrintAccounts();
    }

    /// <summary>What the load did.</summary>
    public static void PrintLoaded(LoadDemoTrust.Result result, LoadDemoNationalData.Result national)
    {
        Console.WriteLine(national.Folder is null
            ? "No shared data folder (../shared/data) was found: the demo has no real schools to be compared with. Import the DfE files with `stepwise import` to benchmark."
            : $"England's reference data for benchmarking: {national.Files} DfE files from {national.Folder} ({national.Imported} newly imported).");
        Console.WriteLine(result.Loaded
            ? $"Loaded the demo trust: {result.TrustName}, {result.Pupils:N0} pupils."
            : $"The demo trust ({result.TrustName}) is already loaded; nothing changed.");
    }

    /// <summary>The demo's accounts, the same every time (so they can be printed before the demo has loaded).</summary>
    public static void PrintAccounts()
    {
        var accounts = LoadDemoTrust.Accounts();
        Console.WriteLine($"Demo accounts (password for all: {LoadDemoTrust.Password}):");
        var width = accounts.Max(a => a.Email.Length);
        foreach (var account in accounts)
        {
            Console.WriteLine($"  {account.Email.PadRight(width)}  {account.Role,-14} {account.Scope}");
        }
    }
}
