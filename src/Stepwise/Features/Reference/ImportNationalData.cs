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
        var run = await StartRunAsync(layout.Kind, year, fileName, inspection.Hash, read, rows.Count, badLines.Count, layout.Measures, ct);
        var keys = layout.Measures.Select(m => m.Key).ToList();
        var ofTheYear = db.ReferenceValues.Where(v => v.Year == year && keys.Contains(v.MetricKey));
        if (replace)
        {
            var earlier = await db.ImportRuns.Where(r => r.Kind == layout.Kind && r.Year == year && r.Id != run.Id).Select(r => r.FileName).Distinct().ToListAsync(ct);
            var removed = await ofTheYear.ExecuteDeleteAsync(ct);
            db.Audit(scope.TrustId ?? 0, "Replaced", nameof(ImportRun), run.Id.ToString(CultureInfo.InvariantCulture),
                $"{layout.Kind} {AcademicYear.EndingIn(year)}: {removed:N0} figures from {(earlier.Count == 0 ? "no earlier file" : string.Join(", ", earlier))} replaced by {run.FileName}");
        }
        // A school's figure is found by its URN alone: a corrected file may move it to another record type (a special
        // school the census names as such) or area, and it must update the one figure, not add a second.
        var existing = replace ? [] : await ofTheYear.AsNoTracking().ToDictionaryAsync(Key, ct);
        await StoreAsync(run, rows, _ => year, existing, progress, ct);
        await transaction.CommitAsync(ct);
        return checkedReport with { Imported = true, ValuesAdded = run.ValuesAdded, ValuesChanged = run.ValuesChanged };
    }

    /// <summary>
    /// Imports a file of national, regional and local-authority figures over several years (<see cref="SeriesLayout"/>:
    /// LAIT, attendance year to date) by the same rules: every line checked first, a bad line refuses the file unless the
    /// valid lines are accepted, one transaction, the same file twice changes nothing, a corrected file updates what changed.
    /// </summary>
    public async Task<ImportReport> HandleAsync(SeriesLayout layout, Stream file, string fileName, bool acceptValid, CancellationToken ct,
        IProgress<ImportProgress>? progress = null)
    {
        var inspection = await ImportFile.InspectAsync(file, ct);
        if (await EarlierImport.ReportAsync(db.ImportRuns, layout.Kind, inspection.Hash, ct) is { } earlier)
        {
            return earlier;
        }
        using var text = new StreamReader(file, inspection.Encoding, detectEncodingFromByteOrderMarks: true);
        var rows = new List<NationalRow>();
        var problems = new List<RowProblem>();
        var badLines = new HashSet<int>();
        var read = 0;
        foreach (var (row, problem) in layout.Read(text))
        {
            if (row is not null)
            {
                rows.Add(row);
                read++;
            }
            else if (problem is not null)
            {
                problems.Add(problem);
                read += badLines.Add(problem.Line) ? 1 : 0;
            }
        }
        if (ImportReport.RefusesWhole(problems, rows.Count, acceptValid))
        {
            return ImportReport.Refusal(read, problems, layout.FirstColumn);
        }
        var checkedReport = new ImportReport(read, rows.Count, badLines.Count, problems, Imported: false, AlreadyImported: false, 0, 0);
        if (await SameFile.AlreadyImportedAsync(db.ImportRuns, layout.Kind, inspection.Hash, newestOnly: false, ct))
        {
            return checkedReport.AsAlreadyImported();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var years = rows.Select(r => r.Year!.Value).Distinct().ToList();
        var run = await StartRunAsync(layout.Kind, years.Max(), fileName, inspection.Hash, read, rows.Count, badLines.Count, layout.Measures, ct);
        var keys = layout.Measures.Select(m => m.Key).ToList();
        var existing = await db.ReferenceValues.Where(v => v.Urn == null && years.Contains(v.Year) && keys.Contains(v.MetricKey)).AsNoTracking().ToDictionaryAsync(Key, ct);
        await StoreAsync(run, rows, r => r.Year!.Value, existing, progress, ct);
        await transaction.CommitAsync(ct);
        return checkedReport with { Imported = true, ValuesAdded = run.ValuesAdded, ValuesChanged = run.ValuesChanged };
    }

    private async Task<ImportRun> StartRunAsync(string kind, int year, string fileName, string hash, int read, int accepted, int rejected,
        IReadOnlyList<MeasureDefinition> measures, CancellationToken ct)
    {
        await EnsureCatalogueAsync(measures, ct);
        var run = new ImportRun
        {
            Kind = kind, Year = year, FileName = Path.GetFileName(fileName), Hash = hash, Actor = scope.Actor,
            At = clock.UtcNow(), Read = read, Accepted = accepted, Rejected = rejected,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>Adds each row's figures, or updates those that changed, in batches inside the caller's transaction.</summary>
    private async Task StoreAsync(ImportRun run, List<NationalRow> rows, Func<NationalRow, int> yearOf,
        Dictionary<(string, int, RecordType, string, int?), ReferenceValue> existing, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new ImportProgress("Checking", 1));
        // Changed figures are updated through the change tracker (few, on a corrected file); new ones, which may be tens
        // of thousands, are added in multi-row statements in the same transaction (the last of a figure given twice wins).
        var added = new Dictionary<(string, int, RecordType, string, int?), ReferenceValue>();
        foreach (var row in rows)
        {
            var year = yearOf(row);
            foreach (var (key, cell) in row.Values)
            {
                var naturalKey = Key(key, year, row.RecordType, row.Area, row.Urn);
                if (existing.TryGetValue(naturalKey, out var value))
                {
                    if (value.Value != cell.Value || value.Missing != cell.Missing || value.RecordType != row.RecordType || value.Area != row.Area)
                    {
                        (value.Value, value.Missing, value.RecordType, value.Area, value.ImportRunId) = (cell.Value, cell.Missing, row.RecordType, row.Area, run.Id);
                        db.Entry(value).State = EntityState.Modified;
                        run.ValuesChanged++;
                    }
                    continue;
                }
                added[naturalKey] = new ReferenceValue
                {
                    MetricKey = key, Year = year, RecordType = row.RecordType, Urn = row.Urn, Area = row.Area,
                    Value = cell.Value, Missing = cell.Missing, ImportRunId = run.Id,
                };
            }
        }
        run.ValuesAdded = added.Count;
        await db.SaveChangesAsync(ct);
        // In parts, so that the import's progress (and another server watching the job) moves while it saves.
        var saved = 0;
        foreach (var part in added.Values.Chunk(SavedTogether))
        {
            progress?.Report(new ImportProgress("Saving", (double)saved / added.Count));
            await BulkInsert.InsertAsync(db, part, ct);
            saved += part.Length;
        }
        progress?.Report(new ImportProgress("Saving", 1));
    }

    /// <summary>Figures written in one bulk statement (or COPY) between two reports of progress.</summary>
    private const int SavedTogether = 2_000;

    private static (string, int, RecordType, string, int?) Key(ReferenceValue v) => Key(v.MetricKey, v.Year, v.RecordType, v.Area, v.Urn);

    private static (string, int, RecordType, string, int?) Key(string metric, int year, RecordType type, string area, int? urn) =>
        urn is null ? (metric, year, type, area, null) : (metric, year, RecordType.School, "", urn);

    private async Task EnsureCatalogueAsync(IReadOnlyList<MeasureDefinition> measures, CancellationToken ct)
    {
        var known = await db.Metrics.Select(m => m.Key).ToListAsync(ct);
        foreach (var measure in measures.Where(m => !known.Contains(m.Key)))
        {
            db.Metrics.Add(new Metric { Key = measure.Key, Name = measure.Name, Unit = measure.Unit, Polarity = measure.Polarity.ToCode(), Source = measure.Source });
        }
    }
}
