using System.Runtime.CompilerServices;

namespace Stepwise.Tests.Infrastructure;

/// <summary>
/// The test process hosts many apps at once and starts the command line as child processes. Each host would watch its
/// configuration files and web root with an inotify instance, and Linux allows 128 per user: with enough test classes
/// running, a host or a child process fails to start. Tests never change those files, so nothing is watched: the
/// configuration is not reloaded and file providers poll instead. Child processes inherit the setting.
/// </summary>
internal static class NoFileWatchers
{
    [ModuleInitializer]
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
