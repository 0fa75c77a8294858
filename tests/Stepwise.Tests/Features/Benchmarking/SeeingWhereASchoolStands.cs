using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Benchmarking;

/// <summary>A school's position on a measure among its similar schools, on the page and through the API.</summary>
[Collection(NationalDataCollection.Name)]
public sealed class SeeingWhereASchoolStands(NationalDataApp app)
{
    private const string Ks2 = "ks2.rwm-expected";

    private async Task<Dictionary<int, double?>> Ks2FiguresAsync(IEnumerable<int> urns, int year)
    {
        var list = urns.Select(u => (int?)u).ToList();
        return await app.QueryAsync(db => db.ReferenceValues.Where(v => v.MetricKey == Ks2 && v.Year == year && list.Contains(v.Urn))
            .ToDictionaryAsync(v => v.Urn!.Value, v => v.Value));
    }

    private async Task<List<int>> SetAsync(HttpClient client, int urn) =>
        [.. (await (await client.GetAsync($"/api/benchmarking/comparators/{urn}")).ReadJsonAsync())["comparators"]!.AsArray().Select(m => m!["urn"]!.GetValue<int>())];

    [Fact]
    public async Task The_position_page_shows_the_figure_median_quartiles_and_percentile_with_a_chart_marking_the_trusts_schools()
    {
        app.EnsureData();
        var client = await app.SignInAsync(World.NorthLeader);
        var set = await SetAsync(client, NationalDataApp.StPauls);
        Assert.Contains(NationalDataApp.GreatBinfields, set);
        var figures = await Ks2FiguresAsync(set, 2018);
        var own = figures[NationalDataApp.StPauls]!.Value;
        var others = set.Skip(1).Where(u => figures.GetValueOrDefault(u) is not null).Select(u => figures[u]!.Value).Order().ToList();
        // Type 7 median, and the share of similar schools the school beats (ties count half).
        var median = Quantile(others, 0.5);
        var rank = 100.0 * (others.Count(v => v < own) + 0.5 * others.Count(v => v == own)) / others.Count;

        var page = await client.GetPageAsync($"/benchmarking/schools/{NationalDataApp.StPauls}?measure={Ks2}&year=2018");

        Assert.Equal("St Paul's CofE (Aided) Primary School", page.Text("h1"));
        var facts = page.QuerySelectorAll(".facts .fact dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(Percent(own), facts[0]);
        Assert.Equal(Percent(median), facts[1]);
        Assert.Equal($"{Percent(Quantile(others, 0.25))} to {Percent(Quantile(others, 0.75))}", facts[2]);
        Assert.StartsWith(Math.Round(rank, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture), facts[3], StringComparison.Ordinal);

        var chart = page.QuerySelector("figure.chart > svg")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Single(chart.QuerySelectorAll(".chart__dot--school"));
        Assert.Single(chart.QuerySelectorAll(".chart__dot--trust"));
        Assert.Contains("Great Binfields", chart.QuerySelector(".chart__dot--trust title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(others.Count + 1, chart.QuerySelectorAll(".chart__dot").Length);
        Assert.Null(page.QuerySelector("[style]")); // the content security policy forbids inline styles
        Assert.Equal(30, page.QuerySelectorAll("#similar ~ .table-wrap tbody tr").Length);

        // Who to learn from: the five best similar schools, best first.
        var learn = page.QuerySelectorAll("table[aria-labelledby=learn] tbody tr").Select(Cells).ToList();
        var best = others.OrderDescending().Take(5).Select(Percent).ToList();
        Assert.Equal(best, learn.Select(r => r[1]).ToList());
    }

    [Fact]
    public async Task A_trust_school_strong_on_the_measure_is_offered_to_learn_from_and_other_trusts_see_no_trust_marks()
    {
        app.EnsureData();
        var north = await app.ClientForAsync(World.NorthLeader);
        var binfields = await (await north.GetAsync($"/api/benchmarking/positions/{NationalDataApp.GreatBinfields}?measure={Ks2}&year=2018")).ReadJsonAsync();
        var binfieldsRank = binfields["selected"]!["among"]!["percentileRank"]!.GetValue<double>();

        var position = await (await north.GetAsync($"/api/benchmarking/positions/{NationalDataApp.StPauls}?measure={Ks2}&year=2018")).ReadJsonAsync();
        var strong = position["strongInTrust"]!.AsArray().Select(s => s!["urn"]!.GetValue<int>()).ToList();
        Assert.Equal(binfieldsRank >= 75, strong.Contains(NationalDataApp.GreatBinfields));
        Assert.True(binfieldsRank >= 75, $"Great Binfields (87% at the expected standard) ranks {binfieldsRank} among its own similar schools.");
        Assert.DoesNotContain(NationalDataApp.Ampfield, strong); // suppressed: never ranked, so never "strong"
        Assert.Contains(position["members"]!.AsArray(), m => m!["urn"]!.GetValue<int>() == NationalDataApp.GreatBinfields && m["inTrust"]!.GetValue<bool>());

        var harbour = await app.SignInAsync(World.HarbourAdmin);
        var page = await harbour.GetPageAsync($"/benchmarking/schools/{NationalDataApp.StPauls}?measure={Ks2}&year=2018");
        Assert.Empty(page.QuerySelector("figure.chart > svg")!.QuerySelectorAll(".chart__dot--trust"));
        Assert.DoesNotContain(page.QuerySelectorAll(".tag"), t => t.TextContent.Contains("Your trust", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_school_with_a_suppressed_result_is_shown_as_suppressed_and_never_ranked()
    {
        app.EnsureData();
        var client = await app.ClientForAsync(World.NorthLeader);
        var position = await (await client.GetAsync($"/api/benchmarking/positions/{NationalDataApp.Ampfield}?measure={Ks2}&year=2018")).ReadJsonAsync();

        var selected = position["selected"]!;
        Assert.Null(selected["value"]);
        Assert.Equal("SUPP", selected["missing"]!.GetValue<string>());
        Assert.Null(selected["among"]!["percentileRank"]);
        Assert.True(selected["among"]!["median"]!.GetValue<double>() > 0); // its similar schools are still summarised

        var page = await (await app.SignInAsync(World.NorthLeader)).GetPageAsync($"/benchmarking/schools/{NationalDataApp.Ampfield}?measure={Ks2}&year=2018");
        var school = page.Text(".fact--school dd");
        Assert.Contains("SUPP", school, StringComparison.Ordinal);
        Assert.Contains("Not ranked", school, StringComparison.Ordinal);
        Assert.Equal("not ranked", page.QuerySelectorAll(".facts .fact dd")[3].TextContent.Trim());
        Assert.Empty(page.QuerySelector("figure.chart > svg")!.QuerySelectorAll(".chart__dot--school")); // not placed among the others

        // In a set that includes Ampfield, its missing figure is left out of the distribution, not counted as 0.
        var holder = await FindSetContainingAsync(client, NationalDataApp.Ampfield);
        var theirs = await (await client.GetAsync($"/api/benchmarking/positions/{holder}?measure={Ks2}&year=2018")).ReadJsonAsync();
        var set = await SetAsync(client, holder);
        var figures = await Ks2FiguresAsync(set, 2018);
        var published = set.Skip(1).Count(u => figures.GetValueOrDefault(u) is not null);
        Assert.Equal(published, theirs["selected"]!["among"]!["published"]!.GetValue<int>());
        Assert.Equal(29 - published, theirs["selected"]!["among"]!["notPublished"]!.GetValue<int>());
        var ampfield = theirs["members"]!.AsArray().Single(m => m!["urn"]!.GetValue<int>() == NationalDataApp.Ampfield)!;
        Assert.Equal("SUPP", ampfield["missing"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_trend_compares_each_year_with_the_same_similar_schools()
    {
        app.EnsureData();
        var client = await app.ClientForAsync(World.NorthLeader);
        var position = await (await client.GetAsync($"/api/benchmarking/positions/{NationalDataApp.StPauls}?measure={Ks2}")).ReadJsonAsync();

        Assert.Equal(2018, position["year"]!.GetValue<int>()); // the latest year with figures
        var trend = position["trend"]!.AsArray();
        Assert.Equal([2017, 2018], trend.Select(t => t!["year"]!.GetValue<int>()).ToList());
        var set = await SetAsync(client, NationalDataApp.StPauls);
        foreach (var year in new[] { 2017, 2018 })
        {
            var figures = await Ks2FiguresAsync(set, year);
            var row = trend.Single(t => t!["year"]!.GetValue<int>() == year)!;
            Assert.Equal(figures[NationalDataApp.StPauls], row["value"]!.GetValue<double>());
            Assert.Equal(set.Skip(1).Count(u => figures.GetValueOrDefault(u) is not null), row["among"]!["published"]!.GetValue<int>());
        }
        var page = await client.GetPageAsync($"/benchmarking/schools/{NationalDataApp.StPauls}?measure={Ks2}");
        Assert.Equal(2, page.QuerySelectorAll("table[aria-labelledby=trend] tbody tr").Length);
        Assert.Equal(2, page.QuerySelectorAll("figure.chart").Length);
    }

    [Fact]
    public async Task An_unknown_school_or_measure_says_why_there_is_nothing_to_compare()
    {
        app.EnsureData();
        var client = await app.SignInAsync(World.NorthLeader);
        var unknown = await client.GetAsync("/benchmarking/schools/123456");
        var page = await unknown.ReadPageAsync(HttpStatusCode.NotFound);
        Assert.Contains("not in the imported school register", page.Text("main"), StringComparison.Ordinal);

        var measure = await client.GetAsync($"/api/benchmarking/positions/{NationalDataApp.StPauls}?measure=ks9.nonsense");
        Assert.Equal(HttpStatusCode.NotFound, measure.StatusCode);
        Assert.Contains("ks9.nonsense", await measure.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<int> FindSetContainingAsync(HttpClient client, int urn)
    {
        foreach (var candidate in (await SetAsync(client, urn)).Skip(1))
        {
            if ((await SetAsync(client, candidate)).Contains(urn))
            {
                return candidate;
            }
        }
        throw new Xunit.Sdk.XunitException($"No similar school of {urn} has it among its own similar schools.");
    }

    private static string Percent(double v) => v.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static List<string> Cells(IElement row) => [.. row.QuerySelectorAll("td").Select(c => c.TextContent.Trim())];

    private static double Quantile(List<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
