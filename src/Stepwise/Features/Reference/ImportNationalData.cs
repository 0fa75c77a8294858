using System.Text;
using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Spc;
using Stepwise.Data;
using Stepwise.Features.Analysis;

namespace Stepwise.Features.Reference;

/// <summary>
/// Imports a national file (KS2, KS4, census, absence) for one academic year. Validation comes first: by default a
/// file with any bad line is refused whole, with every problem reported; with <c>acceptValid</c> the good lines are
/// imported and the rest reported. The write is one transaction. The same file again changes nothing; a corrected
/// file updates only the figures that changed.
/// </summary>
public sealed class ImportNationalData(AppDbContext db, TrustScope scope, TimeProvider clock)
{
    /// <summary>How far an import has got: "Checking" while it reads and validates, "Saving" while it writes (0 to 1).</summary>
    public sealed record Progress(string Stage, double Fraction);

    public sealed record Report(int Read, int Accepted, int Rejected, IReadOnlyList<CsvProblem> Errors, bool Imported, bool AlreadyImported, int ValuesAdded, int ValuesChanged);

    public async Task<Report> HandleAsync(FileLayout layout, Stream file, string fileName, int year, bool acceptValid, CancellationToken ct,
        IProgress<Progress>? progress = null)
    {
        var (hash, encoding) = await ImportFile.InspectAsync(file, ct);
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true);
        var rows = new List<NationalRow>();
        var problems = new List<CsvProblem>();
        var badLines = new HashSet<int>();
        foreach (var (row, problem) in PerformanceTableReader.Read(text, layout))
        {
            if (row is not null)
            {
                rows.Add(row);
                if (rows.Count % 1000 == 0 && file.CanSeek && file.Length > 0)
                {
                    progress?.Report(new Progress("Checking", (double)file.Position / file.Length));
                }
            }
            else if (problem is not null)
            {
                problems.Add(problem);
                badLines.Add(problem.Line);
            }
        }
        var read = rows.Count + badLines.Count;
        if (problems.Any(p => p.Line == 1) || (problems.Count > 0 && !acceptValid) || rows.Count == 0)
        {
            if (rows.Count == 0 && problems.Count == 0)
            {
                problems.Add(new CsvProblem(2, layout.UrnColumn, "", "the file has a header but no rows"));
            }
            return new Report(read, 0, read, problems, Imported: false, AlreadyImported: false, 0, 0);
        }

        if (await db.ImportRuns.AnyAsync(r => r.Kind == layout.Kind && r.Year == year && r.Hash == hash, ct))
        {
            return new Report(read, rows.Count, badLines.Count, problems, Imported: false, AlreadyImported: true, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await EnsureCatalogueAsync(layout, ct);
        var run = new ImportRun
        {
            Kind = layout.Kind, Year = year, FileName = Path.GetFileName(fileName), Hash = hash, Actor = scope.Actor,
            At = clock.GetUtcNow().UtcDateTime, Read = read, Accepted = rows.Count, Rejected = badLines.Count,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);

        var keys = layout.Measures.Select(m => m.Key).ToList();
        var existing = await db.ReferenceValues.Where(v => v.Year == year && keys.Contains(v.MetricKey))
            .ToDictionaryAsync(v => (v.MetricKey, v.RecordType, v.Area, v.Urn), ct);
        progress?.Report(new Progress("Checking", 1));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i % 1000 == 999)
            {
                // Written in batches inside the one transaction: the change tracker stays small, and progress can be shown.
                await db.SaveChangesAsync(ct);
                progress?.Report(new Progress("Saving", (double)i / rows.Count));
            }
            foreach (var (key, cell) in row.Values)
            {
                if (existing.TryGetValue((key, row.RecordType, row.Area, row.Urn), out var value))
                {
                    if (value.Value != cell.Value || value.Missing != cell.Missing)
                    {
                        (value.Value, value.Missing, value.ImportRunId) = (cell.Value, cell.Missing, run.Id);
                        run.ValuesChanged++;
                    }
                    continue;
                }
                var added = new ReferenceValue
                {
                    MetricKey = key, Year = year, RecordType = row.RecordType, Urn = row.Urn, Area = row.Area,
                    Value = cell.Value, Missing = cell.Missing, ImportRunId = run.Id,
                };
                existing[(key, row.RecordType, row.Area, row.Urn)] = added;
                db.ReferenceValues.Add(added);
                run.ValuesAdded++;
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        progress?.Report(new Progress("Saving", 1));
        return new Report(read, rows.Count, badLines.Count, problems, Imported: true, AlreadyImported: false, run.ValuesAdded, run.ValuesChanged);
    }

    private async Task EnsureCatalogueAsync(FileLayout layout, CancellationToken ct)
    {
        var known = await db.Metrics.Select(m => m.Key).ToListAsync(ct);
        foreach (var measure in layout.Measures.Where(m => !known.Contains(m.Key)))
        {
            db.Metrics.Add(new Metric { Key = measure.Key, Name = measure.Name, Unit = measure.Unit, Polarity = measure.Polarity.ToCode(), Source = measure.Source });
        }
    }
}
