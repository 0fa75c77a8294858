using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Imports;
using Stepwise.Features.Schools;
using Report = Stepwise.Features.Imports.ImportReport;
using Progress = Stepwise.Features.Imports.ImportProgress;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// A school's attendance file, the biggest kind (a row per pupil per week or day). The file is read and checked whole
/// first, outside any transaction, so a refused file holds no lock and writes nothing: by default any bad line refuses
/// it, and with <c>acceptValid</c> the good lines are kept. Then, in one transaction (ADR 0070), the school's stored
/// attendance is read, the file's marks are laid over it (<see cref="SchoolAttendance"/>), the pupil years that changed
/// are written (ADR 0070), and the school's metric series are worked out from the result and saved.
/// </summary>
public sealed class ImportAttendance(AppDbContext db, TrustScope scope, TimeProvider clock, DeriveSchoolMetrics derive)
{
    internal async Task<Report> HandleAsync(School school, ImportSchoolData.Request request, Stream file, FileInspection inspection,
        IProgress<Progress>? progress, CancellationToken ct)
    {
        var secret = await db.Trusts.Where(t => t.Id == school.TrustId).Select(t => t.PseudonymSecret).SingleAsync(ct);
        var pupilIds = await db.Pupils.Where(p => p.SchoolId == school.Id).Select(p => new { p.Key, p.Id }).ToDictionaryAsync(p => p.Key, p => p.Id, ct);
        var reading = new AttendanceFileCheck(school, secret, pupilIds, request, file, inspection.Encoding, progress);
        reading.CheckAll(ct);
        if (reading.Refused)
        {
            return reading.Refusal();
        }
        if (await ImportSchoolData.AlreadyImportedAsync(db, school.Id, request.Layout, inspection.Hash, ct))
        {
            // The same file again: checked, so a damaged file is still reported as such, and nothing is written.
            return reading.Report(imported: false, alreadyImported: true, 0, 0);
        }

        db.AuditEachRow = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ImportSchoolData.LockSchoolAsync(db, school.Id, ct);
        if (await ImportSchoolData.AlreadyImportedAsync(db, school.Id, request.Layout, inspection.Hash, ct))
        {
            // The same file, imported by someone else while this one was being checked.
            return reading.Report(imported: false, alreadyImported: true, 0, 0);
        }
        var import = new DataImport
        {
            TrustId = school.TrustId, SchoolId = school.Id, Kind = request.Layout.Kind, FileName = Path.GetFileName(request.FileName), Hash = inspection.Hash,
            Actor = scope.Actor, At = clock.UtcNow(),
        };
        db.DataImports.Add(import);
        await db.SaveChangesAsync(ct);
        // Read under the lock, so no other import of the school's data changes them before the commit.
        var groups = await derive.MembershipsAsync(school.Id, ct);
        var attendance = await SchoolAttendance.ReadAsync(db, school.Id, ct);
        var (added, changed) = attendance.LayOver(reading.Marks, import.Id);

        // The changed pupil years are written on another thread while this one works out the figures from them: the
        // writing waits mostly on the database, the figures only on this processor. Neither changes the years.
        var years = attendance.Years.Where(y => y.Changed).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writing = Task.Run(() => SaveAttendanceInBulk.WriteAsync(db, school.TrustId, school.Id, import.Id, years, progress, stop.Token), stop.Token);
        DeriveSchoolMetrics.AttendanceFigureSet figures;
        try
        {
            figures = DeriveSchoolMetrics.CalculateAttendance(attendance, groups);
        }
        catch
        {
            await stop.CancelAsync(); // Nothing will be kept: the writer need not finish.
            throw;
        }
        finally
        {
            // Whatever happens here, the writer has stopped before the context is used again or the transaction rolled back.
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await writing;

        progress?.Report(new Progress("Calculating", 0));
        (import.Read, import.Accepted, import.Rejected, import.Added, import.Changed) = (reading.Read, reading.Accepted, reading.Rejected, added, changed);
        db.DataImports.Update(import);
        db.Audit(school.TrustId, "Imported", nameof(DataImport), import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{request.Layout.Kind} for {school.Name} ({school.Urn}) from {import.FileName}: {import.Accepted:N0} rows, {import.Added:N0} added, {import.Changed:N0} changed");
        await db.SaveChangesAsync(ct);
        await derive.ForSchoolAsync(school.Id, import.Id, figures, ct);
        await transaction.CommitAsync(ct);
        progress?.Report(new Progress("Calculating", 1));
        return reading.Report(imported: true, alreadyImported: false, import.Added, import.Changed);
    }
}
