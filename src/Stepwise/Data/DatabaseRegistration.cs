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
                services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(connectionString));
                break;
            default:
                connectionString = SqliteConnectionString(connectionString, options.DataDirectory);
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o
                    .UseSqlite(connectionString)
                    .AddInterceptors(new SqlitePragmas()));
                break;
        }
        return services;
    }

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
