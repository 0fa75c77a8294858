using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Stepwise.Data;

/// <summary>The SQLite flavour of the model; owns the migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, TrustScope scope, TimeProvider clock)
    : AppDbContext(options, scope, clock);

/// <summary>The PostgreSQL flavour of the model; owns the migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, TrustScope scope, TimeProvider clock)
    : AppDbContext(options, scope, clock);

/// <summary>Lets `dotnet ef migrations add --context SqliteAppDbContext` build the model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options,
            new TrustScope(), TimeProvider.System);
}

/// <summary>Lets `dotnet ef migrations add --context PostgresAppDbContext` build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=stepwise_design").Options,
            new TrustScope(), TimeProvider.System);
}
