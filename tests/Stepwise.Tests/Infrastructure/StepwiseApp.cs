using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Accounts;

namespace Stepwise.Tests.Infrastructure;

/// <summary>
/// The real Stepwise app (the same Program, the same migrations) on a fresh database, with a small seeded
/// world of two trusts. Tests talk to it only through HTTP clients and the intent methods here.
/// </summary>
public abstract class StepwiseApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private TestDatabase? _database;
    private World? _world;

    /// <summary>Why this app cannot run here (no PostgreSQL configured), or null.</summary>
    public abstract string? UnavailableReason { get; }

    public string ProviderName => _database?.Provider ?? "none";

    /// <summary>The app's database, for a `stepwise` process run against it.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app is not available: " + UnavailableReason);

    public World World => _world ?? throw new InvalidOperationException("The app is not available: " + UnavailableReason);

    /// <summary>The app's clock (it runs on this, not the real one), from a fixed start: see <see cref="TestClock"/>.</summary>
    public FakeTimeProvider Clock => _database?.Clock ?? throw new InvalidOperationException("The app is not available: " + UnavailableReason);

    /// <summary>Today, as the app sees it.</summary>
    public DateOnly Today => Clock.Today();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason is not null)
        {
            TestContext.Current.SendDiagnosticMessage(UnavailableReason);
            return;
        }
        _database = await CreateDatabaseAsync();
        StartServer();
        _world = SeedsWorld ? await World.SeedAsync(Services) : null;
        await StartedAsync();
    }

    /// <summary>False for a fresh database with no trust at all, as a new installation has.</summary>
    protected virtual bool SeedsWorld => true;

    /// <summary>For fixtures that need more once the server runs (a browser, say).</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    /// <summary>Call first in every test: skips (or, in CI, fails) when the database is not available.</summary>
    public void EnsureAvailable() => TestDatabase.SkipUnlessAvailable(UnavailableReason);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database!.Provider);
        builder.UseSetting("ConnectionStrings:Stepwise", _database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Accounts:SignInAttemptsPerMinute", "10000");
        // The fake clock replaces TimeProvider.System; why a fixed date does not break signing in: see TestClock.
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_database.Clock);
        });
    }

    /// <summary>A client with no credentials that keeps cookies and does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as this person with a personal access token (API and pages alike).</summary>
    public async Task<HttpClient> ClientForAsync(string email)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(email));
        return client;
    }

    public async Task<string> TokenForAsync(string email)
    {
        if (_tokens.TryGetValue(email, out var cached))
        {
            return cached;
        }
        var person = World.Person(email);
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(person.TrustId, "test");
        var issued = await scope.ServiceProvider.GetRequiredService<IssueApiToken>().HandleAsync(person.TrustId, person.Id, "tests", 30, CancellationToken.None);
        return _tokens.GetOrAdd(email, issued.Token);
    }

    /// <summary>Imports a national file as the command line would.</summary>
    public async Task<Stepwise.Features.Imports.ImportReport> ImportNationalAsync(
        Stepwise.Features.Reference.FileLayout layout, string path, int year, bool acceptValid = false, bool replace = false)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test import");
        await using var file = File.OpenRead(path);
        return await scope.ServiceProvider.GetRequiredService<Stepwise.Features.Reference.ImportNationalData>()
            .HandleAsync(layout, file, Path.GetFileName(path), year, acceptValid, CancellationToken.None, replace: replace);
    }

    /// <summary>Imports a register (Get Information About Schools) file as the command line would.</summary>
    public async Task<Stepwise.Features.Imports.ImportReport> ImportRegisterAsync(string path)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test import");
        await using var file = File.OpenRead(path);
        return await scope.ServiceProvider.GetRequiredService<Stepwise.Features.Reference.ImportRegister>()
            .HandleAsync(file, Path.GetFileName(path), acceptValid: false, CancellationToken.None);
    }

    /// <summary>Imports national data from text, for damaged-file tests.</summary>
    public async Task<Stepwise.Features.Imports.ImportReport> ImportNationalTextAsync(
        Stepwise.Features.Reference.FileLayout layout, string content, int year, bool acceptValid = false, bool replace = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"stepwise-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, content);
        try
        {
            return await ImportNationalAsync(layout, path, year, acceptValid, replace);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What the database holds, read by what tests check (the school's id, its imports, the audit log…).</summary>
    public Stored Stored => new(Services);

    /// <summary>Any query (or change) on the database as the system, for the rare read <see cref="Stored"/> does not name.</summary>
    public Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => Stored.QueryAsync(query);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app on a SQLite file of its own.</summary>
public sealed class SqliteApp : StepwiseApp
{
    public override string? UnavailableReason => null;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

/// <summary>The app on a PostgreSQL database of its own, when STEPWISE_TEST_POSTGRES is set.</summary>
public sealed class PostgresApp : StepwiseApp
{
    public override string? UnavailableReason => TestDatabase.PostgresUnavailableReason;

    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}

/// <summary>The app on a fresh SQLite database with no trust and nobody in it, as a new installation starts.</summary>
public sealed class FreshSqliteApp : StepwiseApp
{
    public override string? UnavailableReason => null;

    protected override bool SeedsWorld => false;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

/// <summary>The app on a fresh PostgreSQL database with no trust, when STEPWISE_TEST_POSTGRES is set.</summary>
public sealed class FreshPostgresApp : StepwiseApp
{
    public override string? UnavailableReason => TestDatabase.PostgresUnavailableReason;

    protected override bool SeedsWorld => false;

    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
