using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Stepwise.Features.Gaps;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Metrics;

/// <summary>
/// GET /api/schools/{urn}/gaps answers with the gaps page's figures, and a group of fewer than five pupils has no
/// figure in either (nor a count that the total would give back).
/// </summary>
public abstract class GapsThroughTheApi(StepwiseApp app)
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

    private static Dictionary<string, IElement> Rows(IElement table) =>
        table.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim());

    private static string Cell(IElement row, int index) => row.QuerySelectorAll("td")[index].TextContent.Trim();

    private static double? Number(JsonNode? node) => node is null ? null : (double)node;

    [Fact]
    public async Task The_gaps_api_gives_the_pages_figures_and_suppresses_the_same_groups()
    {
        app.EnsureAvailable();
        await ImportExamplesAsync();
        var governor = await app.ClientForAsync(World.PrimaryGovernor); // aggregates: a governor reads them

        var page = await governor.GetPageAsync($"/schools/{Urn}/gaps");
        var json = await (await governor.GetAsync($"/api/schools/{Urn}/gaps")).ReadJsonAsync();
        Assert.Equal(Urn, (int)json["urn"]!);

        var subjects = json["subjects"]!.AsArray();
        Assert.NotEmpty(subjects);
        var suppressed = 0;
        foreach (var subject in subjects)
        {
            var name = (string)subject!["name"]!;
            var section = page.QuerySelectorAll("section.card").Single(s => s.QuerySelector("h3")!.TextContent.StartsWith(name, StringComparison.Ordinal));
            var rows = Rows(section.QuerySelectorAll("table")[0]);
            var latest = subject["years"]!.AsArray()[^1]!;
            foreach (var c in latest["comparisons"]!.AsArray())
            {
                var row = rows[(string)c!["name"]!];
                if ((bool)c["suppressed"]!)
                {
                    suppressed++;
                    Assert.Contains("fewer than 5 pupils", row.TextContent, StringComparison.Ordinal);
                    Assert.Null(c["gap"]);
                    Assert.Null(c["meanGroup"]);
                    Assert.Null(c["meanOthers"]);
                    Assert.Null(c["low"]);
                    Assert.Null(c["gapIndex"]);
                    Assert.Null(c["othersPupils"]);
                    Assert.Equal(c["groupPupils"] is { } n ? $"{(int)n:N0}" : "", Cell(row, 0));
                }
                else
                {
                    Assert.Equal($"{(int)c["groupPupils"]!:N0}", Cell(row, 0));
                    Assert.Equal(GapFormat.Number(Number(c["meanGroup"])), Cell(row, 1));
                    Assert.Contains(GapFormat.Signed(Number(c["gap"])), Cell(row, 3), StringComparison.Ordinal);
                    Assert.Contains(GapFormat.Interval(Number(c["low"]), Number(c["high"])), Cell(row, 3), StringComparison.Ordinal);
                }
            }
            if (subject["verdict"] is { } verdict)
            {
                Assert.Equal((string)verdict["sentence"]!, section.QuerySelector(".reading")!.TextContent.Trim());
            }
        }
        Assert.True(suppressed > 0, "The example files have a group of fewer than five pupils (4 disadvantaged): the test needs one.");
        Assert.DoesNotContain(app.World.PupilKeys[Urn], key => json.ToJsonString().Contains(key, StringComparison.Ordinal));

        var attendance = json["attendance"]!.AsArray()[^1]!;
        var absenceTable = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent.StartsWith("Absence by group", StringComparison.Ordinal) == true);
        var absenceRows = Rows(absenceTable);
        foreach (var c in attendance["comparisons"]!.AsArray())
        {
            var row = absenceRows[(string)c!["name"]!];
            if ((bool)c["suppressed"]!)
            {
                Assert.Contains("fewer than 5 pupils", row.TextContent, StringComparison.Ordinal);
                Assert.Null(c["rateGroup"]);
                Assert.Null(c["persistentGroup"]);
                Assert.Null(c["othersPupils"]);
            }
            else
            {
                Assert.Equal(GapFormat.Percent(Number(c["rateGroup"])), Cell(row, 1));
                Assert.Equal(GapFormat.Percent(Number(c["persistentOthers"])), Cell(row, 5));
            }
        }
    }

    /// <summary>
    /// Issue 17 defect 5: the school-level gap index was presented as "the DfE's" measure. It is the DfE's method on one
    /// school's pupils, Stepwise's own analogue, and is labelled so on the page, in the chart's description and in the API.
    /// </summary>
    [Fact]
    public async Task The_gap_index_is_labelled_as_Stepwises_own_analogue_of_the_DfEs_measure()
    {
        app.EnsureAvailable();
        await ImportExamplesAsync();
        var governor = await app.ClientForAsync(World.PrimaryGovernor);

        var json = await (await governor.GetAsync($"/api/schools/{Urn}/gaps")).ReadJsonAsync();
        Assert.StartsWith("Stepwise's school-level analogue of the DfE's disadvantage gap index", (string)json["gapIndexMeasure"]!, StringComparison.Ordinal);

        var page = await governor.GetPageAsync($"/schools/{Urn}/gaps");
        var headers = page.QuerySelectorAll("th").Where(th => th.TextContent.StartsWith("Gap index", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(headers);
        Assert.All(headers, th => Assert.Contains("Stepwise's analogue of the DfE's", th.TextContent, StringComparison.Ordinal));
        Assert.Contains("not comparable with the DfE's published national index", page.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Issue 17 defect 5, on the chart: its description names the gap index as Stepwise's own analogue of the DfE's.</summary>
    [Fact]
    public void The_gap_chart_describes_the_gap_index_as_Stepwises_own_analogue()
    {
        var scores = Enumerable.Range(0, 16).Select(i => 95.0 + i).ToArray();
        var flags = scores.Select((_, i) => i < 6).ToArray();
        var gap = Stepwise.Analytics.Gaps.GroupGap.Compare(scores, flags);
        var comparison = ReadSchoolGaps.Comparison.Of("disadvantaged", "Disadvantaged", "Not disadvantaged", 6, 10, Stepwise.Analytics.Groups.GroupSuppression.None,
            gap.MeanDifference.MeanSecond, gap.MeanDifference.MeanFirst, gap.MeanGap, gap.MeanGapLow, gap.MeanGapHigh, gap.GapIndex);
        var subject = new ReadSchoolGaps.Subject("Maths", "scaled score",
            [new ReadSchoolGaps.AttainmentYear("2025/26", "2025/26 Summer", Stepwise.Analytics.Gaps.Spread.Describe(scores), [comparison])]);

        var chart = GapCharts.Disadvantaged(subject)!;

        Assert.Contains($"gap index {GapFormat.Number(gap.GapIndex)}", chart.Alternative, StringComparison.Ordinal);
        Assert.Contains("The gap index is Stepwise's school-level analogue of the DfE's disadvantage gap index", chart.Alternative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_trust_and_an_unknown_school_get_no_gaps()
    {
        app.EnsureAvailable();
        var other = await app.ClientForAsync(World.HarbourAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/schools/{Urn}/gaps")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(World.NorthAdmin)).GetAsync("/api/schools/1/gaps")).StatusCode);
    }
}

public sealed class GapsThroughTheApiOnSqlite(SqliteApp app) : GapsThroughTheApi(app), IClassFixture<SqliteApp>;

public sealed class GapsThroughTheApiOnPostgres(PostgresApp app) : GapsThroughTheApi(app), IClassFixture<PostgresApp>;
