namespace Stepwise.Tests.Infrastructure;

/// <summary>The repository's root folder (where Stepwise.sln is), for the example files under docs/.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stepwise.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (with Stepwise.sln) was not found above " + AppContext.BaseDirectory);
    }
}
