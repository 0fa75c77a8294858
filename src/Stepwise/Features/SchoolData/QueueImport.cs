using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Imports;

namespace Stepwise.Features.SchoolData;

/// <summary>Keeps an uploaded file under the data folder and queues its import; the page then follows the job.</summary>
public sealed class QueueImport(AppDbContext db, AccessControl access, TrustScope scope, QueueImportJob queue)
{
    public sealed record Input(string? Kind, IFormFile? File, bool AcceptValid);

    public async Task<Outcome<ImportJob>> HandleAsync(int urn, Input input, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return Outcome<ImportJob>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPupils, school.Id, ct) || scope.PersonId is not int personId)
        {
            return Outcome<ImportJob>.Forbidden();
        }
        var problems = new Problems();
        var layout = SchoolFileLayout.Find(input.Kind ?? "");
        if (layout is null)
        {
            problems.Add("kind", "Choose what the file holds: pupils, assessments, attendance or behaviour.");
        }
        if (input.File is null || input.File.Length == 0)
        {
            problems.Add("file", input.File is null ? "Choose a CSV file to import." : "The file is empty.");
        }
        if (problems.Any)
        {
            return Outcome<ImportJob>.Invalid(problems);
        }
        var job = new ImportJob
        {
            Importer = SchoolDataJobs.Name, TrustId = school.TrustId, SchoolId = school.Id, PersonId = personId, Actor = scope.Actor, Kind = layout!.Kind,
            FileName = Path.GetFileName(input.File!.FileName), StoredPath = "", AcceptValid = input.AcceptValid,
        };
        return Outcome<ImportJob>.Ok(await queue.QueueAsync(job, input.File, ct));
    }

    /// <summary>A job of a school the acting person may import for; opening a finished job's report is audited.</summary>
    public async Task<(ImportJob Job, Schools.School School)?> FindAsync(int urn, int jobId, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null || !await access.CanAsync(Permission.EditPupils, school.Id, ct))
        {
            return null;
        }
        var job = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.SchoolId == school.Id, ct);
        if (job is null)
        {
            return null;
        }
        if (job.Report is not null)
        {
            // A report names lines of a school's pupil data: who opened it is in the audit log.
            db.AuditRead(school.TrustId, nameof(ImportJob), job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Opened the report of the import of {job.FileName} ({job.Kind}) for {school.Name} ({school.Urn})");
            await db.SaveChangesAsync(ct);
        }
        return (job, school);
    }
}
