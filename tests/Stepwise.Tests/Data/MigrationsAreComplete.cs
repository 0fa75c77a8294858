using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Data;

/// <summary>Every model change has a migration for this provider, and the app applied them all on start.</summary>
public abstract class MigrationsAreComplete(StepwiseApp app)
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        app.EnsureAvailable();
        Assert.False(await app.QueryAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            $"The {app.ProviderName} model has changes with no migration: see docs/decisions/0003-two-migration-sets.md.");
    }

    [Fact]
    public async Task Every_migration_was_applied_when_the_app_started()
    {
        app.EnsureAvailable();
        Assert.Empty(await app.QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
    }
}

public sealed class MigrationsAreCompleteOnSqlite(SqliteApp app) : MigrationsAreComplete(app), IClassFixture<SqliteApp>;

public sealed class MigrationsAreCompleteOnPostgres(PostgresApp app) : MigrationsAreComplete(app), IClassFixture<PostgresApp>;
