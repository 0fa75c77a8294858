using System.CommandLine;
using Stepwise.Data;
using Stepwise.Features.Analysis;
using Stepwise.Features.Benchmarking;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Demo;
using Stepwise.Features.People;

namespace Stepwise.Cli;

/// <summary>
/// The `stepwise` command line: serve (the default), migrate, demo, users, backup and restore.
/// Exit codes: 0 ok, 1 failed, 2 bad usage; errors are one line on standard error.
/// </summary>
public static class StepwiseCommandLine
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Folder for the embedded SQLite database (default ./data)",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> buildWebApp)
    {
        var root = new RootCommand("Stepwise: school improvement for schools, trusts and local authorities. With no verb, runs `serve`.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(Data);
        var serve = ServeCommand.Create(buildWebApp);
        foreach (var option in serve.Options)
        {
            root.Options.Add(option);
        }
        root.Action = serve.Action;
        root.Subcommands.Add(serve);
        root.Subcommands.Add(DatabaseCommands.Migrate());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(Features.Setup.SetupCommand.Create());
        root.Subcommands.Add(Features.Schools.CreateSchoolCommand.Create());
        root.Subcommands.Add(Features.Enquiries.TeamsCommand.Teams());
        root.Subcommands.Add(Features.Enquiries.TeamsCommand.Enquiries());
        root.Subcommands.Add(Features.SharedLanguage.LanguageCommand.Create());
        root.Subcommands.Add(Features.PeerReviews.PeerReviewsCommand.Create());
        root.Subcommands.Add(Features.Support.SupportCommand.Create());
        root.Subcommands.Add(Features.TrustReviews.ReviewsCommand.Create());
        root.Subcommands.Add(Features.TrustEvaluation.TrustEvaluationCommand.Create());
        root.Subcommands.Add(Features.Coaching.CoachingCommand.Create());
        root.Subcommands.Add(Features.Practice.PracticeCommand.Create());
        root.Subcommands.Add(Features.Rounds.RoundsCommand.Rounds());
        var national = ImportCommand.Verbs().ToList();
        var import = new Command("import", "Import data files. National reference data (shared by every trust): "
            + string.Join(", ", national.Select(v => v.Name)) + ". A school's own data from its MIS: "
            + string.Join(", ", SchoolFileLayout.All.Select(l => l.Kind)) + ". `stepwise import KIND --help` lists each kind's columns.");
        foreach (var verb in national.Concat(ImportSchoolDataCommand.Verbs()))
        {
            import.Subcommands.Add(verb);
        }
        root.Subcommands.Add(import);
        root.Subcommands.Add(AnalyseCommand.Create());
        root.Subcommands.Add(BenchmarkCommand.Create());
        root.Subcommands.Add(DatabaseCommands.Backup());
        root.Subcommands.Add(DatabaseCommands.Restore());

        var parsed = root.Parse(args);
        // The root runs `serve` and passes on options it does not know (ASP.NET settings such as --environment);
        // a first word that is not an option is a verb, and one that is not known is a mistake, not a server to start.
        if (parsed.CommandResult.Command == root && args.Length > 0 && !args[0].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"stepwise: \"{args[0]}\" is not a verb. The verbs are: {string.Join(", ", root.Subcommands.Select(c => c.Name))}.");
            await Console.Error.WriteLineAsync("Run `stepwise --help` for usage.");
            return CliError.Usage;
        }
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"stepwise: {error.Message}");
            }
            await Console.Error.WriteLineAsync("Run `stepwise --help` for usage.");
            return CliError.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliError error)
        {
            await Console.Error.WriteLineAsync($"stepwise: {error.Message}");
            return error.ExitCode;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"stepwise: {error.GetBaseException().Message}");
            return CliError.Failed;
        }
    }
}
