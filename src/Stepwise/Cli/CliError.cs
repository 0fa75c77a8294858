namespace Stepwise.Cli;

/// <summary>A failure the command line reports as one clear line, with exit code 1 (failed) or 2 (bad usage).</summary>
public sealed class CliError(string message, int exitCode = CliError.Failed) : Exception(message)
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public int ExitCode { get; } = exitCode;
}
