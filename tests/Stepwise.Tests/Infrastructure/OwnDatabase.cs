using Microsoft.EntityFrameworkCore;
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

    /// <summary>The clock of the services built on this database (<see cref="TestDatabase.Services"/>); a `stepwise` process started by the test has the real one.</summary>
    protected Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => Database.Clock;

    /// <summary>Skips the test, saying why, when its database is not configured here (and fails it where CI requires it).</summary>
    protected void SkipUnlessAvailable() => TestDatabase.SkipUnlessAvailable(unavailableReason);

    public virtual async ValueTask InitializeAsync()
    {
        if (unavailableReason is null)
        {
            _database = await create();
        }
    }

    /// <summary>What the database holds, read through these services by what tests check.</summary>
    protected static Stored StoredIn(ServiceProvider services) => new(services);

    /// <summary>Any query on the database as the system (no signed-in user), in a scope of its own, for a read <see cref="Stored"/> does not name.</summary>
    protected static Task<T> QueryAsync<T>(ServiceProvider services, Func<AppDbContext, Task<T>> query) => StoredIn(services).QueryAsync(query);

    /// <summary>
    /// A trust written as a database migrated only part of the way holds it: with the columns trusts have had from the
    /// first migration, since EF would write columns added later. Its id and name are set on the returned trust.
    /// </summary>
    protected static async Task<Stepwise.Features.Trusts.Trust> TrustStoredBeforeAsync(AppDbContext db, string name)
    {
        var secret = new byte[32];
        var created = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Trusts" ("Name", "CompanyNumber", "PseudonymSecret", "CreatedAt") VALUES ({name}, {null as string}, {secret}, {created})
            """);
        var id = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Trusts" WHERE "Name" = {name}""").SingleAsync();
        return new Stepwise.Features.Trusts.Trust { Id = id, Name = name };
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
