using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stepwise.Data;

namespace Stepwise.Features.Imports;

/// <summary>A feature's way of running its import jobs (a school's own data, national data, next timetables).</summary>
public interface IImportJobHandler
{
    /// <summary>The name stored in <see cref="ImportJob.Importer"/>.</summary>
    string Importer { get; }

    /// <summary>Runs the import in a scope acting as the person who uploaded the file; a message instead of a report when it cannot run.</summary>
    Task<ImportJobResult> RunAsync(ImportJob job, Stream file, IProgress<ImportProgress> progress, CancellationToken ct);
}

public sealed record ImportJobResult(ImportReport? Report, string? Message)
{
    public static ImportJobResult Cannot(string message) => new(null, message);
}

/// <summary>`Imports:Node`: this server's name in a job's claim (the machine's name unless set); each web node needs its own.</summary>
public sealed class ImportNodeOptions
{
    public string? Node { get; set; }
}

/// <summary>
/// Runs queued import jobs of every kind, one at a time on each server, as the person who uploaded the file (their
/// permissions are checked again). Jobs live in the database: a server takes a job with a conditional update (only
/// while it is still queued), so among several servers exactly one runs it; its progress and report are written to the
/// job's row, so every server's page shows them. A job that was running on this server when it stopped is marked
/// failed — its transaction never committed, so nothing from it was saved — and its file deleted.
/// </summary>
public sealed class ImportJobRunner(IServiceScopeFactory scopes, ILogger<ImportJobRunner> logger, TimeProvider clock, IOptions<ImportNodeOptions> options)
    : BackgroundService
{
    private readonly Channel<int> _wake = Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>This server's name, written into the jobs it claims.</summary>
    public string Node { get; } = options.Value.Node is { Length: > 0 } node ? node : Environment.MachineName;

    /// <summary>Called when a job is queued, so it starts at once rather than at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may not be migrated yet on the very first start: the next poll tries again.
            logger.LogWarning(e, "Could not check for interrupted import jobs");
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The import job runner failed; it will try again");
            }
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await _wake.Reader.ReadAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>The jobs this server was running when it stopped (or that were running before jobs were claimed): failed, their files deleted.</summary>
    public async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var job in await db.Set<ImportJob>().Where(j => j.Status == ImportJobStatus.Running && (j.ClaimedBy == Node || j.ClaimedBy == null)).ToListAsync(ct))
        {
            (job.Status, job.FinishedAt) = (ImportJobStatus.Failed, clock.UtcNow());
            job.Message = "The server stopped during this import. Nothing from it was saved: upload the file again.";
            Delete(job.StoredPath);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Takes a queued job for this server: an update that only succeeds while the job is still queued, so when two
    /// servers try at once, the database lets one of them change the row and the other changes nothing.
    /// </summary>
    public async Task<bool> ClaimAsync(int jobId, CancellationToken ct)
    {
        await using var scope = SystemScope();
        var now = clock.UtcNow();
        var claimed = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ImportJob>()
            .Where(j => j.Id == jobId && j.Status == ImportJobStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportJobStatus.Running)
                .SetProperty(j => j.ClaimedBy, Node)
                .SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.Stage, "Checking")
                .SetProperty(j => j.Fraction, 0.0), ct);
        return claimed == 1;
    }

    /// <summary>Claims and runs the oldest queued job another server has not taken; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        List<int> queued;
        await using (var scope = SystemScope())
        {
            queued = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ImportJob>()
                .Where(j => j.Status == ImportJobStatus.Queued).OrderBy(j => j.Id).Select(j => j.Id).Take(10).ToListAsync(ct);
        }
        foreach (var id in queued)
        {
            if (await ClaimAsync(id, ct))
            {
                await RunAsync(id, ct);
                return true;
            }
        }
        return false;
    }

    private async Task RunAsync(int jobId, CancellationToken ct)
    {
        ImportJob job;
        await using (var scope = SystemScope())
        {
            job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        }
        var progress = new ImportJobProgress(scopes, clock, logger, jobId);
        ImportJobStatus status;
        string? report = null, message;
        try
        {
            var result = await ImportAsync(job, progress, ct);
            await progress.FlushAsync();
            message = result.Message;
            if (result.Report is { } r)
            {
                report = JsonSerializer.Serialize(ImportReportJson.From(r).ToStore(), JsonSerializerOptions.Web);
            }
            status = result.Report is { Imported: true } or { AlreadyImported: true } ? ImportJobStatus.Done
                : result.Report is not null ? ImportJobStatus.Refused : ImportJobStatus.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await progress.FlushAsync();
            logger.LogError(e, "Import job {Job} failed", job.Id);
            (status, message) = (ImportJobStatus.Failed, "The import failed on our side and nothing from it was saved. The problem has been logged.");
        }
        finally
        {
            Delete(job.StoredPath);
        }
        await using (var scope = SystemScope())
        {
            var finished = clock.UtcNow();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ImportJob>().Where(j => j.Id == jobId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, status)
                    .SetProperty(j => j.Report, report)
                    .SetProperty(j => j.Message, message)
                    .SetProperty(j => j.FinishedAt, finished), CancellationToken.None);
        }
    }

    /// <summary>The import itself, by its feature's handler, in a scope of its own acting as the person who uploaded the file.</summary>
    private async Task<ImportJobResult> ImportAsync(ImportJob job, IProgress<ImportProgress> progress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsPerson(job.TrustId, job.PersonId, job.Actor);
        var handler = scope.ServiceProvider.GetServices<IImportJobHandler>().SingleOrDefault(h => h.Importer == job.Importer)
            ?? throw new InvalidOperationException($"No import job handler for \"{job.Importer}\"");
        if (!File.Exists(job.StoredPath))
        {
            return ImportJobResult.Cannot("The uploaded file is no longer on the server: upload it again.");
        }
        await using var file = File.OpenRead(job.StoredPath);
        return await handler.RunAsync(job, file, progress, ct);
    }

    private AsyncServiceScope SystemScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("import jobs");
        return scope;
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the operating system's temporary-file clean-up.
        }
    }
}
