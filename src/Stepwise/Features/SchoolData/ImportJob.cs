using System.Collections.Concurrent;
using Stepwise.Data;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// A file uploaded on the web page, imported in the background so that a large file neither times out the request
/// nor ties up the page. The job row says where it has got to; the report is kept when it finishes.
/// </summary>
public sealed class ImportJob : ITrustOwned
{
    public int Id { get; set; }
    public int TrustId { get; set; }
    public int SchoolId { get; set; }
    public int PersonId { get; set; }
    public required string Actor { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }

    /// <summary>Where the upload waits under the data folder until the import has read it; deleted afterwards.</summary>
    public required string StoredPath { get; set; }

    public bool AcceptValid { get; set; }
    public ImportJobStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>The report as JSON (see <see cref="SchoolDataFeature.ReportJson"/>), once finished.</summary>
    public string? Report { get; set; }

    /// <summary>Why a job failed, in words for the person who uploaded the file.</summary>
    public string? Message { get; set; }
}

public enum ImportJobStatus
{
    Queued,
    Running,
    Done,
    Refused,
    Failed,
}

/// <summary>
/// Progress of running jobs, held in memory: the import's own transaction holds SQLite's write lock, so progress is
/// not written to the database while it runs. A page reading a job on another server instance sees "running"
/// without a percentage.
/// </summary>
public sealed class ImportProgressBoard
{
    private readonly ConcurrentDictionary<int, (string Stage, double Fraction)> _jobs = new();

    public void Report(int jobId, string stage, double fraction) => _jobs[jobId] = (stage, fraction);

    public (string Stage, double Fraction)? Find(int jobId) => _jobs.TryGetValue(jobId, out var p) ? p : null;

    public void Forget(int jobId) => _jobs.TryRemove(jobId, out _);
}
