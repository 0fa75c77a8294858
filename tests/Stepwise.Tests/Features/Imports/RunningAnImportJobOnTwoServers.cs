using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Imports;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Imports;

/// <summary>
/// Two servers behind a load balancer share one database: an import job is claimed by exactly one of them, and its
/// state, progress and report live in the job's row, so the other server shows them as they change.
/// </summary>
public abstract class RunningAnImportJobOnTwoServers(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    private const int Year = 2039;
    private const int Schools = 30_000;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _files = Directory.CreateTempSubdirectory("stepwise-two-servers-").FullName;

    [Fact]
    public async Task Two_servers_trying_to_take_the_same_queued_jobs_take_each_exactly_once()
    {
        SkipUnlessAvailable();
        await using var first = Server("first");
        await using var second = Server("second");
        var trustId = await SeedTrustAsync(first);
        var jobs = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            jobs.Add(await QueueAsync(first, trustId, Path.Combine(_files, $"never-read-{i}.csv")));
        }

        var claims = await Task.WhenAll(jobs.Select(async id =>
        {
            var runners = new[] { first, second }.Select(s => s.GetRequiredService<ImportJobRunner>()).ToArray();
            var tries = await Task.WhenAll(runners.Select(r => Task.Run(() => r.ClaimAsync(id, CancellationToken.None))));
            return tries.Count(t => t);
        }));

        Assert.All(claims, c => Assert.Equal(1, c));
        var stored = await QueryAsync(second, db => db.ImportJobs.Where(j => jobs.Contains(j.Id)).ToListAsync());
        Assert.All(stored, j => Assert.Equal(ImportJobStatus.Running, j.Status));
        Assert.Equal(20, stored.Count(j => j.ClaimedBy is "first" or "second"));
    }

    [Fact]
    public async Task A_job_started_on_one_server_shows_its_progress_on_the_other_and_runs_only_once()
    {
        SkipUnlessAvailable();
        await using var first = Server("first");
        await using var second = Server("second");
        var trustId = await SeedTrustAsync(first);
        var jobId = await QueueAsync(first, trustId, WriteKs2());

        // Both servers look for work at once: one takes the job, the other finds none left to take.
        var onFirst = Task.Run(() => first.GetRequiredService<ImportJobRunner>().RunNextAsync(CancellationToken.None));
        var seen = await WatchFromAsync(second, jobId, onFirst);
        var onSecond = await second.GetRequiredService<ImportJobRunner>().RunNextAsync(CancellationToken.None);
        Assert.True(await onFirst);
        Assert.False(onSecond);

        Assert.True(seen.Count > 0, "The second server never saw the job running.");
        Assert.All(seen, s => Assert.Equal(("first", ImportJobStatus.Running), (s.ClaimedBy, s.Status)));
        Assert.Contains(seen, s => s.Stage is "Checking" or "Saving");
        ExpectProgressWhileSaving(seen);

        var done = await QueryAsync(second, db => db.ImportJobs.SingleAsync(j => j.Id == jobId));
        Assert.Equal(ImportJobStatus.Done, done.Status);
        var report = JsonNode.Parse(done.Report!)!;
        Assert.Equal((Schools, Schools, 0), ((int)report["read"]!, (int)report["accepted"]!, (int)report["rejected"]!));
        Assert.Equal(1, await QueryAsync(second, db => db.ImportRuns.CountAsync(r => r.Year == Year && r.Kind == "ks2")));
        Assert.Equal(Schools * 3, await QueryAsync(second, db => db.ReferenceValues.CountAsync(v => v.Year == Year)));
    }

    /// <summary>What the database lets another server see while the import's transaction is saving (see ImportJobProgress).</summary>
    protected abstract void ExpectProgressWhileSaving(IReadOnlyList<(string? ClaimedBy, ImportJobStatus Status, string? Stage, double Fraction)> seen);

    /// <summary>
    /// Reads the job from the other server until it finishes, moving the fake clock on between reads so the running
    /// server may write its progress again (at most every half second of its clock). Bounded: at most 6,000 reads.
    /// </summary>
    private async Task<List<(string? ClaimedBy, ImportJobStatus Status, string? Stage, double Fraction)>> WatchFromAsync(ServiceProvider server, int jobId, Task running)
    {
        var seen = new List<(string?, ImportJobStatus, string?, double)>();
        for (var reads = 0; !running.IsCompleted && reads < 6_000; reads++)
        {
            var job = await QueryAsync(server, db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
            if (job.Status == ImportJobStatus.Running)
            {
                seen.Add((job.ClaimedBy, job.Status, job.Stage, job.Fraction));
            }
            _clock.Advance(ImportJobProgress.Every);
            await Task.WhenAny(running, Task.Delay(20));
        }
        return seen;
    }

    private ServiceProvider Server(string node)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider,
            ["ConnectionStrings:Stepwise"] = Database.ConnectionString,
            ["Imports:Node"] = node,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStepwiseDatabase(configuration);
        services.AddSingleton<TimeProvider>(_clock);
        services.AddHttpContextAccessor();
        services.AddAccess();
        services.AddReference();
        services.AddSchoolData(configuration);
        services.AddImportJobs(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<int> SeedTrustAsync(ServiceProvider server)
    {
        await using var scope = server.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var trust = new Trust { Name = "Two Servers Trust" };
        db.Trusts.Add(trust);
        await db.SaveChangesAsync();
        return trust.Id;
    }

    /// <summary>A national file queued as the page queues it (the upload already kept under the data folder).</summary>
    private async Task<int> QueueAsync(ServiceProvider server, int trustId, string path) => await QueryAsync(server, async db =>
    {
        var job = new ImportJob
        {
            Importer = NationalDataJobs.Name, TrustId = trustId, PersonId = 1, Actor = "data.manager@example.org", Kind = "ks2", Year = Year,
            FileName = Path.GetFileName(path), StoredPath = path, Status = ImportJobStatus.Queued, CreatedAt = _clock.GetUtcNow().UtcDateTime,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });

    /// <summary>A KS2 file of many schools, so that the import takes long enough to be watched.</summary>
    private string WriteKs2()
    {
        var path = Path.Combine(_files, "ks2.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("RECTYPE,LEA,URN,SCHNAME,TELIG,PTRWM_EXP,READPROG\n");
        for (var i = 0; i < Schools; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"1,850,{500000 + i},School {i},{20 + i % 40},{40 + i % 50}%,{(i % 21 - 10) / 10.0}\n"));
        }
        return path;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_files, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>PostgreSQL lets the other server read the progress the running one writes while its transaction saves.</summary>
public sealed class RunningAnImportJobOnTwoServersOnPostgres() : RunningAnImportJobOnTwoServers(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason)
{
    protected override void ExpectProgressWhileSaving(IReadOnlyList<(string? ClaimedBy, ImportJobStatus Status, string? Stage, double Fraction)> seen) =>
        Assert.Contains(seen, s => s is { Stage: "Saving", Fraction: > 0 and < 1 });
}

/// <summary>SQLite has one writer: the progress written before the import's transaction began is what the other server sees.</summary>
public sealed class RunningAnImportJobOnTwoServersOnSqlite() : RunningAnImportJobOnTwoServers(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null)
{
    protected override void ExpectProgressWhileSaving(IReadOnlyList<(string? ClaimedBy, ImportJobStatus Status, string? Stage, double Fraction)> seen) =>
        Assert.Contains(seen, s => s.Stage == "Checking");
}
