using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stepwise.Features.SchoolData;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.SchoolData;

/// <summary>A school's own MIS exports imported through the API: checked first, all-or-nothing, idempotent, on SQLite and PostgreSQL.</summary>
public abstract class ImportingSchoolData(StepwiseApp app)
{
    private static string Example(string name) => Path.Combine(Repository.Root, "docs", "examples", name);

    private async Task<HttpResponseMessage> UploadAsync(string email, int urn, string kind, byte[] body, bool acceptValid = false, string? fileName = null)
    {
        var client = await app.ClientForAsync(email);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("text/csv");
        return await client.PostAsync($"/api/schools/{urn}/imports/{kind}?acceptValid={acceptValid}&fileName={fileName ?? kind + ".csv"}", content);
    }

    private Task<HttpResponseMessage> UploadAsync(string email, int urn, string kind, string csv, bool acceptValid = false) =>
        UploadAsync(email, urn, kind, Encoding.UTF8.GetBytes(csv), acceptValid);

    /// <summary>Pupils with UPNs made for one test, so tests sharing a database do not meet.</summary>
    private static List<string> Upns(char letter, int count) =>
        Enumerable.Range(0, count).Select(i => $"{letter}{77700000000 + i:00000000000}{i % 10}").ToList();

    private static string PupilsCsv(IEnumerable<string> upns) =>
        "UPN,Year,Gender,Pupil Premium,SEN Status\n" + string.Join("\n", upns.Select((u, i) => $"{u},{7 + i % 2},{(i % 2 == 0 ? "F" : "M")},{(i < 3 ? "Y" : "N")},N")) + "\n";

    [Fact]
    public async Task The_example_files_import_with_exact_counts_and_importing_them_again_changes_nothing()
    {
        app.EnsureAvailable();
        const int urn = World.NorthSecondaryUrn;
        var expected = new Dictionary<string, int> { ["pupils"] = 12, ["assessments"] = 72, ["attendance"] = 36, ["behaviour"] = 8 };
        foreach (var (kind, rows) in expected)
        {
            var report = await (await UploadAsync(World.NorthDataManager, urn, kind, await File.ReadAllBytesAsync(Example($"{kind}.csv")))).ReadJsonAsync();
            Assert.Equal((rows, rows, 0, rows), ((int)report["read"]!, (int)report["accepted"]!, (int)report["rejected"]!, (int)report["added"]!));
        }
        var schoolId = app.World.School(urn).Id;
        async Task<(int, int, int, int, int)> CountsAsync() => (
            await app.Stored.CountAsync<Stepwise.Features.Pupils.Pupil>(p => p.SchoolId == schoolId), await app.Stored.CountAsync<Assessment>(a => a.SchoolId == schoolId),
            await app.Stored.AttendanceMarkCountAsync(schoolId), await app.Stored.CountAsync<BehaviourIncident>(b => b.SchoolId == schoolId),
            await app.Stored.CountAsync<MetricValue>(v => v.SchoolId == schoolId));
        var before = await CountsAsync();

        foreach (var kind in expected.Keys)
        {
            var again = await (await UploadAsync(World.NorthDataManager, urn, kind, await File.ReadAllBytesAsync(Example($"{kind}.csv")))).ReadJsonAsync();
            Assert.True((bool)again["alreadyImported"]!);
        }
        Assert.Equal(before, await CountsAsync());

        // Spot values against the file: overall absence is summed over sessions, not averaged over pupils.
        var lines = (await File.ReadAllLinesAsync(Example("attendance.csv"))).Skip(1).Select(l => l.Split(',')).Where(c => c[1] == "2024/25 HT2").ToList();
        var rate = 100.0 * lines.Sum(c => int.Parse(c[4]) + int.Parse(c[5])) / lines.Sum(c => int.Parse(c[2]));
        var stored = await app.Stored.MetricValueAsync(schoolId, "attendance.overall-absence", "all", "2024/25 HT2");
        Assert.Equal(rate, stored.Value!.Value, 5);
        Assert.Equal(12, stored.Pupils);
        // Four disadvantaged pupils: too few for a figure.
        var small = await app.Stored.MetricValueAsync(schoolId, "attendance.overall-absence", "disadvantaged", "2024/25 HT2");
        Assert.Equal((null, "fewer-than-5", 4), (small.Value, small.Missing, small.Pupils));
        var writing = await app.Stored.CountAsync<Assessment>(a => a.SchoolId == schoolId && a.Subject == "Writing" && a.ResultType == "standard" && a.Score == null);
        Assert.Equal(36, writing);
    }

    [Fact]
    public async Task A_damaged_file_is_refused_whole_with_a_line_numbered_report_and_nothing_is_stored()
    {
        app.EnsureAvailable();
        var upns = Upns('D', 6);
        (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "pupils", PupilsCsv(upns))).EnsureSuccessStatusCode();
        var count = await app.Stored.AttendanceMarkCountAsync();
        var header = "UPN,Period,Possible,Present,Authorised,Unauthorised\n";

