using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SchoolData;

namespace Stepwise.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test fixture: a SQLite file in a temporary folder, or a new PostgreSQL
/// database on the server named by STEPWISE_TEST_POSTGRES. Dropped when the fixture ends.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }
    public abstract string ConnectionString { get; }

    public abstract ValueTask DisposeAsync();

    /// <summary>The clock of everything that runs on this database in-process (the app, or the services below): see <see cref="TestClock"/>.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.New();

    /// <summary>Stepwise's database, access and school-data services on this database, as the command line builds them, without the web host, on <see cref="Clock"/>.</summary>
    public ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["ConnectionStrings:Stepwise"] = ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStepwiseDatabase(configuration);
        services.AddHttpContextAccessor();
        services.AddAccess();
        services.AddSchoolData(configuration);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        return services.BuildServiceProvider();
    }

    /// <summary>The reason these tests cannot run here, or null if they can.</summary>
    public static string? PostgresUnavailableReason =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("STEPWISE_TEST_POSTGRES"))
            ? "PostgreSQL tests skipped: set STEPWISE_TEST_POSTGRES to a connection string (bash .ci/run does)."
            : null;

    /// <summary>With STEPWISE_REQUIRE_ALL=1 (as in CI) a missing service fails the test instead of skipping it.</summary>
    public static void SkipUnlessAvailable(string? unavailableReason)
    {
        if (unavailableReason is null)
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("STEPWISE_REQUIRE_ALL") == "1")
        {
            Assert.Fail(unavailableReason.Replace("skipped", "required (STEPWISE_REQUIRE_ALL=1) but not configured", StringComparison.Ordinal));
        }
        Assert.Skip(unavailableReason);
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-test-").FullName;

    public override string Provider => "Sqlite";
    public string Folder => _folder;
    public override string ConnectionString => $"Data Source={Path.Combine(_folder, "stepwise.db")};Pooling=False";

    public override ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned by the OS.
        }
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server = Environment.GetEnvironmentVariable("STEPWISE_TEST_POSTGRES")!;
    private readonly string _name = $"stepwise_test_{Guid.NewGuid():N}";

    public override string Provider => "Postgres";

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = false }.ToString();

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var db = new PostgresTestDatabase();
        await using var connection = new NpgsqlConnection(db._server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{db._name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return db;
    }

    public override async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
