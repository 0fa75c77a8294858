using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Reference;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Reference;

/// <summary>National files imported all-or-nothing and idempotently, then read by any signed-in user, on SQLite and PostgreSQL.</summary>
public abstract class ImportingNationalData(StepwiseApp app)
{
    private const string Header = "RECTYPE,LEA,URN,SCHNAME,TELIG,PTRWM_EXP,READPROG\n";

    [Fact]
    public async Task The_real_ks2_file_imports_once_and_importing_it_again_changes_nothing()
    {
        app.EnsureAvailable();
        var path = SharedData.Path("dfe-hampshire-surrey", "ks2", "2016-17", "936_ks2final.csv");
        var first = await app.ImportNationalAsync(NationalMeasures.Ks2, path, 2017);
        Assert.True(first.Imported, string.Join("\n", first.Errors));
        Assert.Equal((235, 235, 0), (first.Read, first.Accepted, first.Rejected));
        var count = await app.Stored.CountAsync<ReferenceValue>(v => v.Year == 2017);

        var again = await app.ImportNationalAsync(NationalMeasures.Ks2, path, 2017);
        Assert.True(again.AlreadyImported);
        Assert.Equal(count, await app.Stored.CountAsync<ReferenceValue>(v => v.Year == 2017));
        Assert.Equal(1, await app.Stored.CountAsync<ImportRun>(r => r.Year == 2017 && r.Kind == "ks2"));
    }

    [Fact]
    public async Task A_damaged_file_is_refused_whole_with_a_line_numbered_report_and_nothing_is_stored()
    {
        app.EnsureAvailable();
        var before = await app.Stored.CountAsync<ReferenceValue>();
        var report = await app.ImportNationalTextAsync(NationalMeasures.Ks2,
            Header + "1,850,990301,A School,30,63%,0.4\n1,850,990302,B School,thirty,50%,1.1\n1,850,99030,C School,20,40%,0\n", 2030);
        Assert.False(report.Imported);
        Assert.Equal((3, 0, 3), (report.Read, report.Accepted, report.Rejected)); // refused whole: no row is taken
        Assert.Equal(["line 3, column \"TELIG\"", "line 4, column \"URN\""], report.Errors.Select(e => $"line {e.Line}, column \"{e.Column}\"").ToList());
        Assert.Equal(before, await app.Stored.CountAsync<ReferenceValue>());
        Assert.Equal(0, await app.Stored.CountAsync<ImportRun>(r => r.Year == 2030));
    }

    [Fact]
    public async Task Accepting_the_valid_rows_imports_them_and_reports_the_rest()
    {
        app.EnsureAvailable();
        var report = await app.ImportNationalTextAsync(NationalMeasures.Ks2,
            Header + "1,850,990311,A School,30,63%,0.4\n1,850,990312,B School,thirty,50%,1.1\n", 2031, acceptValid: true);
        Assert.True(report.Imported);
        Assert.Equal((2, 1, 1), (report.Read, report.Accepted, report.Rejected));
        Assert.Equal(3, await app.Stored.CountAsync<ReferenceValue>(v => v.Year == 2031));
    }

    [Fact]
    public async Task A_corrected_file_updates_only_the_figures_that_changed()
    {
        app.EnsureAvailable();
        await app.ImportNationalTextAsync(NationalMeasures.Ks2, Header + "1,850,990321,A School,30,63%,SUPP\n3,850, ,Hampshire,900,61%,0.1\n", 2032);
        var corrected = await app.ImportNationalTextAsync(NationalMeasures.Ks2, Header + "1,850,990321,A School,30,65%,SUPP\n3,850, ,Hampshire,900,61%,0.1\n", 2032);
        Assert.True(corrected.Imported);
        Assert.Equal((0, 1), (corrected.ValuesAdded, corrected.ValuesChanged));
        var stored = await app.Stored.ReferenceValuesAsync(990321, 2032);
        Assert.Equal(65, stored["ks2.rwm-expected"].Value);
        Assert.Equal((null, "SUPP"), (stored["ks2.reading-progress"].Value, stored["ks2.reading-progress"].Missing));
    }

