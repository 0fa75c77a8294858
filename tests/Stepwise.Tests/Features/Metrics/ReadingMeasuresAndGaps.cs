using System.Net;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Metrics;

/// <summary>
/// After a school's example files are imported, its measures, run charts and gaps are there for everyone who may see
/// the school — a governor included, since they are aggregates — with small groups shown without a figure.
/// </summary>
public sealed class ReadingMeasuresAndGaps(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int Urn = World.NorthPrimaryUrn;

    private async Task ImportExamplesAsync()
    {
        var client = await app.ClientForAsync(World.NorthDataManager);
        foreach (var kind in new[] { "pupils", "attendance", "assessments" })
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs", "examples", $"{kind}.csv")));
            var response = await client.PostAsync($"/api/schools/{Urn}/imports/{kind}?fileName={kind}.csv", content);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_governor_reads_the_measures_with_their_provenance_and_a_run_chart()
    {
        await ImportExamplesAsync();
        var governor = await app.ClientForAsync(World.PrimaryGovernor);

        var metrics = (await (await governor.GetAsync($"/api/schools/{Urn}/metrics")).ReadJsonAsync()).AsArray();
        var absence = metrics.Single(m => (string)m!["key"]! == "attendance.overall-absence")!;
        Assert.Equal(["2024/25 HT1", "2024/25 HT2", "2024/25 HT3"], absence["points"]!.AsArray().Select(p => (string)p!["period"]!).ToList());
        Assert.Equal("Calculated from attendance.csv", (string)absence["points"]![0]!["source"]!);
        Assert.Equal("down", (string)absence["polarity"]!);

        var disadvantaged = (await (await governor.GetAsync($"/api/schools/{Urn}/metrics?group=disadvantaged")).ReadJsonAsync()).AsArray();
        Assert.All(disadvantaged.Single(m => (string)m!["key"]! == "attendance.overall-absence")!["points"]!.AsArray(),
            p => Assert.Equal("fewer-than-5", (string)p!["missing"]!));

        var page = await governor.GetPageAsync($"/schools/{Urn}/metrics");
        Assert.Contains("Overall absence", page.Body!.TextContent);
        Assert.Contains("Calculated from attendance.csv", page.Body.TextContent);

        var chart = await governor.GetPageAsync($"/schools/{Urn}/metrics/attendance.overall-absence");
        Assert.NotEmpty(chart.QuerySelector(".reading")!.TextContent.Trim());
        Assert.Equal("img", chart.QuerySelector("figure.chart > svg")!.GetAttribute("role"));
        var svg = await governor.GetAsync(chart.QuerySelector("figure.chart a[href*='chart.svg']")!.GetAttribute("href"));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_gaps_page_compares_each_group_and_shows_no_figure_for_fewer_than_five_pupils()
    {
        await ImportExamplesAsync();
        var head = await app.SignInAsync(World.PrimaryHead);
        var page = await head.GetPageAsync($"/schools/{Urn}/gaps");
        var reading = page.QuerySelectorAll("section.card").Single(s => s.QuerySelector("h3")!.TextContent.StartsWith("Reading", StringComparison.Ordinal));
        var rows = reading.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.TextContent);
        Assert.Contains("fewer than 5 pupils", rows["Disadvantaged"]);   // 4 of the 12 example pupils
        Assert.DoesNotContain("fewer than 5 pupils", rows["Girls"]);     // 6 and 6
        Assert.Contains("Absence is summed over sessions", page.Body!.TextContent);
    }

    [Fact]
    public async Task Another_trust_cannot_see_the_measures_charts_or_gaps()
    {
        var other = await app.ClientForAsync(World.HarbourAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/schools/{Urn}/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/schools/{Urn}/metrics/attendance.overall-absence/chart.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/schools/{Urn}/gaps")).StatusCode);
    }
}
