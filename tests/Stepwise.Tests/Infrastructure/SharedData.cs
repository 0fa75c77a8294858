namespace Stepwise.Tests.Infrastructure;

/// <summary>The real public datasets in ../shared/data beside the repository (present in CI and on developers' machines).</summary>
public static class SharedData
{
    public static string? Folder { get; } = Find();

    public static string Path(params string[] parts)
    {
        if (Folder is null)
        {
            TestDatabase.SkipUnlessAvailable("Real-data tests skipped: ../shared/data was not found beside the repository.");
        }
        return System.IO.Path.Combine([Folder!, .. parts]);
    }

    /// <summary>Beside the repository, or where STEPWISE_TEST_DATA says (a worktree elsewhere).</summary>
    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("STEPWISE_TEST_DATA") is { Length: > 0 } named && Directory.Exists(named))
        {
            return System.IO.Path.GetFullPath(named);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Stepwise.sln")))
            {
                var data = System.IO.Path.Combine(dir.FullName, "..", "shared", "data");
                return Directory.Exists(data) ? System.IO.Path.GetFullPath(data) : null;
            }
        }
        return null;
    }
}
