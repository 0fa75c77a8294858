using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Imports;

namespace Stepwise.Features.SchoolData;

/// <summary>Runs an uploaded MIS export as an import job (<see cref="ImportJobRunner"/>).</summary>
public sealed class SchoolDataJobs(AppDbContext db, ImportSchoolData import) : IImportJobHandler
{
    public const string Name = "school-data";

    public string Importer => Name;

    public async Task<ImportJobResult> RunAsync(ImportJob job, Stream file, IProgress<ImportProgress> progress, CancellationToken ct)
    {
        var urn = await db.Schools.Where(s => s.Id == job.SchoolId).Select(s => s.Urn).SingleAsync(ct);
        var outcome = await import.HandleAsync(new ImportSchoolData.Request(urn, SchoolFileLayout.Find(job.Kind)!, job.FileName, job.AcceptValid), file, ct, progress);
        return outcome.Value is { } report
            ? new ImportJobResult(report, null)
            : ImportJobResult.Cannot("You no longer have permission to import data for this school.");
    }
}
