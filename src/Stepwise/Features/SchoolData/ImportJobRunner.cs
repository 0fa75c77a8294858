using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Reference;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// Runs queued import jobs one at a time, as the person who uploaded the file (their permissions are checked again).
/// Jobs live in the database, so a queued job survives a restart; a job that was running when the server stopped is
/// marked failed — its transaction never committed, so nothing from it was saved — and its file deleted.
/// </summary>
public sealed class ImportJobRunner(IServiceScopeFactory scopes, ImportProgressBoard board, ILogger<ImportJobRunner> logger, TimeProvider clock) : BackgroundService
{
    private readonly Channel<int> _wake = Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

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

    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("import jobs");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var job in await db.Set<ImportJob>().Where(j => j.Status == ImportJobStatus.Running).ToListAsync(ct))
        {
            (job.Status, job.FinishedAt) = (ImportJobStatus.Failed, clock.GetUtcNow().UtcDateTime);
            job.Message = "The server stopped during this import. Nothing from it was saved: upload the file again.";
            Delete(job.StoredPath);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("import jobs");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.Set<ImportJob>().Where(j => j.Status == ImportJobStatus.Queued).OrderBy(j => j.Id).FirstOrDefaultAsync(ct);
        if (job is null)
        {
            return false;
        }
        job.Status = ImportJobStatus.Running;
        await db.SaveChangesAsync(ct);
        board.Report(job.Id, "Checking", 0);
        try
        {
            job.Report = null;
            var (status, report, message) = await ImportAsync(job, ct);
            (job.Status, job.Report, job.Message) = (status, report, message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import job {Job} failed", job.Id);
            (job.Status, job.Message) = (ImportJobStatus.Failed, "The import failed on our side and nothing from it was saved. The problem has been logged.");
        }
        finally
        {
            board.Forget(job.Id);
            Delete(job.StoredPath);
        }
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>The import itself, in a scope of its own acting as the person who uploaded the file.</summary>
    private async Task<(ImportJobStatus, string?, string?)> ImportAsync(ImportJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsPerson(job.TrustId, job.PersonId, job.Actor);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var urn = await db.Schools.Where(s => s.Id == job.SchoolId).Select(s => s.Urn).SingleAsync(ct);
        if (!File.Exists(job.StoredPath))
        {
            return (ImportJobStatus.Failed, null, "The uploaded file is no longer on the server: upload it again.");
        }
        await using var file = File.OpenRead(job.StoredPath);
        var progress = new Progress<ImportNationalData.Progress>(p => board.Report(job.Id, p.Stage, p.Fraction));
        var outcome = await scope.ServiceProvider.GetRequiredService<ImportSchoolData>()
            .HandleAsync(new ImportSchoolData.Request(urn, SchoolFileLayout.Find(job.Kind)!, job.FileName, job.AcceptValid), file, ct, progress);
        if (outcome.Value is not { } report)
        {
            return (ImportJobStatus.Failed, null, "You no longer have permission to import data for this school.");
        }
        var json = JsonSerializer.Serialize(SchoolDataFeature.ReportJson.From(report), JsonSerializerOptions.Web);
        return (report.Imported || report.AlreadyImported ? ImportJobStatus.Done : ImportJobStatus.Refused, json, null);
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
