using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Stepwise.Cli;

namespace Stepwise.Features.Imports;

/// <summary>What every `stepwise import` verb shares: the file argument, the common options, the progress bar or lines, and the report.</summary>
public static class ImportConsole
{
    public static Argument<FileInfo> FileArgument(string description) => new("FILE") { Description = description };

    public static Option<bool> AcceptValidOption() =>
        new("--accept-valid") { Description = "Import the valid rows and report the rest (default: a file with any bad row is refused whole)" };

    public static Option<bool> JsonOption() =>
        new("--json") { Description = "Print {\"read\":N,\"accepted\":N,\"rejected\":N,\"errors\":[…],\"ignored\":[…]}" };

    public static FileInfo Existing(FileInfo path) =>
        path.Exists ? path : throw new CliError($"{path.FullName} does not exist.", CliError.Usage);

    public static Option<bool> ProgressOption() => new("--progress")
    {
        Description = "Write each stage and every 10% of it to standard error as plain lines (\"Saving: 40%\"), for logs and scripts (instead of the bar a terminal shows)",
    };

    /// <summary>
    /// A progress bar on a terminal; nothing when the output is redirected or JSON was asked for, unless --progress asks
    /// for plain lines on standard error.
    /// </summary>
    public static async Task<ImportReport> WithProgressAsync(bool show, bool lines,
        Func<IProgress<ImportProgress>?, Task<ImportReport>> run)
    {
        if (lines)
        {
            return await run(new ProgressLines());
        }
        if (!show || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await run(null);
        }
        ImportReport? report = null;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            // A bar per stage as it starts (Checking, Saving, and Calculating for a school's own data).
            var tasks = new Dictionary<string, ProgressTask>();
            var progress = new Progress<ImportProgress>(p =>
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

    public static int Print(ImportReport report, string file, bool json)
    {
        var exitCode = report.Imported || report.AlreadyImported ? CliError.Ok : CliError.Usage;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                read = report.Read,
                accepted = report.Imported || report.AlreadyImported ? report.Accepted : 0,
                rejected = report.Rejected,
                errors = report.Errors.Select(e => new { line = e.Line, column = e.Column, value = e.Value, reason = e.Reason }),
                errorCounts = report.ErrorCounts?.Select(k => new { column = k.Column, reason = k.Reason, count = k.Count }),
                ignored = report.Ignored,
                notes = report.Notes.Select(e => new { line = e.Line, column = e.Column, value = e.Value, reason = e.Reason }),
            }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            return exitCode;
        }
        Console.WriteLine($"{file}: {report.Read:N0} rows read, {(report.Imported || report.AlreadyImported ? report.Accepted : 0):N0} accepted, {report.Rejected:N0} rejected.");
        foreach (var error in report.Errors.Take(50))
        {
            Console.WriteLine($"  {error}");
        }
        if (report.ErrorTotal > Math.Min(50, report.Errors.Count))
        {
            Console.WriteLine($"  … and {report.ErrorTotal - Math.Min(50, report.Errors.Count):N0} more.");
            foreach (var kind in report.ErrorCounts ?? [])
            {
                Console.WriteLine($"  {kind.Count:N0} × column \"{kind.Column}\": {kind.Reason}");
            }
        }
        foreach (var note in report.Notes.Take(10))
        {
            Console.WriteLine($"  Note: {note}");
        }
        if (report.Notes.Count > 10)
        {
            Console.WriteLine($"  … and {report.Notes.Count - 10} more notes.");
        }
        if (report.Ignored.Count > 0)
        {
            Console.WriteLine($"  Ignored {report.Ignored.Count:N0} column(s) not read: {string.Join(", ", report.Ignored.Take(20))}{(report.Ignored.Count > 20 ? ", …" : "")}");
        }
        Console.WriteLine(report switch
        {
            { AlreadyImported: true } => "This file was imported already: nothing changed.",
            { Imported: true } => $"Imported: {report.ValuesAdded:N0} added, {report.ValuesChanged:N0} changed.",
            _ => "Nothing was imported: correct the file, or use --accept-valid to import the valid rows.",
        });
        return exitCode;
    }

    /// <summary>
    /// Progress as plain lines, written as it is reported (not queued to another thread): when "Saving: 10%" appears
    /// (for attendance, once 10% of the pupil years are written), saving has begun.
    /// </summary>
    private sealed class ProgressLines : IProgress<ImportProgress>
    {
        private string? _stage;
        private int _tenths = -1;

        public void Report(ImportProgress value)
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
