using Microsoft.EntityFrameworkCore;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Benchmarking;

/// <summary>Every school of the trust on one page, sortable without script; the demo trust's is filled in.</summary>
[Collection(NationalDataCollection.Name)]
public sealed class TheTrustOverview(NationalDataApp app)
{
    private static List<string> Names(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.overview tbody th[scope=row] > a").Select(a => a.TextContent.Trim())];

    private static IElement Row(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("table.overview tbody tr").Single(r => r.QuerySelector("th > a")!.TextContent.Trim() == name);

    [Fact]
    public async Task A_trust_leader_sees_every_school_with_its_latest_figure_signal_and_position()
    {
        app.EnsureData();
        var client = await app.SignInAsync(World.NorthLeader);
        var page = await client.GetPageAsync("/trust/overview");

        Assert.Equal(["Ampfield Church of England Primary School", "Great Binfields Primary School", "Northgate Academy", "Northgate Primary School"], Names(page));
        var binfields = await (await (await app.ClientForAsync(World.NorthLeader))
            .GetAsync($"/api/benchmarking/positions/{NationalDataApp.GreatBinfields}?measure=ks2.rwm-expected&year=2018")).ReadJsonAsync();
        var headline = Row(page, "Great Binfields Primary School").QuerySelectorAll("td.measure")[0];
        Assert.Equal($"{binfields["selected"]!["value"]!.GetValue<double>():0}%", headline.QuerySelector(".measure__value")!.TextContent.Trim());
        Assert.Equal("2017/18 — the latest published here", headline.QuerySelector(".measure__year")!.TextContent.Trim());
        Assert.Equal("Too few years", headline.QuerySelector(".signal .signal__words")!.TextContent.Trim()); // two years of KS2: no SPC signal
        Assert.Contains("signal--few", headline.QuerySelector(".signal")!.ClassName, StringComparison.Ordinal);
        var rank = binfields["selected"]!["among"]!["percentileRank"]!.GetValue<double>();
        Assert.Equal(rank >= 100 ? "Ahead of all its similar schools" : $"Better than {Math.Round(rank, MidpointRounding.AwayFromZero)}% of similar schools",
            headline.QuerySelector(".measure__position")!.TextContent.Trim());

        var ampfield = Row(page, "Ampfield Church of England Primary School").QuerySelectorAll("td.measure")[0];
        Assert.Equal("SUPP", ampfield.QuerySelector(".tag")!.TextContent.Trim());
        Assert.StartsWith("Not ranked: suppressed", ampfield.QuerySelector(".measure__position")!.TextContent.Trim(), StringComparison.Ordinal);

        // A school of the trust that is not in the national data is listed all the same.
        Assert.Contains("No figures", Row(page, "Northgate Primary School").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headings_sort_the_table_on_the_server()
    {
        app.EnsureData();
        var client = await app.SignInAsync(World.NorthLeader);

        var byResult = await client.GetPageAsync("/trust/overview?sort=headline&dir=desc");
        // The headline heading, found by its sort link (the risk, tier, review and support columns stand before it).
        var headline = byResult.QuerySelectorAll("table.overview thead th").First(th => th.QuerySelector("a")?.GetAttribute("href")?.Contains("sort=headline", StringComparison.Ordinal) == true);
        Assert.Equal("descending", headline.GetAttribute("aria-sort"));
        var names = Names(byResult);
        // Great Binfields is ranked; Ampfield (suppressed) and the schools without figures come last.
        Assert.Equal("Great Binfields Primary School", names[0]);
        Assert.Equal("/trust/overview?sort=headline&dir=asc", headline.QuerySelector("a")!.GetAttribute("href"));

        var byNameDescending = await client.GetPageAsync("/trust/overview?sort=school&dir=desc");
        Assert.Equal(["Northgate Primary School", "Northgate Academy", "Great Binfields Primary School", "Ampfield Church of England Primary School"], Names(byNameDescending));
        var byPupils = await client.GetPageAsync("/trust/overview?sort=pupils&dir=desc");
        Assert.Equal("Northgate Academy", Names(byPupils)[0]); // 1,180 pupils
    }

    [Fact]
    public async Task A_headteacher_sees_only_their_own_school()
    {
        app.EnsureData();
        var page = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync("/trust/overview");
        Assert.Equal(["Northgate Primary School"], Names(page));
        Assert.DoesNotContain("Northgate Academy", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_trust_overview_shows_real_positions_and_the_signals_of_its_stories()
    {
        app.EnsureData();
        var client = await app.SignInAsync("helen.marsh@larkhaven.example", "stepwise-demo-2026");
        var page = await client.GetPageAsync("/trust/overview");

        Assert.Equal(6, Names(page).Count);
        var larkhaven = Row(page, "Larkhaven Primary School").QuerySelectorAll("td.measure");
        Assert.Equal("75%", larkhaven[0].QuerySelector(".measure__value")!.TextContent.Trim());
        Assert.StartsWith("Better than", larkhaven[0].QuerySelector(".measure__position")!.TextContent.Trim(), StringComparison.Ordinal); // among 29 real schools
        Assert.Equal("Improving", larkhaven[2].QuerySelector(".signal .signal__words")!.TextContent.Trim()); // persistent absence fell seven years running
        var brackenmoor = Row(page, "Brackenmoor Primary Academy").QuerySelectorAll("td.measure");
        Assert.Equal("Concern", brackenmoor[1].QuerySelector(".signal .signal__words")!.TextContent.Trim()); // overall absence jumped in 2018/19
        var willowmere = Row(page, "Willowmere Brook School").QuerySelectorAll("td.measure");
        Assert.Equal("SUPP", willowmere[0].QuerySelector(".tag")!.TextContent.Trim());

        var position = await client.GetPageAsync("/benchmarking/schools/990001");
        Assert.Equal(30, position.QuerySelectorAll("#similar ~ .table-wrap tbody tr").Length);
        Assert.All(position.QuerySelectorAll("#similar ~ .table-wrap tbody tr").Skip(1),
            r => Assert.DoesNotContain("9900", r.QuerySelector("a")!.GetAttribute("href")!, StringComparison.Ordinal)); // real schools only
    }

    [Fact]
    public async Task The_disadvantage_gap_column_shows_each_schools_absence_gap_from_its_own_data_and_sorts_by_it()
    {
        app.EnsureData();
        var client = await app.SignInAsync("helen.marsh@larkhaven.example", "stepwise-demo-2026");
        var yearly = await app.QueryAsync(db => (from v in db.MetricValues
                                                 join s in db.Schools on v.SchoolId equals s.Id
                                                 where s.Urn == 990004 && v.MetricKey == "attendance.overall-absence" && v.PeriodKind == Stepwise.Features.SchoolData.PeriodKind.Year
                                                       && (v.Group == "disadvantaged" || v.Group == "not-disadvantaged")
                                                 select new { v.Period, v.Group, v.Value }).ToListAsync());
        var gapByYear = yearly.GroupBy(v => v.Period).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Year: g.Key, Gap: g.Single(v => v.Group == "disadvantaged").Value!.Value - g.Single(v => v.Group == "not-disadvantaged").Value!.Value))
            .ToList();
        var (latestGap, (beforeYear, beforeGap)) = (gapByYear[^1].Gap, gapByYear[^2]);

        var page = await client.GetPageAsync("/trust/overview?sort=gap&dir=desc");
        var cell = Row(page, "St Wenna's Fellgate CofE Primary School").QuerySelectorAll("td.measure")[3];
        Assert.Equal(FormattableString.Invariant($"{latestGap:+0.0;-0.0}"), cell.QuerySelector(".measure__value")!.TextContent.Trim().Replace("−", "-"));
        Assert.Contains(FormattableString.Invariant($"{Math.Abs(beforeGap):0.0} in {beforeYear}"), cell.TextContent, StringComparison.Ordinal);
        Assert.Equal("/schools/990004/gaps", cell.QuerySelector("a")!.GetAttribute("href"));

        // Sorted widest first: each row's gap is no smaller than the next one's.
        var gaps = page.QuerySelectorAll("table.overview tbody tr").Select(r => r.QuerySelectorAll("td.measure")[3].QuerySelector(".measure__value"))
            .Where(v => v is not null).Select(v => double.Parse(v!.TextContent.Trim().Replace("−", "-"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(gaps.Count >= 5, $"{gaps.Count} schools with a gap");
        Assert.Equal(gaps.OrderByDescending(g => g), gaps);

        var byStage = Names(await client.GetPageAsync("/trust/overview?sort=stage&dir=asc"));
        Assert.Equal("Brackenmoor Primary Academy", byStage[0]); // the only school at Repair; none at Stabilise
    }
}
