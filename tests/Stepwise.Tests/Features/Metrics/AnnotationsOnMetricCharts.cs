using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Common.Charts;
using Stepwise.Features.Metrics;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Metrics;

/// <summary>
/// What a feature says happened to a school's metric (a PDSA cycle started or decided, through
/// <see cref="IMetricAnnotations"/>) is marked on the metric's run chart at the period that contains its day, and
/// carried by the measures API, the chart's CSV and SVG and the metric page, from one read.
/// </summary>
public abstract class AnnotationsOnMetricCharts(StepwiseApp app)
{
    private const int Urn = World.NorthPrimaryUrn;
    private const string Absence = "attendance.overall-absence";

    private async Task ImportExamplesAsync()
    {
        app.EnsureAvailable();
        var manager = await app.ClientForAsync(World.NorthDataManager);
        foreach (var kind in new[] { "pupils", "attendance" })
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs", "examples", $"{kind}.csv")));
            var response = await manager.PostAsync($"/api/schools/{Urn}/imports/{kind}?fileName={kind}.csv", content);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task<(WebApplicationFactory<Program> Server, CyclesOfAbsence Cycles, HttpClient Governor)> ServerWithCyclesAsync()
    {
        await ImportExamplesAsync();
        var cycles = new CyclesOfAbsence(await app.Stored.SchoolIdAsync(Urn));
        var server = app.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<IMetricAnnotations>(cycles)));
        var governor = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        governor.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenForAsync(World.PrimaryGovernor));   // aggregates: a governor reads them
        return (server, cycles, governor);
    }

    [Fact]
    public async Task The_measures_api_carries_each_annotation_with_the_period_it_is_marked_at_in_date_order_from_one_read()
    {
        var (server, cycles, governor) = await ServerWithCyclesAsync();
        await using var _ = server;

        var metrics = (await (await governor.GetAsync($"/api/schools/{Urn}/metrics")).ReadJsonAsync()).AsArray();

        var absence = metrics.Single(m => (string)m!["key"]! == Absence)!;
        var annotations = absence["annotations"]!.AsArray().Select(a => ((string)a!["on"]!, (string)a["label"]!, (string?)a["url"], (string?)a["period"])).ToList();
        Assert.Equal(
        [
            ("2024-06-10", "Team formed", "/enquiries/7", null),
            ("2024-11-20", "PDSA 1: adapt", "/enquiries/7#cycle-1", "2024/25 HT2"),
            ("2024-11-25", "PDSA 2 started", "/enquiries/7#cycle-2", "2024/25 HT2"),
            ("2025-01-06", "PDSA 2: adopt", null, "2024/25 HT3"),
        ], annotations);
        Assert.All(metrics.Where(m => (string)m!["key"]! != Absence), m => Assert.Empty(m!["annotations"]!.AsArray()));
        Assert.Equal((1, 0), (cycles.SchoolReads, cycles.OneMetricReads));   // the list is one read per source, not one per measure

        // The source is asked for the group shown: these cycles are the whole school's, not disadvantaged pupils'.
        var disadvantaged = (await (await governor.GetAsync($"/api/schools/{Urn}/metrics?group=disadvantaged")).ReadJsonAsync()).AsArray();
        Assert.Empty(disadvantaged.Single(m => (string)m!["key"]! == Absence)!["annotations"]!.AsArray());
    }

    [Fact]
    public async Task Without_a_source_of_annotations_the_measures_api_and_the_chart_say_there_are_none()
    {
        await ImportExamplesAsync();
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var metrics = (await (await governor.GetAsync($"/api/schools/{Urn}/metrics")).ReadJsonAsync()).AsArray();
        Assert.Contains(metrics, m => (string)m!["key"]! == Absence);
        Assert.All(metrics, m => Assert.Empty(m!["annotations"]!.AsArray()));
        var svg = await governor.GetStringAsync($"/schools/{Urn}/metrics/{Absence}/chart.svg");
        Assert.DoesNotContain("run__note", svg, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-labelledby=", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_charts_csv_svg_png_and_page_carry_the_annotations_and_one_before_the_first_point_is_only_in_words()
    {
        var (server, cycles, governor) = await ServerWithCyclesAsync();
        await using var _ = server;
        var chart = $"/schools/{Urn}/metrics/{Absence}/chart";

        var csv = Encoding.UTF8.GetString(await governor.GetByteArrayAsync(chart + ".csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",Target,Annotations", csv[0], StringComparison.Ordinal);
        Assert.StartsWith(",,,,,,,,\"Team formed (10 June 2024, before the first point, not drawn)\"", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",PDSA 1: adapt; PDSA 2 started", csv.Single(r => r.StartsWith("2024/25 HT2,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",PDSA 2: adopt", csv.Single(r => r.StartsWith("2024/25 HT3,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",", csv.Single(r => r.StartsWith("2024/25 HT1,", StringComparison.Ordinal)), StringComparison.Ordinal);

        XNamespace ns = "http://www.w3.org/2000/svg";
        var svg = XDocument.Parse(await governor.GetStringAsync(chart + ".svg")).Root!;
        var link = svg.Descendants(ns + "a").Single(a => (string?)a.Attribute("href") == "/enquiries/7#cycle-2");
        Assert.Equal("PDSA 2 started", link.Element(ns + "text")!.Nodes().OfType<XText>().Single().Value);
        Assert.Equal(3, svg.Descendants(ns + "line").Count(l => (string?)l.Attribute("class") == "run__note"));
        Assert.DoesNotContain(svg.Descendants(ns + "text"), t => t.Value.Contains("Team formed", StringComparison.Ordinal));
        var words = svg.Element(ns + "desc")!.Value;
        Assert.Contains("Marked: Team formed on 10 June 2024, before the first point, not drawn; PDSA 1: adapt at 2024/25 HT2; PDSA 2 started at 2024/25 HT2; PDSA 2: adopt at 2024/25 HT3.", words, StringComparison.Ordinal);

        var png = await governor.GetByteArrayAsync(chart + ".png");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);

        var page = await governor.GetPageAsync($"/schools/{Urn}/metrics/{Absence}");
        var drawn = page.QuerySelector("figure.chart svg")!;
        Assert.Equal(words, drawn.QuerySelector("desc")!.TextContent);
        Assert.Equal("/enquiries/7#cycle-2", drawn.QuerySelectorAll("a").Single(a => a.TextContent.EndsWith("PDSA 2 started", StringComparison.Ordinal)).GetAttribute("href"));
        var marked = page.QuerySelector("ul[aria-labelledby=marked]")!.QuerySelectorAll("li").Select(li => string.Join(" ", li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(
        [
            "10 June 2024: Team formed · before the first point, not drawn",
            "20 November 2024: PDSA 1: adapt · at 2024/25 HT2",
            "25 November 2024: PDSA 2 started · at 2024/25 HT2",
            "6 January 2025: PDSA 2: adopt · at 2024/25 HT3",
        ], marked);
        Assert.Equal("/enquiries/7", page.QuerySelector("ul[aria-labelledby=marked] a")!.GetAttribute("href"));

        // Page and chart asked for this one metric each time, never for the whole school's list.
        Assert.Equal(0, cycles.SchoolReads);
        Assert.Equal(4, cycles.OneMetricReads);
    }
}

public sealed class AnnotationsOnMetricChartsOnSqlite(SqliteApp app) : AnnotationsOnMetricCharts(app), IClassFixture<SqliteApp>;

public sealed class AnnotationsOnMetricChartsOnPostgres(PostgresApp app) : AnnotationsOnMetricCharts(app), IClassFixture<PostgresApp>;

/// <summary>
/// The cycles of one school's absence measure for all pupils: the example files' half-terms start on 1 September
/// and 1 November 2024 and 1 January 2025. Counts its calls, to show the school's list is one read.
/// </summary>
internal sealed class CyclesOfAbsence(int schoolId) : IMetricAnnotations
{
    public static readonly ChartAnnotation TeamFormed = new(new DateOnly(2024, 6, 10), "Team formed", "/enquiries/7");
    public static readonly ChartAnnotation FirstDecided = new(new DateOnly(2024, 11, 20), "PDSA 1: adapt", "/enquiries/7#cycle-1");
    public static readonly ChartAnnotation SecondStarted = new(new DateOnly(2024, 11, 25), "PDSA 2 started", "/enquiries/7#cycle-2");
    public static readonly ChartAnnotation SecondDecided = new(new DateOnly(2025, 1, 6), "PDSA 2: adopt", null);

    public const string AbsenceKey = "attendance.overall-absence";

    public int OneMetricReads;
    public int SchoolReads;

    private IReadOnlyList<ChartAnnotation> Of(int school, string metricKey, string group) =>
        school == schoolId && metricKey == AbsenceKey && group == "all" ? [SecondDecided, FirstDecided, TeamFormed, SecondStarted] : [];

    public Task<IReadOnlyList<ChartAnnotation>> ForAsync(int schoolId, string metricKey, string group, CancellationToken ct)
    {
        Interlocked.Increment(ref OneMetricReads);
        return Task.FromResult(Of(schoolId, metricKey, group));
    }

    public Task<IReadOnlyList<(string MetricKey, ChartAnnotation Annotation)>> ForSchoolAsync(int schoolId, string group, CancellationToken ct)
    {
        Interlocked.Increment(ref SchoolReads);
        return Task.FromResult<IReadOnlyList<(string, ChartAnnotation)>>([.. Of(schoolId, AbsenceKey, group).Select(a => (AbsenceKey, a))]);
    }
}
