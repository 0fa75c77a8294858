using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Stepwise.Cli;
using Stepwise.Data;
using Stepwise.Features.Imports;

namespace Stepwise.Features.SchoolData;

/// <summary>`stepwise import pupils|assessments|attendance|behaviour FILE --school URN [--map FILE]`: a school's own data, with
/// [--accept-valid] [--json] [--progress].</summary>
public static class ImportSchoolDataCommand
{
    public static IEnumerable<Command> Verbs() => SchoolFileLayout.All.Select(ForSchool);

    private static Command ForSchool(SchoolFileLayout layout)
    {
        var file = ImportConsole.FileArgument("The MIS export (CSV, comma, semicolon or tab separated; UTF-8 or Windows-1252)");
        var school = new Option<int>("--school") { Description = "The school's URN", Required = true };
        var map = new Option<FileInfo?>("--map") { Description = "A mapping file for headers not recognised: one line per column, `their header = our column`" };
        var acceptValid = ImportConsole.AcceptValidOption();
        var json = ImportConsole.JsonOption();
        var progressLines = ImportConsole.ProgressOption();
        var command = new Command(layout.Kind, $"{layout.Title}: a school's own data. Columns are found by name (other columns are ignored):\n{layout.Describe()}")
        {
            file, school, map, acceptValid, json, progressLines,
        };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var path = ImportConsole.Existing(parsed.GetValue(file)!);
            HeaderMapping? mapping = null;
            if (parsed.GetValue(map) is { } mapFile)
            {
                using var mapText = ImportConsole.Existing(mapFile).OpenText();
                var (parsedMap, problems) = HeaderMapping.Parse(mapText, layout);
                if (parsedMap is null)
                {
                    throw new CliError($"{mapFile.Name}: {problems[0]}", CliError.Usage);
                }
                mapping = parsedMap;
            }
            await DatabaseUpgrade.MigrateAsync(services, token);
            await using var stream = path.OpenRead();
            var useCase = services.GetRequiredService<ImportSchoolData>();
            var request = new ImportSchoolData.Request(parsed.GetValue(school), layout, path.Name, parsed.GetValue(acceptValid), mapping);
            var report = await ImportConsole.WithProgressAsync(!parsed.GetValue(json), parsed.GetValue(progressLines), async progress =>
                (await useCase.HandleAsync(request, stream, token, progress)).Value
                ?? throw new CliError($"There is no school with URN {request.Urn} in Stepwise: add it first.", CliError.Usage));
            return ImportConsole.Print(report, path.Name, parsed.GetValue(json));
        }, ct));
        return command;
    }
}
