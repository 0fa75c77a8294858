using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Spc;
using Stepwise.Data;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>
/// Imports a national file (KS2, KS4, census, absence) for one academic year, by the imports kernel's rules (ADR 0065):
/// every line is checked first, and a file with any bad line is refused whole unless the valid lines are accepted; a
/// file for another year than <c>year</c> is refused. The write is one transaction. The same file again changes
/// nothing; a corrected file updates only the figures that changed, or, with <c>replace</c>, replaces the year's
/// figures from this kind of file whole (recorded in the audit log).
/// </summary>
public sealed class ImportNationalData(AppDbContext db, TrustScope scope, TimeProvider clock)
{
    public async Task<ImportReport> HandleAsync(FileLayout layout, Stream file, string fileName, int year, bool acceptValid, CancellationToken ct,
        IProgress<ImportProgress>? progress = null, bool replace = false)
    {
        var inspection = await ImportFile.InspectAsync(file, ct);
        using var text = new StreamReader(file, inspection.Encoding, detectEncodingFromByteOrderMarks: true);
        var rows = new List<NationalRow>();
        var problems = new List<RowProblem>();
        var badLines = new HashSet<int>();
        var ignored = new List<string>();
        var notes = new List<RowProblem>();
        foreach (var (row, problem) in PerformanceTableReader.Read(text, layout, year, ignored, notes))
        {
            if (row is not null)
            {
                rows.Add(row);
                if (rows.Count % 1000 == 0 && file.CanSeek && file.Length > 0)
                {
                    progress?.Report(new ImportProgress("Checking", (double)file.Position / file.Length));
                }
            }
            else if (problem is not null)
            {
                problems.Add(problem);
                badLines.Add(problem.Line);
            }
        }
        var read = rows.Count + badLines.Count;
        rows = NationalCounts.AsAverages(rows, layout, notes);
        if (ImportReport.RefusesWhole(problems, rows.Count, acceptValid))
        {
            return ImportReport.Refusal(read, problems, layout.UrnColumn) with { Ignored = ignored, Notes = notes };
        }
        var checkedReport = new ImportReport(read, rows.Count, badLines.Count, problems, Imported: false, AlreadyImported: false, 0, 0) { Ignored = ignored, Notes = notes };
        if (await SameFile.AlreadyImportedAsync(db.ImportRuns.Where(r => r.Year == year), layout.Kind, inspection.Hash, newestOnly: replace, ct))
        {
            return checkedReport.AsAlreadyImported();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await EnsureCatalogueAsync(layout, ct);
        var run = new ImportRun
        {
            Kind = layout.Kind, Year = year, FileName = Path.GetFileName(fileName), Hash = inspection.Hash, Actor = scope.Actor,
            At = clock.UtcNow(), Read = read, Accepted = rows.Count, Rejected = badLines.Count,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);

        var keys = layout.Measures.Select(m => m.Key).ToList();
        var ofTheYear = db.ReferenceValues.Where(v => v.Year == year && keys.Contains(v.MetricKey));
        var removed = 0;
        if (replace)
        {
            var earlier = await db.ImportRuns.Where(r => r.Kind == layout.Kind && r.Year == year && r.Id != run.Id).Select(r => r.FileName).Distinct().ToListAsync(ct);
            removed = await ofTheYear.ExecuteDeleteAsync(ct);
            db.Audit(scope.TrustId ?? 0, "Replaced", nameof(ImportRun), run.Id.ToString(CultureInfo.InvariantCulture),
                $"{layout.Kind} {AcademicYear.EndingIn(year)}: {removed:N0} figures from {(earlier.Count == 0 ? "no earlier file" : string.Join(", ", earlier))} replaced by {run.FileName}");
        }
        // A school's figure is found by its URN alone: a corrected file may move it to another record type (a special
        // school the census names as such) or area, and it must update the one figure, not add a second.
        var existing = replace ? new Dictionary<(string, RecordType, string, int?), ReferenceValue>()
            : await ofTheYear.ToDictionaryAsync(Key, ct);
        progress?.Report(new ImportProgress("Checking", 1));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i % 1000 == 999)
            {
                // Written in batches inside the one transaction: the change tracker stays small, and progress can be shown.
                await db.SaveChangesAsync(ct);
                progress?.Report(new ImportProgress("Saving", (double)i / rows.Count));
            }
            foreach (var (key, cell) in row.Values)
            {
                if (existing.TryGetValue(Key(key, row.RecordType, row.Area, row.Urn), out var value))
                {
                    if (value.Value != cell.Value || value.Missing != cell.Missing || value.RecordType != row.RecordType || value.Area != row.Area)
                    {
                        (value.Value, value.Missing, value.RecordType, value.Area, value.ImportRunId) = (cell.Value, cell.Missing, row.RecordType, row.Area, run.Id);
                        run.ValuesChanged++;
                    }
                    continue;
                }
                var added = new ReferenceValue
                {
                    MetricKey = key, Year = year, RecordType = row.RecordType, Urn = row.Urn, Area = row.Area,
                    Value = cell.Value, Missing = cell.Missing, ImportRunId = run.Id,
                };
                existing[Key(key, row.RecordType, row.Area, row.Urn)] = added;
                db.ReferenceValues.Add(added);
                run.ValuesAdded++;
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        progress?.Report(new ImportProgress("Saving", 1));
        return checkedReport with { Imported = true, ValuesAdded = run.ValuesAdded, ValuesChanged = run.ValuesChanged };
    }

    private static (string, RecordType, string, int?) Key(ReferenceValue v) => Key(v.MetricKey, v.RecordType, v.Area, v.Urn);

    private static (string, RecordType, string, int?) Key(string metric, RecordType type, string area, int? urn) =>
        urn is null ? (metric, type, area, null) : (metric, RecordType.School, "", urn);

    private async Task EnsureCatalogueAsync(FileLayout layout, CancellationToken ct)
    {
        var known = await db.Metrics.Select(m => m.Key).ToListAsync(ct);
        foreach (var measure in layout.Measures.Where(m => !known.Contains(m.Key)))
        {
            db.Metrics.Add(new Metric { Key = measure.Key, Name = measure.Name, Unit = measure.Unit, Polarity = measure.Polarity.ToCode(), Source = measure.Source });
        }
    }
}
