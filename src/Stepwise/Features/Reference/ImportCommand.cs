using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Data;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>`stepwise import register|school-census|rise|lait|attendance-ytd FILE` and `stepwise import ks2|ks4|census|absence FILE
/// --year YYYY [--replace]`: national reference data, each with [--accept-valid] [--json] [--progress].</summary>
public static class ImportCommand
{
    public static IEnumerable<Command> Verbs() => NationalMeasures.Layouts.Select(ForLayout).Prepend(Register())
        .Append(SchoolCensus()).Append(Rise()).Concat(NationalSeries.Layouts.Select(ForSeries));

    private static Command SchoolCensus()
    {
        var layout = RegisterLayout.Census2023;
        return FileCommand(layout.Kind, "A file of every school in England",
            $"The school census's school-level file (January {layout.Year}): fills the school register with every school in England, its phase, "
            + $"pupils, free school meals and EAL (columns by name: {string.Join(", ", layout.Columns)}). Status, postcode and dates stay as the register has them.",
            (services, stream, name, acceptValid, _, token) => services.GetRequiredService<ImportRegister>().HandleAsync(layout, stream, name, acceptValid, token));
    }

    private static Command Rise() => FileCommand(ImportRise.Kind, "The RISE schools list (CSV)",
        "The schools in the DfE's RISE programme (School URN, School Name, Region, Local Authority, Phase of Education, School Type): replaces the list imported before.",
        (services, stream, name, acceptValid, _, token) => services.GetRequiredService<ImportRise>().HandleAsync(stream, name, acceptValid, token));

    private static Command ForSeries(SeriesLayout layout) => FileCommand(layout.Kind, "The DfE file as downloaded (CSV)",
        $"{layout.Source}: England, regional and local-authority figures over several years, from {layout.Describes}. The measures:\n"
        + string.Join("\n", layout.Measures.Select(m => $"  {m.Key,-34} {m.Name} (from {m.Column})")),
        (services, stream, name, acceptValid, progress, token) => services.GetRequiredService<ImportNationalData>().HandleAsync(layout, stream, name, acceptValid, token, progress));

    private static Command FileCommand(string kind, string fileDescription, string description,
        Func<IServiceProvider, Stream, string, bool, IProgress<ImportProgress>?, CancellationToken, Task<ImportReport>> import)
    {
        var file = ImportConsole.FileArgument(fileDescription);
        var acceptValid = ImportConsole.AcceptValidOption();
        var json = ImportConsole.JsonOption();
        var progressLines = ImportConsole.ProgressOption();
        var command = new Command(kind, description) { file, acceptValid, json, progressLines };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var path = ImportConsole.Existing(parsed.GetValue(file)!);
            await DatabaseUpgrade.MigrateAsync(services, token);
            await using var stream = path.OpenRead();
            var report = await ImportConsole.WithProgressAsync(!parsed.GetValue(json), parsed.GetValue(progressLines), progress =>
                import(services, stream, path.Name, parsed.GetValue(acceptValid), progress, token));
            return ImportConsole.Print(report, path.Name, parsed.GetValue(json));
        }, ct));
        return command;
    }

    private static Command Register()
    {
        var file = ImportConsole.FileArgument("A Get Information About Schools establishment extract (CSV)");
        var acceptValid = ImportConsole.AcceptValidOption();
        var json = ImportConsole.JsonOption();
        var command = new Command("register", "The DfE school register (Get Information About Schools). Columns by name: URN, EstablishmentName, LA (code), "
            + "LA (name), TypeOfEstablishment (name), PhaseOfEducation (name), EstablishmentStatus (name), GOR (name), Postcode, NumberOfPupils, "
            + "PercentageFSM, Trusts (name), OpenDate, CloseDate (dd-mm-yyyy)") { file, acceptValid, json };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var path = ImportConsole.Existing(parsed.GetValue(file)!);
            await DatabaseUpgrade.MigrateAsync(services, token);
            await using var stream = path.OpenRead();
            var report = await services.GetRequiredService<ImportRegister>().HandleAsync(stream, path.Name, parsed.GetValue(acceptValid), token);
            return ImportConsole.Print(report, path.Name, parsed.GetValue(json));
        }, ct));
        return command;
    }

    private static Command ForLayout(FileLayout layout)
    {
        var file = ImportConsole.FileArgument("The DfE file as downloaded (CSV, UTF-8 with or without BOM)");
        var year = new Option<int>("--year") { Description = "The calendar year the academic year ends in: 2018 for 2017/18", Required = true };
        var replace = new Option<bool>("--replace")
        {
            Description = "The file corrects the year's figures: replace them whole (default: update the figures that changed and keep the rest)",
        };
        var acceptValid = ImportConsole.AcceptValidOption();
        var json = ImportConsole.JsonOption();
        var progressLines = ImportConsole.ProgressOption();
        var columns = string.Join("\n", layout.Measures.Select(m => $"  {m.Column,-24} {m.Name} ({m.Unit})"));
        var command = new Command(layout.Kind,
            $"{layout.Source}. Columns are found by name: {layout.RecordTypeColumn ?? "(no record type)"}, {layout.UrnColumn}, {layout.LaColumn}, and the measures:\n{columns}")
        {
            file, year, replace, acceptValid, json, progressLines,
        };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var path = ImportConsole.Existing(parsed.GetValue(file)!);
            if (parsed.GetValue(year) is < 2000 or > 2100)
            {
                throw new CliError("--year must be a year such as 2018 (for 2017/18).", CliError.Usage);
            }
            await DatabaseUpgrade.MigrateAsync(services, token);
            await using var stream = path.OpenRead();
            var useCase = services.GetRequiredService<ImportNationalData>();
            var report = await ImportConsole.WithProgressAsync(!parsed.GetValue(json), parsed.GetValue(progressLines), progress =>
                useCase.HandleAsync(layout, stream, path.Name, parsed.GetValue(year), parsed.GetValue(acceptValid), token, progress, parsed.GetValue(replace)));
            return ImportConsole.Print(report, path.Name, parsed.GetValue(json));
        }, ct));
        return command;
    }
}
