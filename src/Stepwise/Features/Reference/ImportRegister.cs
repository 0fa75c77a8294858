using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>
/// Imports the DfE school register (a Get Information About Schools establishment extract): every school's name,
/// local authority, type, phase, status, size and free-school-meals rate. Same rules as the other national files:
/// validated first, one transaction, the same file twice changes nothing, a corrected file updates what changed.
/// </summary>
public sealed class ImportRegister(AppDbContext db, TrustScope scope, TimeProvider clock)
{
    public const string Kind = "register";

    public Task<ImportReport> HandleAsync(Stream file, string fileName, bool acceptValid, CancellationToken ct) =>
        HandleAsync(RegisterLayout.Gias, file, fileName, acceptValid, ct);

    /// <summary>
    /// Imports a file of schools in <paramref name="layout"/>: the register itself, or the school census, which names every
    /// school in England with its phase, pupils, free school meals and EAL, and leaves what it does not say (status,
    /// postcode, dates) as the register had it.
    /// </summary>
    public async Task<ImportReport> HandleAsync(RegisterLayout layout, Stream file, string fileName, bool acceptValid, CancellationToken ct)
    {
        var inspection = await ImportFile.InspectAsync(file, ct);
        var hash = inspection.Hash;
        if (layout.Large && await EarlierImport.ReportAsync(db.ImportRuns, layout.Kind, hash, ct) is { } earlier)
        {
            return earlier;
        }
        var ignored = new List<string>();
        var (schools, problems, read) = Read(layout, file, inspection.Encoding, ignored);
        var badLines = problems.Select(p => p.Line).Distinct().Count();
        if (ImportReport.RefusesWhole(problems, schools.Count, acceptValid))
        {
            return ImportReport.Refusal(read, problems, layout.Urn) with { Ignored = ignored };
        }
        var checkedReport = new ImportReport(read, schools.Count, badLines, problems, Imported: false, AlreadyImported: false, 0, 0) { Ignored = ignored };
        if (await SameFile.AlreadyImportedAsync(db.ImportRuns, layout.Kind, hash, newestOnly: false, ct))
        {
            return checkedReport.AsAlreadyImported();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = new ImportRun
        {
            Kind = layout.Kind, Year = layout.Year, FileName = Path.GetFileName(fileName), Hash = hash, Actor = scope.Actor,
            At = clock.UtcNow(), Read = read, Accepted = schools.Count, Rejected = badLines,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var existing = await db.ReferenceSchools.ToDictionaryAsync(s => s.Urn, ct);
        var added = new List<ReferenceSchool>();
        foreach (var school in schools)
        {
            if (!existing.TryGetValue(school.Urn, out var known))
            {
                school.ImportRunId = run.Id;
                existing[school.Urn] = school;
                added.Add(school);
                run.ValuesAdded++;
                continue;
            }
            if (db.Entry(known).State == EntityState.Detached)
            {
                // Listed twice in the file: the later line wins.
                added[added.IndexOf(known)] = school;
                school.ImportRunId = run.Id;
                existing[school.Urn] = school;
                continue;
            }
            // SetValues marks only the properties whose values differ; an unchanged school keeps its provenance. What
            // the layout does not hold (the census has no status, postcode or dates) stays as the register had it.
            school.ImportRunId = known.ImportRunId;
            layout.KeepUnknown(known, school);
            var entry = db.Entry(known);
            entry.CurrentValues.SetValues(school);
            if (entry.Properties.Any(p => p.IsModified))
            {
                known.ImportRunId = run.Id;
                run.ValuesChanged++;
            }
        }
        await db.SaveChangesAsync(ct);
        // New schools (every school in England on a first census import) in multi-row statements, in the same transaction.
        await BulkInsert.InsertAsync(db, added, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return checkedReport with { Imported = true, ValuesAdded = run.ValuesAdded, ValuesChanged = run.ValuesChanged };
    }

    private static (List<ReferenceSchool> Schools, List<RowProblem> Problems, int Read) Read(RegisterLayout layout, Stream file, Encoding encoding, List<string> ignored)
    {
        var schools = new List<ReferenceSchool>();
        var problems = new List<RowProblem>();
        var read = 0;
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            problems.Add(new RowProblem(1, layout.Urn, "", "the file is empty"));
            return (schools, problems, 0);
        }
        var header = csv.HeaderRecord.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        foreach (var column in layout.Required.Where(c => !header.Contains(c)))
        {
            problems.Add(new RowProblem(1, column, "", $"the header has no \"{column}\" column: is this {layout.Describes}?"));
        }
        if (problems.Count > 0)
        {
            return (schools, problems, 0);
        }
        var columns = layout.Columns;
        ignored.AddRange(header.Where(h => !columns.Contains(h)));
        var columnsRead = header.Where(columns.Contains).ToList();
        var index = columns.ToDictionary(c => c, c => header.IndexOf(c));
        while (csv.Read())
        {
            read++;
            var line = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            if (record.Length < header.Count && columnsRead.Any(c => header.IndexOf(c) >= record.Length))
            {
                problems.Add(RowProblem.CutShort(line, header, record.Length, columnsRead));
                continue;
            }
            string? Get(string? column) => column is not null && index.TryGetValue(column, out var i) && i >= 0 && i < record.Length
                ? (record[i].Trim() is { Length: > 0 } v ? v : null)
                : null;
            var lineProblems = new List<RowProblem>();
            var urnText = Get(layout.Urn) ?? "";
            if (Urn(urnText) is not int urn)
            {
                lineProblems.Add(new RowProblem(line, layout.Urn, urnText, "a URN is 6 digits"));
                urn = 0;
            }
            var name = Get(layout.Name);
            if (name is null)
            {
                lineProblems.Add(new RowProblem(line, layout.Name, "", "the school's name is empty"));
            }
            var pupils = Whole(Get(layout.Pupils), line, layout.Pupils, lineProblems);
            var fsm = Percent(Get(layout.FreeSchoolMeals), line, layout.FreeSchoolMeals, lineProblems);
            var eal = Percent(Get(layout.Eal), line, layout.Eal, lineProblems);
            var opened = Date(Get(layout.OpenDate), line, layout.OpenDate, lineProblems);
            var closed = Date(Get(layout.CloseDate), line, layout.CloseDate, lineProblems);
            if (lineProblems.Count > 0)
            {
                problems.AddRange(lineProblems);
                continue;
            }
            var type = Get(layout.Type);
            schools.Add(new ReferenceSchool
            {
                Urn = urn, Name = name!, LaCode = Get(layout.LaCode) ?? "", LocalAuthority = Get(layout.LaName),
                Type = type, Phase = layout.PhaseOf(Get(layout.Phase), type), Status = Get(layout.Status),
                Region = Get(layout.Region), Postcode = Get(layout.Postcode), Pupils = pupils, PercentFreeSchoolMeals = fsm, PercentEal = eal,
                Trust = Get(layout.Trust), OpenedOn = opened, ClosedOn = closed,
            });
        }
        return (schools, problems, read);
    }

    /// <summary>Six digits; "1e+05" too, as R writes 100000 when it saves a census file.</summary>
    private static int? Urn(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) && urn is >= 100000 and <= 999999)
        {
            return urn;
        }
        return text.Contains('e', StringComparison.OrdinalIgnoreCase)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value == Math.Floor(value) && value is >= 100000 and <= 999999 ? (int)value : null;
    }

    private static int? Whole(string? text, int line, string? column, List<RowProblem> problems)
    {
        if (text is null || DfeCell.Markers.ContainsKey(text))
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        problems.Add(new RowProblem(line, column!, text, "is not a whole number"));
        return null;
    }

    private static double? Percent(string? text, int line, string? column, List<RowProblem> problems)
    {
        if (text is null || DfeCell.Markers.ContainsKey(text))
        {
            return null;
        }
        if (DfeCell.TryParse(text, out var cell) && cell.Value is double value and >= 0 and <= 100)
        {
            return Math.Round(value, 6);
        }
        problems.Add(new RowProblem(line, column!, text, "is not a percentage between 0 and 100"));
        return null;
    }

    private static DateOnly? Date(string? text, int line, string? column, List<RowProblem> problems)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, ["dd-MM-yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add(new RowProblem(line, column!, text, "is not a date in the form dd-mm-yyyy"));
        return null;
    }
}
