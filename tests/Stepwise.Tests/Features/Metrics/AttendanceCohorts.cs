using System.Text;
using System.Text.Json.Nodes;
using Stepwise.Features.Reference;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Metrics;

/// <summary>
/// An all-through school: 5 Reception pupils who miss 20 of 70 sessions, 10 in Year 7 of whom two miss 7, and 5 in
/// Year 12 who miss 14. The whole school's overall absence is 184 ÷ 1,400 = 13.1%; the DfE's cohort, Years 1 to 11,
/// misses 14 ÷ 700 = 2.0%, and the DfE's published figure for the school is 1.9%.
/// </summary>
public abstract class AttendanceCohortsBesideTheDfe(StepwiseApp app)
{
    private const int Urn = World.NorthSecondaryUrn;

    private static string Upn(int i) => $"C{i:00000000000}{i % 10}";

    private string Year => $"{app.Today.Year}/{(app.Today.Year + 1) % 100:00}";

    private async Task ImportAsync()
    {
        var client = await app.ClientForAsync(World.NorthDataManager);
        var pupils = new StringBuilder("UPN,Year\n");
        var attendance = new StringBuilder("UPN,Period,Possible Sessions,Present,Authorised Absences,Unauthorised Absences\n");
        for (var i = 0; i < 20; i++)
        {
            var (year, absent) = i < 5 ? ("R", 20) : i < 15 ? ("7", i < 7 ? 7 : 0) : ("12", 14);
            pupils.Append($"{Upn(i)},{year}\n");
            attendance.Append($"{Upn(i)},{Year} HT1,70,{70 - absent},{absent},0\n");
        }
        foreach (var (kind, csv) in new[] { ("pupils", pupils), ("attendance", attendance) })
        {
            var response = await client.PostAsync($"/api/schools/{Urn}/imports/{kind}?fileName={kind}.csv", new StringContent(csv.ToString()));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        var national = await app.ImportNationalTextAsync(NationalMeasures.Absence, $"URN,LA,PERCTOT,PPERSABS10\n{Urn},850,1.9,10.0\n", app.Today.Year + 1);
        Assert.True(national.Imported || national.AlreadyImported, string.Join("; ", national.Errors));
    }

    private static JsonNode Measure(JsonArray metrics, string key) => metrics.Single(m => (string)m!["key"]! == key)!;

    /// <summary>
    /// Issue 17 defect 2: the school's attendance counted Reception and Year 12-13 pupils and was shown beside the DfE's
    /// figure, which counts Years 1 to 11 only (13.1% against 1.9%). Now each attendance figure says which pupils it
    /// counts, the Years 1 to 11 figure (2.0%) is beside the whole school's, and the DfE's figure is set beside it alone.
    /// </summary>
    [Fact]
    public async Task Attendance_says_which_pupils_it_counts_and_the_DfEs_figure_is_set_beside_the_same_pupils()
    {
        app.EnsureAvailable();
        await ImportAsync();
        var reader = await app.ClientForAsync(World.SecondaryHead);

        var metrics = (await (await reader.GetAsync($"/api/schools/{Urn}/metrics")).ReadJsonAsync()).AsArray();
        var own = Measure(metrics, "attendance.overall-absence");
        Assert.Equal("All pupils on roll: Reception to Year 12", (string)own["cohort"]!);
        Assert.Equal(184.0 / 1400 * 100, (double)own["points"]!.AsArray()[^1]!["value"]!, 4);
        Assert.Equal("years-1-11", (string)own["beside"]!["group"]!);
        Assert.StartsWith("Years 1 to 11", (string)own["beside"]!["cohort"]!, StringComparison.Ordinal);
        Assert.Equal(2.0, (double)own["beside"]!["value"]!, 6);
        Assert.Equal(10, (int)own["beside"]!["pupils"]!);

        var dfe = Measure(metrics, "absence.overall");
        Assert.StartsWith("Years 1 to 11", (string)dfe["cohort"]!, StringComparison.Ordinal);
        Assert.Equal("attendance.overall-absence", (string)dfe["beside"]!["key"]!);
        Assert.Equal("years-1-11", (string)dfe["beside"]!["group"]!);
        Assert.Equal(Year, (string)dfe["beside"]!["period"]!);
        Assert.Equal(2.0, (double)dfe["beside"]!["value"]!, 6);

        var cohort = Measure((await (await reader.GetAsync($"/api/schools/{Urn}/metrics?group=years-1-11")).ReadJsonAsync()).AsArray(), "attendance.overall-absence");
        Assert.Equal(2.0, (double)cohort["points"]!.AsArray()[^1]!["value"]!, 6);
        Assert.Equal(10, (int)cohort["points"]!.AsArray()[^1]!["pupils"]!);

        var page = await reader.GetPageAsync($"/schools/{Urn}/metrics");
        var rows = page.QuerySelectorAll("table.metrics tbody tr")
            .ToDictionary(r => r.QuerySelector("th a")!.GetAttribute("href")!.Split('/')[^1], r => r.TextContent);
        Assert.Contains("All pupils on roll: Reception to Year 12", rows["attendance.overall-absence"], StringComparison.Ordinal);
        Assert.Contains("Years 1 to 11 (pupils aged 5 to 15), as the DfE counts: 2.0%", rows["attendance.overall-absence"], StringComparison.Ordinal);
        Assert.Contains("Stepwise, the same pupils (Years 1 to 11): 2.0%", rows["absence.overall"], StringComparison.Ordinal);
    }
}

public sealed class AttendanceCohortsBesideTheDfeOnSqlite(SqliteApp app) : AttendanceCohortsBesideTheDfe(app), IClassFixture<SqliteApp>;

public sealed class AttendanceCohortsBesideTheDfeOnPostgres(PostgresApp app) : AttendanceCohortsBesideTheDfe(app), IClassFixture<PostgresApp>;
