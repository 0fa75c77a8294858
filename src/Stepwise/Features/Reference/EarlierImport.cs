using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>
/// The report of a large national file imported before (the census's 24,442 rows, LAIT's 641,070 lines), from the record
/// of that import and without reading the file again: the same file changes nothing, so there is nothing to check.
/// </summary>
public static class EarlierImport
{
    public static async Task<ImportReport?> ReportAsync(IQueryable<ImportRun> runs, string kind, string hash, CancellationToken ct) =>
        await runs.Where(r => r.Kind == kind && r.Hash == hash).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct) is { } run
            ? new ImportReport(run.Read, run.Accepted, run.Rejected, [], Imported: false, AlreadyImported: true, 0, 0)
            : null;
}
