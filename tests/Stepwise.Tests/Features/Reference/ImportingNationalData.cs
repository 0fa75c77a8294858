using System.Text.Json.Nodes;
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

    /// <summary>
    /// Issue 17 defect 1: every school was set beside the first England row by name, the primary one: a secondary's
    /// persistent absence of 10.4 % against 8.2 % instead of 13.7 %, a special school's EHC-plan share against 1.6 %
    /// instead of 98.3 %, and "national average" pupils on roll of 4,727,089, the national total.
    /// </summary>
    [Fact]
    public async Task Each_school_is_set_beside_the_england_figure_for_state_funded_schools_of_its_own_phase()
    {
        app.EnsureAvailable();
        foreach (var (layout, file) in new[] { (NationalMeasures.Absence, "england_abs.csv"), (NationalMeasures.Ks4, "england_ks4provisional.csv"), (NationalMeasures.Census, "england_census.csv") })
        {
            var report = await app.ImportNationalAsync(layout, SharedData.Path("dfe-england-2019", file), 2019, acceptValid: true);
            Assert.True(report.Imported, string.Join("\n", report.Errors));
        }
        var reader = await app.ClientForAsync(World.HarbourHead);
        async Task<JsonNode> FigureAsync(int urn, string metric) => (await (await reader.GetAsync($"/api/reference/schools/{urn}")).ReadJsonAsync())["measures"]!.AsArray()
            .Single(m => m!["metric"]!.GetValue<string>() == metric && m["year"]!.GetValue<int>() == 2019)!;

        // Dunraven School (secondary; phase known from its key stage 4 results).
        var absence = await FigureAsync(137093, "absence.persistent");
        Assert.Equal(10.4, absence["value"]!.GetValue<double>());
        Assert.Equal(13.7, absence["nationalAverage"]!.GetValue<double>());
        Assert.Equal("England, state-funded secondary schools", absence["nationalAverageOf"]!.GetValue<string>());
        var attainment = await FigureAsync(137093, "ks4.attainment-8");
        Assert.Equal(46.5, attainment["nationalAverage"]!.GetValue<double>()); // state-funded (RECTYPE 7), not 44.5 with independent schools
        var pupils = await FigureAsync(137093, "census.pupils");
        Assert.Equal(3_327_970 / 3_421.0, pupils["nationalAverage"]!.GetValue<double>(), 6); // the published total over the 3,421 secondaries that publish one

        // A special school (phase known from the census's type of establishment).
        var ehc = await FigureAsync(100092, "census.ehc-plan");
        Assert.Equal(98.3, ehc["nationalAverage"]!.GetValue<double>());
        Assert.Equal("England, state-funded special schools", ehc["nationalAverageOf"]!.GetValue<string>());
        var specialAbsence = await FigureAsync(100092, "absence.persistent");
        Assert.Equal(28.8, specialAbsence["nationalAverage"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_school_whose_phase_is_not_known_has_no_national_comparison_rather_than_the_wrong_one()
    {
        app.EnsureAvailable();
        const string absence = "LA,ESTAB,URN,PERCTOT,PPERSABS10\n850,2000,990501,5.1,12.0\nNAT,PRI,,4,8.2\nNAT,SEC,,5.5,13.7\n";
        Assert.True((await app.ImportNationalTextAsync(NationalMeasures.Absence, absence, 2037)).Imported);
        var reader = await app.ClientForAsync(World.HarbourHead);
        var school = await (await reader.GetAsync("/api/reference/schools/990501")).ReadJsonAsync();
        Assert.Null(school["phase"]);
        Assert.Contains("import the school register", school["phaseFrom"]!.GetValue<string>(), StringComparison.Ordinal);
        var figure = school["measures"]!.AsArray().Single(m => m!["metric"]!.GetValue<string>() == "absence.persistent")!;
        Assert.Null(figure["nationalAverage"]);
        Assert.Null(figure["nationalAverageOf"]);
    }

    [Fact]
    public async Task A_national_total_in_a_file_that_does_not_cover_england_is_stored_as_a_total_not_an_average()
    {
        app.EnsureAvailable();
        var report = await app.ImportNationalAsync(NationalMeasures.Ks2, SharedData.Path("dfe-hampshire-surrey", "ks2", "2017-18", "850_ks2final.csv"), 2018);
        Assert.True(report.Imported || report.AlreadyImported);
        var england = await app.QueryAsync(db => db.ReferenceValues.Where(v => v.MetricKey == "ks2.pupils" && v.Year == 2018 && v.Urn == null && v.RecordType == RecordType.England).ToListAsync());
        Assert.NotEmpty(england);
        Assert.All(england, v => Assert.Equal((null, NationalCounts.Total), (v.Value, v.Missing)));
    }

    [Fact]
    public async Task The_2016_17_ks2_file_imported_as_2018_is_refused_naming_both_years_and_nothing_is_stored()
    {
        app.EnsureAvailable();
        var path = SharedData.Path("dfe-hampshire-surrey", "ks2", "2016-17", "850_ks2final.csv");
        var before = await app.QueryAsync(db => db.ImportRuns.CountAsync(r => r.Year == 2018));
        var report = await app.ImportNationalAsync(NationalMeasures.Ks2, path, 2018, acceptValid: true);
        Assert.False(report.Imported || report.AlreadyImported);
        var problem = Assert.Single(report.Errors);
        Assert.Equal(1, problem.Line);
        Assert.Contains("2016/17", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("2017/18", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("--year 2017", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.ImportRuns.CountAsync(r => r.Year == 2018)));
    }

    [Fact]
    public async Task A_file_whose_year_column_names_another_year_is_refused_naming_both_years()
    {
        app.EnsureAvailable();
        var report = await app.ImportNationalTextAsync(NationalMeasures.Census,
            "time_period,URN,LA,NOR,PNUMFSMEVER\n202223,990401,850,300,20.5\n", 2041);
        Assert.False(report.Imported);
        var problem = Assert.Single(report.Errors);
        Assert.Contains("2022/23", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("2040/41", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.ImportRuns.CountAsync(r => r.Year == 2041)));
    }

    [Fact]
    public async Task A_corrected_file_replaces_the_years_figures_in_one_transaction_recorded_in_the_audit_log()
    {
        app.EnsureAvailable();
        await app.ImportNationalTextAsync(NationalMeasures.Ks2, Header + "1,850,990331,A School,30,63%,0.4\n1,850,990332,B School,20,50%,1.1\n", 2042);
        var replaced = await app.ImportNationalTextAsync(NationalMeasures.Ks2, Header + "1,850,990331,A School,30,65%,0.4\n", 2042, replace: true);
        Assert.True(replaced.Imported, string.Join("\n", replaced.Errors));
        var stored = await app.QueryAsync(db => db.ReferenceValues.Where(v => v.Year == 2042).ToListAsync());
        Assert.Equal([990331], stored.Select(v => v.Urn!.Value).Distinct().ToList()); // B School's figures went with the file they came from
        Assert.Equal(65, stored.Single(v => v.MetricKey == "ks2.rwm-expected").Value);
        var audit = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Replaced" && a.Summary.Contains("2041/42")).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("6 figures", entry.Summary, StringComparison.Ordinal);
        Assert.Equal("test import", entry.Actor);
    }

    [Fact]
    public async Task A_file_without_any_measure_column_is_refused_listing_the_columns_read_and_those_expected()
    {
        app.EnsureAvailable();
        var report = await app.ImportNationalTextAsync(NationalMeasures.Ks2, "RECTYPE,LEA,URN,SCHNAME,PTREADWRITTAMATX\n1,850,990341,A School,63%\n", 2043);
        Assert.False(report.Imported);
        Assert.Equal(0, report.Accepted);
        var problem = Assert.Single(report.Errors);
        Assert.Contains("expected TELIG, PTRWM_EXP, PTRWM_HIGH", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("the file's columns are RECTYPE, LEA, URN, SCHNAME, PTREADWRITTAMATX", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.ImportRuns.CountAsync(r => r.Year == 2043)));
    }

    [Fact]
    public async Task Columns_the_importer_does_not_read_are_listed_in_the_report_as_ignored()
    {
        app.EnsureAvailable();
        var report = await app.ImportNationalTextAsync(NationalMeasures.Ks2, "RECTYPE,LEA,URN,SCHNAME,TELIG,PTRWM_EXP,TOWN,READPROG\n1,850,990351,A School,30,63%,Winchester,0.4\n", 2044);
        Assert.True(report.Imported, string.Join("\n", report.Errors));
        Assert.Equal(["TOWN"], report.Ignored);
    }

    [Fact]
    public async Task A_line_shorter_than_the_header_is_reported_with_the_columns_it_lacks_not_read_as_blanks()
    {
        app.EnsureAvailable();
        var report = await app.ImportNationalTextAsync(NationalMeasures.Ks2,
            Header + "1,850,990361,A School,30,63%,0.4\n1,850,990362,B School,20\n1,850,990363,C School\n", 2045);
        Assert.False(report.Imported);
        var problem = Assert.Single(report.Errors);
        Assert.Equal((3, "PTRWM_EXP"), (problem.Line, problem.Column));
        Assert.Contains("It has no PTRWM_EXP, READPROG.", problem.Reason, StringComparison.Ordinal);
        // A school the DfE publishes without results ends before the measures: read as blank, with a note saying so.
        var note = Assert.Single(report.Notes);
        Assert.Equal(4, note.Line);
        Assert.Contains("It has no TELIG, PTRWM_EXP, READPROG.", note.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.ReferenceValues.CountAsync(v => v.Year == 2045)));
    }
}

public sealed class ImportingNationalDataOnSqlite(SqliteApp app) : ImportingNationalData(app), IClassFixture<SqliteApp>;

public sealed class ImportingNationalDataOnPostgres(PostgresApp app) : ImportingNationalData(app), IClassFixture<PostgresApp>;
