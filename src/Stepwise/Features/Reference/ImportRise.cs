using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Imports;

namespace Stepwise.Features.Reference;

/// <summary>
/// Imports the list of schools in the DfE's RISE programme (<c>School URN, School Name, Region, Local Authority, Phase
/// of Education, School Type</c>). The list is a snapshot of the programme: a new list replaces the one before, in one
/// transaction, by the imports kernel's rules (every line checked first; the same file twice changes nothing).
/// </summary>
public sealed class ImportRise(AppDbContext db, TrustScope scope, TimeProvider clock)
{
    public const string Kind = "rise";

    private static readonly string[] Required = ["School URN", "School Name"];

    public async Task<ImportReport> HandleAsync(Stream file, string fileName, bool acceptValid, CancellationToken ct)
    {
        var inspection = await ImportFile.InspectAsync(file, ct);
        var schools = new List<RiseSchool>();
        var problems = new List<RowProblem>();
        var read = 0;
        using (var text = new StreamReader(file, inspection.Encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        using (var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null }))
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            {
                problems.Add(new RowProblem(RowProblem.FileLine, "School URN", "", "the file is empty"));
            }
            else
            {
                var header = csv.HeaderRecord.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
                problems.AddRange(Required.Where(c => !header.Contains(c)).Select(c =>
                    new RowProblem(RowProblem.FileLine, c, "", $"the header has no \"{c}\" column: is this the RISE schools list (School URN, School Name, Region, Local Authority, Phase of Education, School Type)?")));
                var seen = new HashSet<int>();
                while (problems.All(p => p.Line != RowProblem.FileLine) && csv.Read())
                {
                    read++;
                    var record = csv.Parser.Record ?? [];
                    string? Get(string column) => header.IndexOf(column) is var i and >= 0 && i < record.Length && record[i].Trim() is { Length: > 0 } v ? v : null;
                    var line = csv.Parser.RawRow;
                    var urnText = Get("School URN") ?? "";
                    if (!int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) || urn is < 100000 or > 999999)
                    {
                        problems.Add(new RowProblem(line, "School URN", urnText, "a URN is 6 digits"));
                        continue;
                    }
                    if (Get("School Name") is not { } name)
                    {
                        problems.Add(new RowProblem(line, "School Name", "", "the school's name is empty"));
                        continue;
                    }
                    if (!seen.Add(urn))
                    {
                        problems.Add(new RowProblem(line, "School URN", urnText, "is listed twice"));
                        continue;
                    }
                    schools.Add(new RiseSchool
                    {
                        Urn = urn, Name = name, Region = Get("Region"), LocalAuthority = Get("Local Authority"),
                        Phase = Get("Phase of Education"), Type = Get("School Type"),
                    });
                }
            }
        }
        var badLines = problems.Select(p => p.Line).Distinct().Count();
        if (ImportReport.RefusesWhole(problems, schools.Count, acceptValid))
        {
            return ImportReport.Refusal(read, problems, "School URN");
        }
        var checkedReport = new ImportReport(read, schools.Count, badLines, problems, Imported: false, AlreadyImported: false, 0, 0);
        if (await SameFile.AlreadyImportedAsync(db.ImportRuns, Kind, inspection.Hash, newestOnly: true, ct))
        {
            return checkedReport.AsAlreadyImported();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = new ImportRun
        {
            Kind = Kind, FileName = Path.GetFileName(fileName), Hash = inspection.Hash, Actor = scope.Actor, At = clock.UtcNow(),
            Read = read, Accepted = schools.Count, Rejected = badLines,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var before = await db.RiseSchools.Select(s => s.Urn).ToListAsync(ct);
        await db.RiseSchools.ExecuteDeleteAsync(ct);
        foreach (var school in schools)
        {
            school.ImportRunId = run.Id;
        }
        db.RiseSchools.AddRange(schools);
        run.ValuesAdded = schools.Count(s => !before.Contains(s.Urn));
        run.ValuesChanged = before.Count(u => schools.All(s => s.Urn != u));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return checkedReport with { Imported = true, ValuesAdded = run.ValuesAdded, ValuesChanged = run.ValuesChanged };
    }
}
