using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

/// <summary>
/// SQLite has one writer at a time; with hundreds of respondents submitting at once, waiting in this queue is cheaper
/// and fairer than hundreds of transactions retrying on SQLITE_BUSY. PostgreSQL needs no gate (row locks suffice).
/// </summary>
public sealed class SurveyWriteGate
{
    private readonly SemaphoreSlim _sqlite = new(1, 1);

    public async Task<IDisposable> EnterAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return Open.Instance;
        }
        await _sqlite.WaitAsync(ct);
        return new Release(_sqlite);
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
