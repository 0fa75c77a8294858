using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Stepwise.Cli;
using Stepwise.Data;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Reference;

/// <summary>`stepwise import register FILE` and `stepwise import ks2|ks4|census|absence FILE --year YYYY` (national reference
/// data), and `stepwise import pupils|assessments|attendance|behaviour FILE --school URN [--map FILE]` (a school's own
/// data), each with [--accept-valid] [--json].</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var import = new Command("import", "Import data files. National reference data (shared by every trust): register, "
            + string.Join(", ", NationalMeasures.Layouts.Select(l => l.Kind)) + ". A school's own data from its MIS: "
            + string.Join(", ", SchoolFileLayout.All.Select(l => l.Kind)) + ". `stepwise import KIND --help` lists each kind's columns.");
        import.Subcommands.Add(Register());
        foreach (var layout in NationalMeasures.Layouts)
        {
            import.Subcommands.Add(ForLayout(layout));
        }
        foreach (var layout in SchoolFileLayout.All)
        {
            import.Subcommands.Add(ForSchool(layout));
        }
        return import;
    }

    private static Command Register()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A Get Information About Schools establishment extract (CSV)" };
        var acceptValid = new Option<bool>("--accept-valid") { Description = "Import the valid rows and report the rest" };
        var json = new Option<bool>("--json") { Description = "Print {\"read\":N,\"accepted\":N,\"rejected\":N,\"errors\":[…]}" };
        var command = new Command("register", "The DfE school register (Get Information About Schools). Columns by name: URN, EstablishmentName, LA (code), "
            + "LA (name), TypeOfEstablishment (name), PhaseOfEducation (name), EstablishmentStatus (name), GOR (name), Postcode, NumberOfPupils, "
            + "PercentageFSM, Trusts (name), OpenDate, CloseDate (dd-mm-yyyy)") { file, acceptValid, json };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var path = Existing(parsed.GetValue(file)!);
            await services.GetRequiredService<AppDbContext>().Database.MigrateAsync(token);
            await using var stream = path.OpenRead();
            var report = await services.GetRequiredService<ImportRegister>().HandleAsync(stream, path.Name, parsed.GetValue(acceptValid), token);
            Print(report, path.Name, parsed.GetValue(json));
            return report.Imported || report.AlreadyImported ? CliError.Ok : CliError.Usage;
        }, ct));
        return command;
    }

    private static FileInfo Existing(FileInfo path) =>
        path.Exists ? path : throw new CliError($"{path.FullName} does not exist.", CliError.Usage);

    private static Command ForLayout(FileLayout layout)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The DfE file as downloaded (CSV, UTF-8 with or without BOM)" };
        var year = new Option<int>("--year") { Description = "The calendar year the academic year ends in: 2018 for 2017/18", Required = true };
        var acceptValid = new Option<bool>("--accept-valid") { Description = "Import the valid rows and report the rest (default: a file with any bad row is refused whole)" };
        var json = new Option<bool>("--json") { Description = "Print {\"read\":N,\"accepted\":N,\"rejected\":N,\"errors\":[…]}" };
        var progressLines = ProgressOption();
        var columns = string.Join("\n", layout.Measures.Select(m => $"  {m.Column,-24} {m.Name} ({m.Unit})"));
        var command = new Command(layout.Kind,
            $"{layout.Source}. Columns are found by name: {layout.RecordTypeColumn ?? "(no record type)"}, {layout.UrnColumn}, {layout.LaColumn}, and the measures:\n{columns}")
        {
            file, year, acceptValid, json, progressLines,
        };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var path = Existing(parsed.GetValue(file)!);
            if (parsed.GetValue(year) is < 2000 or > 2100)
            {
                throw new CliError("--year must be a year such as 2018 (for 2017/18).", CliError.Usage);
            }
            await services.GetRequiredService<AppDbContext>().Database.MigrateAsync(token);
            await using var stream = path.OpenRead();
            var useCase = services.GetRequiredService<ImportNationalData>();
            var report = await WithProgressAsync(!parsed.GetValue(json), parsed.GetValue(progressLines), progress =>
                useCase.HandleAsync(layout, stream, path.Name, parsed.GetValue(year), parsed.GetValue(acceptValid), token, progress));
            Print(report, path.Name, parsed.GetValue(json));
            return report.Imported || report.AlreadyImported ? CliError.Ok : CliError.Usage;
        }, ct));
        return command;
    }

    private static Command ForSchool(SchoolFileLayout layout)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The MIS export (CSV, comma, semicolon or tab separated; UTF-8 or Windows-1252)" };
        var school = new Option<int>("--school") { Description = "The school's URN", Required = true };
        var map = new Option<FileInfo?>("--map") { Description = "A mapping file for headers not recognised: one line per column, `their header = our column`" };
        var acceptValid = new Option<bool>("--accept-valid") { Description = "Import the valid rows and report the rest (default: a file with any bad row is refused whole)" };
        var json = new Option<bool>("--json") { Description = "Print {\"read\":N,\"accepted\":N,\"rejected\":N,\"errors\":[…]}" };
        var progressLines = ProgressOption();
        var command = new Command(layout.Kind, $"{layout.Title}: a school's own data. Columns are found by name (other columns are ignored):\n{layout.Describe()}")
        {
            file, school, map, acceptValid, json, progressLines,
        };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var path = Existing(parsed.GetValue(file)!);
            HeaderMapping? mapping = null;
            if (parsed.GetValue(map) is { } mapFile)
            {
                using var mapText = Existing(mapFile).OpenText();
                var (parsedMap, problems) = HeaderMapping.Parse(mapText, layout);
                if (parsedMap is null)
                {
                    throw new CliError($"{mapFile.Name}: {problems[0]}", CliError.Usage);
                }
                mapping = parsedMap;
            }
            await services.GetRequiredService<AppDbContext>().Database.MigrateAsync(token);
            await using var stream = path.OpenRead();
            var useCase = services.GetRequiredService<ImportSchoolData>();
            var request = new ImportSchoolData.Request(parsed.GetValue(school), layout, path.Name, parsed.GetValue(acceptValid), mapping);
            var report = await WithProgressAsync(!parsed.GetValue(json), parsed.GetValue(progressLines), async progress =>
                (await useCase.HandleAsync(request, stream, token, progress)).Value
                ?? throw new CliError($"There is no school with URN {request.Urn} in Stepwise: add it first.", CliError.Usage));
            Print(report, path.Name, parsed.GetValue(json));
            return report.Imported || report.AlreadyImported ? CliError.Ok : CliError.Usage;
        }, ct));
        return command;
    }

    private static Option<bool> ProgressOption() => new("--progress")
    {
        Description = "Write each stage and every 10% of it to standard error as plain lines (\"Saving: 40%\"), for logs and scripts (instead of the bar a terminal shows)",
    };

    /// <summary>
    /// A progress bar on a terminal; nothing when the output is redirected or JSON was asked for, unless --progress asks
    /// for plain lines on standard error.
    /// </summary>
    private static async Task<ImportNationalData.Report> WithProgressAsync(bool show, bool lines,
        Func<IProgress<ImportNationalData.Progress>?, Task<ImportNationalData.Report>> run)
    {
        if (lines)
        {
            return await run(new ProgressLines());
        }
        if (!show || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await run(null);
        }
        ImportNationalData.Report? report = null;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            // A bar per stage as it starts (Checking, Saving, and Calculating for a school's own data).
            var tasks = new Dictionary<string, ProgressTask>();
            var progress = new Progress<ImportNationalData.Progress>(p =>
            {
                if (!tasks.TryGetValue(p.Stage, out var task))
                {
                    foreach (var earlier in tasks.Values)
                    {
                        earlier.Value = 100;
                    }
                    tasks[p.Stage] = task = context.AddTask(p.Stage);
                }
                task.Value = p.Fraction * 100;
            });
            report = await run(progress);
        });
        return report!;
    }

    private static void Print(ImportNationalData.Report report, string file, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                read = report.Read,
                accepted = report.Imported || report.AlreadyImported ? report.Accepted : 0,
                rejected = report.Rejected,
                errors = report.Errors.Select(e => new { line = e.Line, column = e.Column, value = e.Value, reason = e.Reason }),
            }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            return;
        }
        Console.WriteLine($"{file}: {report.Read:N0} rows read, {(report.Imported || report.AlreadyImported ? report.Accepted : 0):N0} accepted, {report.Rejected:N0} rejected.");
        foreach (var error in report.Errors.Take(50))
        {
            Console.WriteLine($"  {error}");
        }
        if (report.Errors.Count > 50)
        {
            Console.WriteLine($"  … and {report.Errors.Count - 50} more.");
        }
        Console.WriteLine(report switch
        {
            { AlreadyImported: true } => "This file was imported already: nothing changed.",
            { Imported: true } => $"Imported: {report.ValuesAdded:N0} added, {report.ValuesChanged:N0} changed.",
            _ => "Nothing was imported: correct the file, or use --accept-valid to import the valid rows.",
        });
    }

    /// <summary>
    /// Progress as plain lines, written as it is reported (not queued to another thread): when "Saving: 10%" appears
    /// (for attendance, once 10% of the pupil years are written), saving has begun.
    /// </summary>
    private sealed class ProgressLines : IProgress<ImportNationalData.Progress>
    {
        private string? _stage;
        private int _tenths = -1;

        public void Report(ImportNationalData.Progress value)
        {
            var tenths = (int)Math.Floor(Math.Clamp(value.Fraction, 0, 1) * 10);
            if (value.Stage == _stage && tenths <= _tenths)
            {
                return;
            }
            (_stage, _tenths) = (value.Stage, tenths);
            Console.Error.WriteLine($"{value.Stage}: {tenths * 10}%");
            Console.Error.Flush();
        }
    }
}
