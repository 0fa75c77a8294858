using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Tests.Infrastructure;

/// <summary>
/// A test class with a fresh database of its own (SQLite, or PostgreSQL when STEPWISE_TEST_POSTGRES names a server)
/// and Stepwise's services on it without the web host: for tests that run the command line, upgrade a database, or
/// race imports against each other, where a shared app would get in the way.
/// </summary>
public abstract class OwnDatabase(Func<Task<TestDatabase>> create, string? unavailableReason) : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not available here: call SkipUnlessAvailable first.");

    /// <summary>Skips the test, saying why, when its database is not configured here (and fails it where CI requires it).</summary>
    protected void SkipUnlessAvailable() => TestDatabase.SkipUnlessAvailable(unavailableReason);

    public virtual async ValueTask InitializeAsync()
    {
        if (unavailableReason is null)
        {
            _database = await create();
        }
    }

    /// <summary>A query on the database as the system (no signed-in user), in a scope of its own.</summary>
    protected static async Task<T> QueryAsync<T>(ServiceProvider services, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await _database.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
