using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Demo;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Charts;

/// <summary>
/// Charts on the demo trust's pages: the gaps page draws each subject's disadvantage gap by year with its interval,
/// titled with its finding, above its tables; every chart's CSV holds the points it plots, and its PNG is a PNG.
/// </summary>
public abstract partial class ChartsOnPages(StepwiseApp app)
{
    private const int Urn = 990004;

    private async Task<HttpClient> LeaderAsync()
    {
        app.EnsureAvailable();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        }
        return await app.SignInAsync("helen.marsh@larkhaven.example", LoadDemoTrust.Password);
    }

    private static async Task<List<string[]>> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];
    }

    [GeneratedRegex(@"^The disadvantage gap in Maths (narrowed from (?<from>[\d.]+) to (?<to>[\d.]+)|widened from (?<from>[\d.]+) to (?<to>[\d.]+)|stayed at (?<to>[\d.]+)) since (?<since>\d{4}/\d\d)")]
    private static partial Regex Finding();

    [Fact]
    public async Task The_gaps_page_shows_each_subjects_gap_by_year_with_its_interval_titled_with_its_finding()
    {
        var leader = await LeaderAsync();
        var page = await leader.GetPageAsync($"/schools/{Urn}/gaps");
        var maths = page.QuerySelectorAll("section.card").Single(s => s.QuerySelector("h3")!.TextContent.StartsWith("Maths", StringComparison.Ordinal));

        // The chart comes first, then the tables, which stay.
        var figure = maths.QuerySelector("figure.chart")!;
        Assert.True(maths.QuerySelectorAll("table").Length >= 2);
        Assert.True(figure.CompareDocumentPosition(maths.QuerySelector("table")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        var svg = figure.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var finding = figure.QuerySelector(".chart__finding")!.TextContent.Trim();
        Assert.Equal(finding, svg.QuerySelector("title")!.TextContent);
        Assert.StartsWith("The gap in mean Maths score between disadvantaged pupils and other pupils", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        var match = Finding().Match(finding);
        Assert.True(match.Success, finding);

        // The CSV holds the plotted gaps; each is a dot with its interval on the chart and the gap in the table below.
        var rows = await CsvAsync(leader, figure.QuerySelector("a[href*='.csv']")!.GetAttribute("href")!);
        Assert.Equal(["Year", "Group", "Gap", "Interval low", "Interval high", "Missing"], rows[0]);
        var plotted = rows.Skip(1).Where(r => r[2].Length > 0).ToList();
        Assert.True(plotted.Count >= 2, "The demo should have at least two years of Maths gaps.");
        var dots = svg.QuerySelectorAll("circle.gap__dot").Select(d => d.QuerySelector("title")!.TextContent).ToList();
        Assert.Equal(plotted.Count, dots.Count);
        var history = maths.QuerySelectorAll("table")[1].QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim().Split(' ')[0], r => r.TextContent);
        foreach (var row in plotted)
        {
            var gap = double.Parse(row[2], CultureInfo.InvariantCulture);
            var signed = (gap > 0 ? "+" : gap < 0 ? "−" : "") + Math.Abs(gap).ToString("0.0", CultureInfo.GetCultureInfo("en-GB"));
            Assert.Contains($"{row[0]}: gap {signed}", dots);
            Assert.Contains(signed, history[row[0]], StringComparison.Ordinal);
            Assert.True(double.Parse(row[3], CultureInfo.InvariantCulture) <= gap && gap <= double.Parse(row[4], CultureInfo.InvariantCulture));
        }
        // The finding's figures are the first and the latest plotted gaps.
        Assert.Equal(Math.Abs(double.Parse(plotted[^1][2], CultureInfo.InvariantCulture)).ToString("0.0", CultureInfo.InvariantCulture), match.Groups["to"].Value);
        Assert.Equal(plotted[0][0], match.Groups["since"].Value);

        var png = await leader.GetAsync(figure.QuerySelector("a[href*='.png']")!.GetAttribute("href"));
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task A_run_charts_csv_holds_the_points_it_plots_as_the_api_gives_them()
    {
        var leader = await LeaderAsync();
        var page = await leader.GetPageAsync("/schools/990001/metrics/attendance.persistent-absence");
        var figure = page.QuerySelector("figure.chart")!;
        var points = figure.QuerySelectorAll("svg circle.run__point").ToList();
        var rows = (await CsvAsync(leader, figure.QuerySelector("a[href*='.csv']")!.GetAttribute("href")!)).Skip(1).ToList();
        Assert.Equal(points.Count, rows.Count);

        var metrics = (await (await leader.GetAsync("/api/schools/990001/metrics")).ReadJsonAsync()).AsArray();
        var api = metrics.Single(m => (string)m!["key"]! == "attendance.persistent-absence")!["points"]!.AsArray()
            .Where(p => p!["value"] is not null).Select(p => ((string)p!["period"]!, (double)p["value"]!)).ToList();
        Assert.Equal(api, rows.Select(r => (r[0], double.Parse(r[1], CultureInfo.InvariantCulture))).ToList());
        Assert.Equal(api.Count, rows.Count);
    }
}

public sealed class ChartsOnPagesOnSqlite(SqliteApp app) : ChartsOnPages(app), IClassFixture<SqliteApp>;

public sealed class ChartsOnPagesOnPostgres(PostgresApp app) : ChartsOnPages(app), IClassFixture<PostgresApp>;
