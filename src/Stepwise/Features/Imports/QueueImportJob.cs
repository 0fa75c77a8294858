using Microsoft.Extensions.Options;
using Stepwise.Data;

namespace Stepwise.Features.Imports;

/// <summary>
/// Queues an import job of any kind, once its feature has checked who may import what: the upload is kept under the
/// data folder, the job row written as queued, and this server's runner woken (another server may take it first).
/// </summary>
public sealed class QueueImportJob(AppDbContext db, TimeProvider clock, ImportJobRunner runner, IOptions<DatabaseOptions> database)
{
    public async Task<ImportJob> QueueAsync(ImportJob job, IFormFile file, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetFullPath(database.Value.DataDirectory), "uploads");
        Directory.CreateDirectory(folder);
        var stored = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        await using (var target = File.Create(stored))
        {
            await file.CopyToAsync(target, ct);
        }
        (job.StoredPath, job.Status, job.CreatedAt) = (stored, ImportJobStatus.Queued, clock.UtcNow());
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        runner.Wake();
        return job;
    }
}
