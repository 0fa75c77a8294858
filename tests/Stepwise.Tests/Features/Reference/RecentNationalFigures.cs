using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Demo;
using Stepwise.Features.Reference;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Reference;

/// <summary>
/// The recent DfE files (../shared/data/dfe-england-recent) on each database: the 2023 census in the register, LAIT
/// and attendance so far this year beside every school with their years, the RISE list, and the demo's secondary and
/// special schools with similar schools from the census (ADR 0079). Skipped when the shared data folder is absent.
/// </summary>
public abstract class RecentNationalFigures(StepwiseApp app)
{
    private const int DemoSecondary = 990005;
    private const int DemoSpecial = 990006;

    /// <summary>Birk Hill Infant and Nursery School, Derbyshire: in the RISE list of autumn 2025.</summary>
    private const int RiseSchool = 112543;

    private static string Recent(string file) => SharedData.Path("dfe-england-recent", file);

    /// <summary>Imports the recent files and loads the demo (the same files again change nothing, so each test may call it).</summary>
    private async Task LoadAsync()
    {
        app.EnsureAvailable();
        _ = Recent("PROVENANCE.md");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test import");
        var services = scope.ServiceProvider;
        await using (var census = File.OpenRead(Recent("census_school_level_2022_23.csv")))
        {
            var report = await services.GetRequiredService<ImportRegister>().HandleAsync(RegisterLayout.Census2023, census, "census_school_level_2022_23.csv", acceptValid: false, CancellationToken.None);
            Assert.True(report.Imported || report.AlreadyImported, string.Join("; ", report.Errors));
            Assert.Equal(24_442, report.Accepted);
        }
        foreach (var (layout, file) in new[] { (NationalSeries.Lait, "lait_indicators_to_2024_25.csv"), (NationalSeries.AttendanceYearToDate, "attendance_ytd_2025_26.csv") })
        {
            await using var stream = File.OpenRead(Recent(file));
            var report = await services.GetRequiredService<ImportNationalData>().HandleAsync(layout, stream, file, acceptValid: false, CancellationToken.None);
            Assert.True(report.Imported || report.AlreadyImported, string.Join("; ", report.Errors));
        }
        await using (var rise = File.OpenRead(Recent("rise_schools_autumn_2025.csv")))
        {
            var report = await services.GetRequiredService<ImportRise>().HandleAsync(rise, "rise_schools_autumn_2025.csv", acceptValid: false, CancellationToken.None);
            Assert.True(report.Imported || report.AlreadyImported, string.Join("; ", report.Errors));
        }
        await services.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_secondarys_persistent_absence_is_set_beside_Englands_and_its_regions_secondary_figure_for_2024_25_with_the_year_written()
    {
        await LoadAsync();
        var client = await app.ClientForAsync(World.NorthLeader);

        var school = await (await client.GetAsync($"/api/reference/schools/{DemoSecondary}")).ReadJsonAsync();
        var recent = school["recent"]!;
        Assert.Equal("Secondary", recent["phase"]!.GetValue<string>());
        Assert.Equal("South East", recent["region"]!.GetValue<string>());
        var persistent = recent["figures"]!.AsArray().Single(f => f!["metric"]!.GetValue<string>() == "absence.persistent")!;
        Assert.Equal(2025, persistent["england"]!["year"]!.GetValue<int>());
        Assert.Equal("2024/25", persistent["england"]!["yearText"]!.GetValue<string>());
        Assert.Equal(23.37, persistent["england"]!["value"]!.GetValue<double>(), 2);
        Assert.Equal("England, state-funded secondary schools", persistent["englandOf"]!.GetValue<string>());
        Assert.Equal(23.19, persistent["region"]!["value"]!.GetValue<double>(), 2);
        Assert.Equal("South East, state-funded secondary schools", persistent["regionOf"]!.GetValue<string>());
        // The demo's own figure is from 2018/19: it says so.
        Assert.Equal("2018/19 — the latest published here", persistent["school"]!["yearText"]!.GetValue<string>());
        Assert.True(persistent["school"]!["old"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_trust_overview_and_the_school_page_write_each_national_figures_year_and_say_when_a_figure_is_the_latest_published_here()
    {
        await LoadAsync();
        var client = await app.SignInAsync("helen.marsh@larkhaven.example", "stepwise-demo-2026");

        var overview = await client.GetPageAsync("/trust/overview");
        var row = overview.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Larkhaven Academy", StringComparison.Ordinal));
        var persistent = row.QuerySelectorAll("td.measure")[2];
        Assert.Contains("2018/19 — the latest published here", persistent.TextContent, StringComparison.Ordinal);
        var beside = persistent.QuerySelector(".measure__beside")!.TextContent;
        Assert.Contains("England: 23.4%", beside, StringComparison.Ordinal);
        Assert.Contains("2024/25", beside, StringComparison.Ordinal);
        Assert.Contains("South East: 23.2%", beside, StringComparison.Ordinal);

        var page = await client.GetPageAsync($"/schools/{DemoSecondary}");
        var section = page.QuerySelector("section.national-beside")!.TextContent;
        Assert.Contains("Beside England and the region", section, StringComparison.Ordinal);
        Assert.Contains("23.4%", section, StringComparison.Ordinal);
        Assert.Contains("2025/26", section, StringComparison.Ordinal);
        Assert.Contains("2018/19 — the latest published here", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_secondary_and_special_schools_each_have_30_similar_schools_from_the_2023_census()
    {
        await LoadAsync();
        var client = await app.ClientForAsync(World.NorthLeader);
        foreach (var urn in new[] { DemoSecondary, DemoSpecial })
        {
            var set = await (await client.GetAsync($"/api/benchmarking/comparators/{urn}")).ReadJsonAsync();
            Assert.Equal(30, set["comparators"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task A_school_in_the_RISE_list_is_flagged_and_one_not_in_it_is_not()
    {
        await LoadAsync();
        var client = await app.ClientForAsync(World.NorthLeader);
        var rise = await (await client.GetAsync($"/api/reference/schools/{RiseSchool}")).ReadJsonAsync();
        Assert.True(rise["recent"]!["inRise"]!.GetValue<bool>());
        Assert.Contains("RISE", rise["recent"]!["rise"]!.GetValue<string>(), StringComparison.Ordinal);
        var other = await (await client.GetAsync($"/api/reference/schools/{DemoSecondary}")).ReadJsonAsync();
        Assert.False(other["recent"]!["inRise"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_damaged_LAIT_line_is_reported_with_its_line_number_and_nothing_is_stored()
    {
        app.EnsureAvailable();
        var before = await app.QueryAsync(db => db.ReferenceValues.CountAsync());
        var runs = await app.QueryAsync(db => db.ImportRuns.CountAsync(r => r.Kind == NationalSeries.Lait.Kind));
        var path = Path.Combine(Path.GetTempPath(), $"stepwise-lait-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "\uFEFFShort Desc,Data item,Years,LA and Regions,Values,LA Number,Region\r\n"
            + "SecTotAbs,,2025,England,8.44,970,NA\r\n"
            + "SFSecPerAbNew,,2025,England,23.37,970,NA\n"
            + "SFSecPerAbNew,,2025,South East,twenty,989,NA\n"
            + "SecTotAbs,,2025,Kent,8.9100000000000001,886,South East\n");
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test import");
            await using var file = File.OpenRead(path);
            var report = await scope.ServiceProvider.GetRequiredService<ImportNationalData>()
                .HandleAsync(NationalSeries.Lait, file, "damaged-lait.csv", acceptValid: false, CancellationToken.None);

            Assert.False(report.Imported);
            var problem = Assert.Single(report.Errors);
            Assert.Equal(4, problem.Line);
            Assert.Equal("Values", problem.Column);
            Assert.Equal("twenty", problem.Value);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Equal(before, await app.QueryAsync(db => db.ReferenceValues.CountAsync()));
        Assert.Equal(runs, await app.QueryAsync(db => db.ImportRuns.CountAsync(r => r.Kind == NationalSeries.Lait.Kind)));
    }
}

public sealed class RecentNationalFiguresOnSqlite(SqliteApp app) : RecentNationalFigures(app), IClassFixture<SqliteApp>;

public sealed class RecentNationalFiguresOnPostgres(PostgresApp app) : RecentNationalFigures(app), IClassFixture<PostgresApp>;

/// <summary>The rule for old figures, on the clock's today.</summary>
public sealed class TheYearOfAFigure
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void A_figure_from_2018_19_says_it_is_the_latest_published_here()
    {
        var figure = RecentFigure.Of(2019, 8.2, null, Today);
        Assert.True(figure.Old);
        Assert.Equal("2018/19 — the latest published here", figure.YearText);
    }

    [Fact]
    public void A_figure_from_2024_25_is_written_with_its_year_and_no_remark_in_2026_27_but_one_from_2023_24_has_one()
    {
        Assert.Equal("2024/25", RecentFigure.Of(2025, 23.4, null, Today).YearText);
        Assert.False(RecentFigure.Of(2025, 23.4, null, Today).Old);
        Assert.True(RecentFigure.Of(2024, -0.03, null, Today).Old);
        Assert.False(RecentFigure.Of(2024, -0.03, null, new DateOnly(2026, 8, 31)).Old);
    }
}
