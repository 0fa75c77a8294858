using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Imports;

/// <summary>
/// A job's progress, written to its row so every server shows it. Reporting costs the import nothing but a lock and
/// two fields: the write happens on its own connection, one at a time, when the stage changes or at most every half
/// second, never per line. On SQLite the import's transaction holds the one write lock, so a write made while it saves
/// waits for the commit (or is dropped after the busy timeout): the page shows the stage reached before saving began.
/// </summary>
public sealed class ImportJobProgress(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, int jobId) : IProgress<ImportProgress>
{
    /// <summary>How often progress within a stage is written at most.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    private readonly Lock _lock = new();
    private ImportProgress? _written;
    private DateTimeOffset _writtenAt;
    private ImportProgress? _pending;
    private Task _writing = Task.CompletedTask;

    public void Report(ImportProgress value)
    {
        lock (_lock)
        {
            _pending = value;
            var due = _written is null || _written.Stage != value.Stage || clock.GetUtcNow() - _writtenAt >= Every;
            if (!due || !_writing.IsCompleted)
            {
                return;
            }
            _writing = WriteAsync(value);
        }
    }

    /// <summary>Waits for the write under way, then writes the latest progress if it was not written.</summary>
    public async Task FlushAsync()
    {
        Task writing;
        lock (_lock)
        {
            writing = _writing;
        }
        await writing;
        ImportProgress? last;
        lock (_lock)
        {
            last = _pending == _written ? null : _pending;
        }
        if (last is not null)
        {
            await WriteAsync(last);
        }
    }

    private async Task WriteAsync(ImportProgress value)
    {
        (_written, _writtenAt) = (value, clock.GetUtcNow());
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("import jobs");
            var fraction = Math.Clamp(value.Fraction, 0, 1);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ImportJob>().Where(j => j.Id == jobId)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, value.Stage).SetProperty(j => j.Fraction, fraction));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogDebug(e, "Progress of import job {Job} not written", jobId);
        }
    }
}
