using Microsoft.EntityFrameworkCore;

namespace Stepwise.Data;

/// <summary>
/// A change to stored data that needs the app's own code, not SQL: it runs once, right after the migration it is
/// named after has been applied (for example, figures worked out again from stored pupil records under a new rule).
/// </summary>
public interface IDataUpgrade
{
    /// <summary>The name of the migration (without its timestamp) after which this runs.</summary>
    string AfterMigration { get; }

    /// <summary>What it does, for the console.</summary>
    string Description { get; }

    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// The one way the database is brought up to date, by `serve`, `migrate` and every command that writes: the schema
/// migrations, then each data upgrade whose migration was among those just applied.
/// </summary>
public static class DatabaseUpgrade
{
    /// <returns>The migrations applied.</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        foreach (var upgrade in services.GetServices<IDataUpgrade>())
        {
            if (pending.Any(m => m.EndsWith("_" + upgrade.AfterMigration, StringComparison.Ordinal)))
            {
                await upgrade.RunAsync(services, ct);
            }
        }
        return pending;
    }
}
