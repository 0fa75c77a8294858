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

    private static readonly string[] Required = ["URN", "EstablishmentName", "LA (code)"];

    public async Task<ImportReport> HandleAsync(Stream file, string fileName, bool acceptValid, CancellationToken ct)
    {
        var inspection = await ImportFile.InspectAsync(file, ct);
        var hash = inspection.Hash;
        var ignored = new List<string>();
        var (schools, problems, read) = Read(file, inspection.Encoding, ignored);
        var badLines = problems.Select(p => p.Line).Distinct().Count();
        if (ImportReport.RefusesWhole(problems, schools.Count, acceptValid))
        {
            return ImportReport.Refusal(read, problems, "URN") with { Ignored = ignored };
        }
        var checkedReport = new ImportReport(read, schools.Count, badLines, problems, Imported: false, AlreadyImported: false, 0, 0) { Ignored = ignored };
        if (await SameFile.AlreadyImportedAsync(db.ImportRuns, Kind, hash, newestOnly: false, ct))
        {
            return checkedReport.AsAlreadyImported();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = new ImportRun
        {
            Kind = Kind, FileName = Path.GetFileName(fileName), Hash = hash, Actor = scope.Actor,
            At = clock.UtcNow(), Read = read, Accepted = schools.Count, Rejected = badLines,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var urns = schools.Select(s => s.Urn).ToList();
        var existing = await db.ReferenceSchools.Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, ct);
        foreach (var school in schools)
        {
            if (!existing.TryGetValue(school.Urn, out var known))
            {
                school.ImportRunId = run.Id;
                db.ReferenceSchools.Add(school);
                run.ValuesAdded++;
                continue;
            }
            // SetValues marks only the properties whose values differ; an unchanged school keeps its provenance.
            school.ImportRunId = known.ImportRunId;
            var entry = db.Entry(known);
            entry.CurrentValues.SetValues(school);
            if (entry.Properties.Any(p => p.IsModified))
            {
                known.ImportRunId = run.Id;
                run.ValuesChanged++;
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return checkedReport with { Imported = true, ValuesAdded = run.ValuesAdded, ValuesChanged = run.ValuesChanged };
    }

    /// <summary>The columns the register import reads; the extract's others are listed as ignored.</summary>
    private static readonly string[] Columns = [.. Required, "LA (name)", "TypeOfEstablishment (name)", "PhaseOfEducation (name)",
        "EstablishmentStatus (name)", "GOR (name)", "Postcode", "NumberOfPupils", "PercentageFSM", "Trusts (name)", "OpenDate", "CloseDate"];

    private static (List<ReferenceSchool> Schools, List<RowProblem> Problems, int Read) Read(Stream file, Encoding encoding, List<string> ignored)
    {
        var schools = new List<ReferenceSchool>();
        var problems = new List<RowProblem>();
        var read = 0;
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            problems.Add(new RowProblem(1, "URN", "", "the file is empty"));
            return (schools, problems, 0);
        }
        var header = csv.HeaderRecord.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        foreach (var column in Required.Where(c => !header.Contains(c)))
        {
            problems.Add(new RowProblem(1, column, "", $"the header has no \"{column}\" column: is this a Get Information About Schools extract?"));
        }
        if (problems.Count > 0)
        {
            return (schools, problems, 0);
        }
        ignored.AddRange(header.Where(h => !Columns.Contains(h)));
        var columnsRead = header.Where(Columns.Contains).ToList();
        while (csv.Read())
        {
            read++;
            var line = csv.Parser.RawRow;
            if (csv.Parser.Record is { } cells && cells.Length < header.Count && columnsRead.Any(c => header.IndexOf(c) >= cells.Length))
            {
                problems.Add(RowProblem.CutShort(line, header, cells.Length, columnsRead));
                continue;
            }
            string? Get(string column) => header.IndexOf(column) is var i and >= 0 && i < (csv.Parser.Record?.Length ?? 0)
                ? (csv.Parser.Record![i].Trim() is { Length: > 0 } v ? v : null)
                : null;
            var lineProblems = new List<RowProblem>();
            var urnText = Get("URN") ?? "";
            if (!int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) || urn is < 100000 or > 999999)
            {
                lineProblems.Add(new RowProblem(line, "URN", urnText, "a URN is 6 digits"));
            }
            var name = Get("EstablishmentName");
            if (name is null)
            {
                lineProblems.Add(new RowProblem(line, "EstablishmentName", "", "the school's name is empty"));
            }
            var pupils = Whole(Get("NumberOfPupils"), line, "NumberOfPupils", lineProblems);
            var fsm = Percent(Get("PercentageFSM"), line, "PercentageFSM", lineProblems);
            var opened = Date(Get("OpenDate"), line, "OpenDate", lineProblems);
            var closed = Date(Get("CloseDate"), line, "CloseDate", lineProblems);
            if (lineProblems.Count > 0)
            {
                problems.AddRange(lineProblems);
                continue;
            }
            schools.Add(new ReferenceSchool
            {
                Urn = urn, Name = name!, LaCode = Get("LA (code)") ?? "", LocalAuthority = Get("LA (name)"),
                Type = Get("TypeOfEstablishment (name)"), Phase = Get("PhaseOfEducation (name)"), Status = Get("EstablishmentStatus (name)"),
                Region = Get("GOR (name)"), Postcode = Get("Postcode"), Pupils = pupils, PercentFreeSchoolMeals = fsm,
                Trust = Get("Trusts (name)"), OpenedOn = opened, ClosedOn = closed,
            });
        }
        return (schools, problems, read);
    }

    private static int? Whole(string? text, int line, string column, List<RowProblem> problems)
    {
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        problems.Add(new RowProblem(line, column, text, "is not a whole number"));
        return null;
    }

    private static double? Percent(string? text, int line, string column, List<RowProblem> problems)
    {
        if (text is null || DfeCell.Markers.ContainsKey(text))
        {
            return null;
        }
        if (DfeCell.TryParse(text, out var cell) && cell.Value is double value and >= 0 and <= 100)
        {
            return value;
        }
        problems.Add(new RowProblem(line, column, text, "is not a percentage between 0 and 100"));
        return null;
    }

    private static DateOnly? Date(string? text, int line, string column, List<RowProblem> problems)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, ["dd-MM-yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add(new RowProblem(line, column, text, "is not a date in the form dd-mm-yyyy"));
        return null;
    }
}