        var missingColumn = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "attendance", "UPN,Period,Possible,Present,Authorised\n" + $"{upns[0]},2024/25 HT1,70,70,0\n"))
            .ReadJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal((1, "Unauthorised"), ((int)missingColumn["errors"]![0]!["line"]!, (string)missingColumn["errors"]![0]!["column"]!));

        var damaged = header
            + $"{upns[0]},2024/25 HT1,70,66,4,0\n"
            + $"{upns[1]},2024/25 HT1,seventy,66,4,0\n"       // line 3: a bad number
            + $"{upns[2]},2024/25 HT9,70,66,4,0\n"            // line 4: not a period
            + $"{upns[3]},2024/25 HT1,60,66,4,0\n"            // line 5: more sessions than possible
            + $"Z999,2024/25 HT1,70,70,0,0\n"                 // line 6: not a UPN
            + $"{upns[4]},2024/25 HT1,70";                    // line 7: cut short
        var report = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "attendance", damaged)).ReadJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal((6, 0, 6), ((int)report["read"]!, (int)report["accepted"]!, (int)report["rejected"]!)); // refused whole: no row is taken
        Assert.Equal(["3 Possible seventy", "4 Period 2024/25 HT9", "5 Possible 60", "6 UPN Z999", "7 Present "],
            report["errors"]!.AsArray().Select(e => $"{(int)e!["line"]!} {(string)e["column"]!} {(string)e["value"]!}").ToList());
        Assert.Equal(count, await app.Stored.AttendanceMarkCountAsync());

        var behaviourImports = await app.Stored.CountAsync<DataImport>(d => d.Kind == "behaviour");
        var badDate = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "behaviour", $"UPN,Date,Category\n{upns[0]},31/02/2025,Disruption\n"))
            .ReadJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not a date", (string)badDate["errors"]![0]!["reason"]!);
        Assert.Equal(behaviourImports, await app.Stored.CountAsync<DataImport>(d => d.Kind == "behaviour"));
    }

    [Fact]
    public async Task Accepting_the_valid_rows_imports_them_and_reports_an_unknown_pupil_by_line()
    {
        app.EnsureAvailable();
        var upns = Upns('E', 6);
        (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "pupils", PupilsCsv(upns))).EnsureSuccessStatusCode();
        var csv = "UPN,Subject,Period,Result\n" + string.Join("\n", upns.Select(u => $"{u},Maths,2024/25 Summer,104")) + "\nF12345678901X,Maths,2024/25 Summer,99\n";
        var report = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "assessments", csv, acceptValid: true)).ReadJsonAsync();
        Assert.Equal((7, 6, 1), ((int)report["read"]!, (int)report["accepted"]!, (int)report["rejected"]!));
        Assert.Equal(8, (int)report["errors"]![0]!["line"]!);
        Assert.Contains("import pupils first", (string)report["errors"]![0]!["reason"]!);
    }

    [Fact]
    public async Task A_long_attendance_file_with_a_bad_last_line_stores_nothing_and_a_later_file_is_laid_over_the_stored_rows()
    {
        app.EnsureAvailable();
        // 600 pupils x 100 weeks: many batches are written while the file is still being read (ADR 0053).
        const int pupils = 600;
        var upns = Upns('P', pupils);
        (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "pupils", PupilsCsv(upns))).EnsureSuccessStatusCode();
        var first = new DateOnly(2031, 9, 1);
        int Absent(int pupil, int week, int version) => Math.Min(2, (pupil * 7 + week * 3 + version) % 4);
        string Line(int pupil, int week, int version) =>
            $"{upns[pupil]},{first.AddDays(7 * week):yyyy-MM-dd},2,{2 - Absent(pupil, week, version)},{Absent(pupil, week, version)},0";
        string File(int from, int to, int version, string? last = null) => "UPN,Period,Possible,Present,Authorised,Unauthorised\n"
            + string.Join("\n", Enumerable.Range(0, pupils).SelectMany(p => Enumerable.Range(from, to - from).Select(week => Line(p, week, version))))
            + (last is null ? "" : "\n" + last) + "\n";
        var schoolId = app.World.School(World.NorthPrimaryUrn).Id;
        async Task<int> StoredAsync() => (await app.Stored.AttendanceAsync(schoolId)).Marks().Count(m => m.Mark.Period.Start >= first);

        var refused = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "attendance",
            File(0, 100, 0, last: $"{upns[0]},2040-01-01,2,3,0,0"))).ReadJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal((60_001, 0, false), ((int)refused["read"]!, (int)refused["accepted"]!, (bool)refused["imported"]!));
        Assert.Equal(60_002, (int)refused["errors"]![0]!["line"]!);
        Assert.Equal(0, await StoredAsync());

        var one = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "attendance", File(0, 60, 0))).ReadJsonAsync();
        Assert.Equal(36_000, (int)one["added"]!);
        // The second file repeats weeks 40 to 59 (those with changed figures count as changed) and adds weeks 60 to 99.
        var two = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "attendance", File(40, 100, 1))).ReadJsonAsync();
        var changed = Enumerable.Range(0, pupils).Sum(p => Enumerable.Range(40, 20).Count(week => Absent(p, week, 0) != Absent(p, week, 1)));
        Assert.Equal((24_000, changed), ((int)two["added"]!, (int)two["changed"]!));
        Assert.Equal(60_000, await StoredAsync());

        // The academic year 2031/32 (weeks 0 to 52) has rows from the first file only and rows the second replaced:
        // its figure is worked out from both, as stored.
        var year = Enumerable.Range(0, pupils).SelectMany(p => Enumerable.Range(0, 53).Select(week => Absent(p, week, week >= 40 ? 1 : 0))).ToList();
        var figure = await app.Stored.MetricValueAsync(schoolId, "attendance.overall-absence", "all", "2031/32");
        Assert.Equal(100.0 * year.Sum() / (2 * year.Count), figure.Value!.Value, 5);
        Assert.Equal(pupils, figure.Pupils);
    }

    [Fact]
    public async Task A_corrected_file_updates_only_the_rows_that_changed()
    {
        app.EnsureAvailable();
        var upns = Upns('F', 5);
        (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "pupils", PupilsCsv(upns))).EnsureSuccessStatusCode();
        string Attendance(int absent) => "UPN,Period,Possible,Present,Authorised,Unauthorised\n"
            + string.Join("\n", upns.Select((u, i) => $"{u},2023/24 HT1,70,{70 - (i == 0 ? absent : 2)},{(i == 0 ? absent : 2)},0")) + "\n";
        (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "attendance", Attendance(2))).EnsureSuccessStatusCode();
        var corrected = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "attendance", Attendance(9))).ReadJsonAsync();
        Assert.Equal((0, 1), ((int)corrected["added"]!, (int)corrected["changed"]!));

        // The changed mark names the import that changed it; the others still name the first. Periods keep their starts.
        var schoolId = app.World.School(World.NorthPrimaryUrn).Id;
        var stored = (await app.Stored.AttendanceAsync(schoolId)).Marks()
            .Where(m => m.Mark.Period.Code == "2023/24 HT1").Select(m => m.Mark).OrderBy(m => m.Authorised)
            .Select(m => new { m.Authorised, m.DataImportId, PeriodStart = m.Period.Start }).ToList();
        var imports = (await app.Stored.ImportsAsync(schoolId, "attendance")).Select(d => d.Id).ToList();
        Assert.Equal([2, 2, 2, 2, 9], stored.Select(a => a.Authorised));
        Assert.Equal([imports[^2], imports[^2], imports[^2], imports[^2], imports[^1]], stored.Select(a => a.DataImportId));
        Assert.All(stored, a => Assert.Equal(new DateOnly(2023, 9, 1), a.PeriodStart));
    }

    [Fact]
    public async Task A_windows_1252_file_with_crlf_line_endings_keeps_its_accented_letters()
    {
        app.EnsureAvailable();
        var upns = Upns('G', 5);
        (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "pupils", PupilsCsv(upns))).EnsureSuccessStatusCode();
        var text = "Incident ID,UPN,Incident Date,Incident Type\r\n" + $"G-1,{upns[0]},2025-01-14,Refused café duty\r\n";
        var report = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "behaviour", Encoding.Latin1.GetBytes(text))).ReadJsonAsync();
        Assert.Equal(1, (int)report["accepted"]!);
        Assert.Equal("Refused café duty", await app.QueryAsync(db => db.BehaviourIncidents.Where(b => b.Reference == "G-1").Select(b => b.Category).SingleAsync()));
    }

    [Fact]
    public async Task Governors_and_teachers_cannot_import_and_another_trust_cannot_see_the_school()
    {
        app.EnsureAvailable();
        var csv = PupilsCsv(Upns('H', 5));
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(World.PrimaryGovernor, World.NorthPrimaryUrn, "pupils", csv)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(World.PrimaryTeacher, World.NorthPrimaryUrn, "pupils", csv)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(World.HarbourAdmin, World.NorthPrimaryUrn, "pupils", csv)).StatusCode);
        var unknownKind = await (await UploadAsync(World.NorthDataManager, World.NorthPrimaryUrn, "exclusions", csv)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("pupils, assessments, attendance", unknownKind["errors"]!["kind"]![0]!.ToString());
    }
}

public sealed class ImportingSchoolDataOnSqlite(SqliteApp app) : ImportingSchoolData(app), IClassFixture<SqliteApp>;

public sealed class ImportingSchoolDataOnPostgres(PostgresApp app) : ImportingSchoolData(app), IClassFixture<PostgresApp>;
