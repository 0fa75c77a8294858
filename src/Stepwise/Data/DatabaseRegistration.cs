using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Stepwise.Data;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the provider named in configuration (never guessed):
    /// <c>Database:Provider</c> = Sqlite | Postgres, and <c>ConnectionStrings:Stepwise</c>.
    /// </summary>
    public static IServiceCollection AddStepwiseDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TrustScope>();
        services.AddSingleton(TimeProvider.System);

        var connectionString = configuration.GetConnectionString("Stepwise");
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Stepwise is empty. Set it, e.g. ConnectionStrings__Stepwise=\"Host=localhost;Database=stepwise;Username=stepwise;Password=…\".");
                }
                services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(connectionString, n => n.UseQuerySplittingBehavior(Splitting)));
                break;
            default:
                connectionString = SqliteConnectionString(connectionString, options.DataDirectory);
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o
                    .UseSqlite(connectionString, q => q.UseQuerySplittingBehavior(Splitting))
                    // A table rebuild turns foreign keys off with a PRAGMA, which SQLite cannot run inside the migration's
                    // transaction; the PRAGMA lasts only for the connection, so an interrupted migration leaves nothing
                    // half-applied by it, and the warning EF prints on every first start is not a problem (ADR 0080).
                    .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning))
                    .AddInterceptors(new SqlitePragmas()));
                break;
        }
        return services;
    }

    /// <summary>
    /// A query that includes several collections is one SQL query (EF's default, said out loud so EF does not warn):
    /// the reads are small and must see one consistent snapshot; a query that would multiply rows splits itself with AsSplitQuery.
    /// </summary>
    private const QuerySplittingBehavior Splitting = QuerySplittingBehavior.SingleQuery;

    public static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        Directory.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataDirectory), "stepwise.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