    [Fact]
    public async Task The_register_gives_every_school_its_details_once()
    {
        app.EnsureAvailable();
        var path = SharedData.Path("dfe-hampshire-surrey", "register", "gias_850_936_20220420.csv");
        var report = await app.ImportRegisterAsync(path);
        Assert.True(report.Imported || report.AlreadyImported, string.Join("\n", report.Errors));
        Assert.Equal((1096, 1096, 0), (report.Read, report.Accepted, report.Rejected));
        Assert.True((await app.ImportRegisterAsync(path)).AlreadyImported);

        var school = await app.Stored.ReferenceSchoolAsync(115922);
        Assert.Equal(("Kings Worthy Primary School", "850", "Hampshire", "Community school", "Primary", "Open", "South East", "SO23 7QS", 434, 11.1),
            (school.Name, school.LaCode, school.LocalAuthority, school.Type, school.Phase, school.Status, school.Region, school.Postcode, school.Pupils!.Value, school.PercentFreeSchoolMeals!.Value));
        Assert.Equal(368, await app.Stored.CountAsync<ReferenceSchool>(s => s.Status == "Closed"));
        Assert.Equal(296, await app.Stored.CountAsync<ReferenceSchool>(s => s.Pupils == null && s.Urn < 990000));
    }

    [Fact]
    public async Task A_windows_1252_register_with_crlf_lines_keeps_its_accented_names()
    {
        app.EnsureAvailable();
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var content = "URN,EstablishmentName,LA (code),LA (name),OpenDate\r\n990401,St Thérèse's Catholic Primary School,850,Hampshire,01-09-2015\r\n";
        var path = Path.Combine(Path.GetTempPath(), $"stepwise-1252-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, System.Text.Encoding.GetEncoding(1252).GetBytes(content));
        try
        {
            var report = await app.ImportRegisterAsync(path);
            Assert.True(report.Imported, string.Join("\n", report.Errors));
        }
        finally
        {
            File.Delete(path);
        }
        var school = await app.Stored.ReferenceSchoolAsync(990401);
        Assert.Equal(("St Thérèse's Catholic Primary School", new DateOnly(2015, 9, 1)), (school.Name, school.OpenedOn!.Value));
    }

    [Fact]
    public async Task A_utf8_file_with_a_byte_order_mark_and_crlf_lines_reads_like_any_other()
    {
        app.EnsureAvailable();
        var report = await app.ImportNationalTextAsync(NationalMeasures.Ks2, "\uFEFF" + Header.Replace("\n", "\r\n", StringComparison.Ordinal) + "1,850,990411,Ecole,20,55%,0.2\r\n", 2033);
        Assert.True(report.Imported, string.Join("\n", report.Errors));
        Assert.Equal(55, await app.QueryAsync(db => db.ReferenceValues.Where(v => v.Urn == 990411 && v.MetricKey == "ks2.rwm-expected").Select(v => v.Value).SingleAsync()));
    }

    [Fact]
    public async Task Any_signed_in_user_reads_any_schools_national_figures_with_averages_and_provenance()
    {
        app.EnsureAvailable();
        await app.ImportNationalAsync(NationalMeasures.Ks2, SharedData.Path("dfe-hampshire-surrey", "ks2", "2017-18", "850_ks2final.csv"), 2018);
        var harbour = await app.ClientForAsync(World.HarbourHead);
        var figures = await (await harbour.GetAsync("/api/reference/schools/115922")).ReadJsonAsync();
        var rwm = figures["measures"]!.AsArray().Single(m => m!["metric"]!.GetValue<string>() == "ks2.rwm-expected" && m["year"]!.GetValue<int>() == 2018)!;
        Assert.Equal(73, rwm["value"]!.GetValue<double>());
        Assert.Equal(68, rwm["localAverage"]!.GetValue<double>());
        Assert.Equal(64, rwm["nationalAverage"]!.GetValue<double>());
        Assert.Equal("850_ks2final.csv", rwm["file"]!.GetValue<string>());
        Assert.Equal("up", rwm["polarity"]!.GetValue<string>());

        var suppressed = (await (await harbour.GetAsync("/api/reference/schools/116296")).ReadJsonAsync())["measures"]!.AsArray()
            .Single(m => m!["metric"]!.GetValue<string>() == "ks2.reading-progress" && m["year"]!.GetValue<int>() == 2018)!;
        Assert.Null(suppressed["value"]);
        Assert.Equal("SUPP", suppressed["missing"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NotFound, (await harbour.GetAsync("/api/reference/schools/999998")).StatusCode);

        var page = await (await app.ClientForAsync(World.PrimaryTeacher)).GetPageAsync("/imports");
        var row = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).First(t => t.Contains("850_ks2final.csv", StringComparison.Ordinal));
        Assert.Contains("2017/18", row, StringComparison.Ordinal);
        Assert.Contains("test import", row, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/reference/schools/115922")).StatusCode);
    }
}

public sealed class ImportingNationalDataOnSqlite(SqliteApp app) : ImportingNationalData(app), IClassFixture<SqliteApp>;

public sealed class ImportingNationalDataOnPostgres(PostgresApp app) : ImportingNationalData(app), IClassFixture<PostgresApp>;
