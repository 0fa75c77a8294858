using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stepwise.Tests.Cli;

/// <summary>Runs the real `stepwise` executable (the built stepwise.dll) as a separate process.</summary>
public static class StepwiseProcess
{
    public sealed record Run(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
    }

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "stepwise.dll");

    public static Task<Run> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string>(), args);

    public static async Task<Run> RunWithAsync(IDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300)); // a hang guard, generous for a loaded 2-core CI machine
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    public static Process Start(IDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Demo__NationalData"] = "none"; // the demo's real DfE files take a minute to import: not needed here
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start stepwise.");
    }

    /// <summary>
    /// For a process started with `--progress`: waits until it reports that saving has begun ("Saving: 10%" or later on
    /// standard error), at most <paramref name="limit"/>. True if it did while still running; <paramref name="said"/> is
    /// everything it wrote, for the failure message.
    /// </summary>
    public static async Task<bool> WaitUntilSavingAsync(Process process, TimeSpan limit, StringBuilder said)
    {
        var saving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (said)
            {
                said.AppendLine(e.Data);
            }
            if (e.Data is { } line && line.StartsWith("Saving: ", StringComparison.Ordinal) && line != "Saving: 0%")
            {
                saving.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            lock (said)
            {
                said.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var first = await Task.WhenAny(saving.Task, process.WaitForExitAsync(), Task.Delay(limit));
        return first == saving.Task && !process.HasExited;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
