using System.Diagnostics;

namespace Stepwise.Tests.Cli;

/// <summary>A `stepwise serve` process whose output is read line by line as it comes, for tests that wait for what it says.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _out = [];
    private readonly List<string> _error = [];

    public ServerProcess(params string[] args)
    {
        _process = StepwiseProcess.Start(args);
        _process.OutputDataReceived += (_, e) => Add(_out, e.Data);
        _process.ErrorDataReceived += (_, e) => Add(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private static void Add(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    public List<string> Out
    {
        get { lock (_out) { return [.. _out]; } }
    }

    public List<string> Error
    {
        get { lock (_error) { return [.. _error]; } }
    }

    /// <summary>The index of the first line of standard output that contains <paramref name="text"/>, once it is written; fails after <paramref name="seconds"/>.</summary>
    public async Task<int> WaitForAsync(string text, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            var index = Out.FindIndex(l => l.Contains(text, StringComparison.Ordinal));
            if (index >= 0)
            {
                return index;
            }
            await Task.Delay(100);
        }
        var found = Out.FindIndex(l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(found >= 0, $"The server did not say \"{text}\" within {seconds} s (exited: {_process.HasExited}).\nstdout:\n{string.Join("\n", Out)}\nstderr:\n{string.Join("\n", Error)}");
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
