using System.CommandLine;
using System.Text;
using System.Text.Json;
using Stepwise.Cli;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Enquiries;
using Stepwise.Features.Imports;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// `stepwise language show|import FILE|export [--version N]`: a trust's shared language read, imported and exported by
/// the same use cases as its page and API, in the same JSON. An import's problems are listed by line and field, each
/// naming its item, and nothing is stored.
/// </summary>
public static class LanguageCommand
{
    public static Command Create()
    {
        var show = new Command("show", "Print the current shared language: glossary, look-fors and coaching steps by category, with their EEF strands, and the versions") { Trust() };
        show.SetAction((parsed, ct) => RunAsync(parsed, async (services, token) =>
        {
            var read = services.GetRequiredService<ReadLanguage>();
            var versions = await read.VersionsAsync(token);
            if (await read.CurrentAsync(token) is not { } current)
            {
                Console.WriteLine(versions.Count == 0
                    ? "No shared language yet: adopt the starter (`stepwise language import` a file, or the /language page)."
                    : $"No published version yet: version {versions[0].Number} is a draft.");
                return CliError.Ok;
            }
            Console.WriteLine($"Shared language, version {current.Version.Number} (published {Shared.Display.DateTime(current.Version.PublishedAt!.Value)})");
            foreach (var (title, items) in new[] { ("Glossary", current.Terms), ("Look-fors", current.LookFors), ("Coaching steps", current.Steps) })
            {
                Console.WriteLine();
                Console.WriteLine(title);
                foreach (var group in items.GroupBy(i => i.Category ?? "Other"))
                {
                    Console.WriteLine($"  {group.Key}");
                    foreach (var item in group)
                    {
                        Console.WriteLine($"    {item.Name} [{item.Key}]{(item.EefStrand is null ? "" : $" — EEF: {item.EefStrand}")}");
                    }
                }
            }
            Console.WriteLine();
            foreach (var v in versions)
            {
                Console.WriteLine($"Version {v.Number}: {(v.IsDraft ? "draft" : v.IsCurrent ? "current" : "published")}, {v.Terms} terms, {v.LookFors} look-fors, {v.Steps} steps{(v.Used ? ", in use" : "")}");
            }
            return CliError.Ok;
        }, ct));

        var file = ImportConsole.FileArgument("The JSON file (the shape of `stepwise language export`)");
        var publish = new Option<bool>("--publish") { Description = "Publish it at once as the trust's current language (default: it becomes the draft of the next version)" };
        var import = new Command("import", "Import a JSON file as the next version of the trust's shared language") { file, publish, Trust() };
        import.SetAction((parsed, ct) => RunAsync(parsed, async (services, token) =>
        {
            var path = ImportConsole.Existing(parsed.GetValue(file)!);
            var text = await File.ReadAllTextAsync(path.FullName, token);
            var parsedFile = LanguageDefinition.Parse(text);
            var outcome = parsedFile.Kind == OutcomeKind.Ok
                ? await services.GetRequiredService<WriteLanguage>().ImportAsync(parsedFile.Value!, parsed.GetValue(publish), token)
                : null;
            var errors = outcome?.Errors ?? parsedFile.Errors;
            if (errors.Count > 0)
            {
                var lines = LanguageDefinition.ItemLines(text);
                Console.WriteLine($"{path.Name}: refused, nothing was stored.");
                foreach (var (field, messages) in errors)
                {
                    var item = field.Contains('.') ? field[..field.LastIndexOf('.')] : field;
                    foreach (var message in messages)
                    {
                        Console.WriteLine($"  {new RowProblem(lines.GetValueOrDefault(item, RowProblem.FileLine), field, "", message)}");
                    }
                }
                return CliError.Usage;
            }
            Console.WriteLine(outcome!.Value!.Message);
            return CliError.Ok;
        }, ct));

        var version = new Option<int?>("--version") { Description = "The version number (default: the current, published one)" };
        var export = new Command("export", "Print a version of the shared language as JSON, the shape `import` reads") { version, Trust() };
        export.SetAction((parsed, ct) => RunAsync(parsed, async (services, token) =>
        {
            var definition = await SharedLanguageFeature.ExportAsync(parsed.GetValue(version), services.GetRequiredService<ReadLanguage>(),
                services.GetRequiredService<AppDbContext>(), token);
            if (definition is null)
            {
                throw new CliError(parsed.GetValue(version) is int n ? $"There is no version {n} of the shared language." : "There is no published shared language yet.");
            }
            Console.WriteLine(definition.ToJson());
            return CliError.Ok;
        }, ct));

        return new Command("language", "The trust's shared language of instructional practice: glossary, look-fors and coaching steps") { show, import, export };
    }

    private static Option<string?> Trust() => new("--trust") { Description = "The trust: its key (\"demo\") or name; needed when the server holds more than one" };

    /// <summary>Runs the work acting as the system in the one trust named (or the only trust there is).</summary>
    private static Task<int> RunAsync(ParseResult parsed, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct) =>
        CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var trustOption = parsed.CommandResult.Command.Options.OfType<Option<string?>>().First(o => o.Name == "--trust");
            var trusts = await TeamsCommand.TrustsAsync(services, parsed.GetValue(trustOption), token);
            if (trusts.Count != 1)
            {
                throw new CliError(trusts.Count == 0 ? "There is no trust yet." : $"--trust: say which trust ({string.Join(", ", trusts.Select(t => t.Name))}).", CliError.Usage);
            }
            services.GetRequiredService<TrustScope>().ActAsSystemInTrust(trusts[0].Id, "command line");
            return await work(services, token);
        }, ct);
}
