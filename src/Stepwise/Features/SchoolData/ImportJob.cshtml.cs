using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Schools;

namespace Stepwise.Features.SchoolData;

public sealed class ImportJobModel(QueueImport queue, ImportProgressBoard board) : PageModel
{
    public ImportJob Job { get; private set; } = null!;
    public School School { get; private set; } = null!;
    public SchoolDataFeature.ReportJson? Report { get; private set; }
    public (string Stage, double Fraction)? Progress { get; private set; }

    public bool Finished => Job.Status is ImportJobStatus.Done or ImportJobStatus.Refused or ImportJobStatus.Failed;

    public async Task<IActionResult> OnGetAsync(int urn, int jobId, CancellationToken ct)
    {
        if (await queue.FindAsync(urn, jobId, ct) is not var (job, school))
        {
            return NotFound();
        }
        (Job, School) = (job, school);
        Report = job.Report is null ? null : JsonSerializer.Deserialize<SchoolDataFeature.ReportJson>(job.Report, JsonSerializerOptions.Web);
        Progress = board.Find(job.Id);
        return Page();
    }

    public static string StatusText(ImportJobStatus status) => status switch
    {
        ImportJobStatus.Queued => "Waiting to start",
        ImportJobStatus.Running => "Importing",
        ImportJobStatus.Done => "Imported",
        ImportJobStatus.Refused => "Not imported: the file has problems",
        _ => "Failed",
    };

    /// <summary>Overall progress: checking is the first half, saving and calculating the second.</summary>
    public int Percent => Progress is not var (stage, fraction) ? 0 : stage switch
    {
        "Checking" => (int)(fraction * 50),
        "Saving" => 50 + (int)(fraction * 40),
        _ => 90 + (int)(fraction * 10),
    };
}
