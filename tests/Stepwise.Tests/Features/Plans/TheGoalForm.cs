using System.Net;
using AngleSharp.Html.Dom;
using Stepwise.Analytics.Spc;
using Stepwise.Features.Plans;
using Stepwise.Features.Reference;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Plans;

/// <summary>
/// Issue 18: the goal form offered a primary school key stage 4 measures and Years 7 to 13, and two "Overall absence"
/// measures side by side. It offers the measures and year groups of the school's phase, one of each published/own
/// pair, refuses the others when saved, and a goal on a measure with no data says which import feeds it.
/// </summary>
public abstract class TheGoalForm(StepwiseApp app)
{
    private const int Urn = World.NorthPrimaryUrn;

    /// <summary>The catalogue as national imports leave it: key stage 2 and 4 results and the DfE's absence beside the school's own.</summary>
    private async Task CatalogueAsync()
    {
        await app.QueryAsync(async db =>
        {
            foreach (var measure in NationalMeasures.Layouts.Where(l => l.Kind is "ks2" or "ks4" or "absence").SelectMany(l => l.Measures))
            {
                if (!db.Metrics.Any(m => m.Key == measure.Key))
                {
                    db.Metrics.Add(new Metric { Key = measure.Key, Name = measure.Name, Unit = measure.Unit, Polarity = measure.Polarity.ToCode(), Source = measure.Source });
                }
            }
            return await db.SaveChangesAsync();
        });
        await SeriesSeed.HalfTermsAsync(app, Urn, "attendance.overall-absence", "all", [8.0, 7.5, 7.9]);
    }

    private async Task<(HttpClient Browser, int PriorityId, IHtmlFormElement Form)> GoalFormAsync()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var plan = await (await head.PostJsonAsync($"/api/schools/{Urn}/plans", new { kind = "hundred-day", title = "Goal form", startsOn = app.Today })).ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await head.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title = "Attendance" })).ReadJsonAsync(HttpStatusCode.Created);
        var browser = await app.SignInAsync(World.PrimaryHead);
        var page = await browser.GetPageAsync($"/priorities/{(int)priority["id"]!}");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Action.Contains("handler=goal", StringComparison.Ordinal));
        return (browser, (int)priority["id"]!, form);
    }

    private static List<(string Value, string Text)> Options(IHtmlFormElement form, string name) =>
        form.QuerySelectorAll($"select[name='{name}'] option").Select(o => (o.GetAttribute("value") ?? "", o.TextContent.Trim())).Where(o => o.Item1 != "").ToList();

    [Fact]
    public async Task A_primary_school_is_offered_the_measures_and_year_groups_of_a_primary_once_each()
    {
        app.EnsureAvailable();
        await CatalogueAsync();
        var (_, _, form) = await GoalFormAsync();

        var measures = Options(form, "NewGoal.MetricKey");
        Assert.Contains(measures, m => m.Value == "ks2.rwm-expected");
        Assert.Contains(measures, m => m.Value == "attendance.overall-absence");
        Assert.DoesNotContain(measures, m => m.Value.StartsWith("ks4.", StringComparison.Ordinal));
        Assert.DoesNotContain(measures, m => m.Value == "absence.overall");
        Assert.Equal(measures.Count, measures.Select(m => m.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var groups = Options(form, "NewGoal.Group").Select(g => g.Value).ToList();
        Assert.Contains("year-0", groups);
        Assert.Contains("year-6", groups);
        Assert.Contains("disadvantaged", groups);
        Assert.DoesNotContain(groups, g => g is "year-7" or "year-9" or "year-13");
    }

    [Fact]
    public async Task Saving_a_goal_on_a_secondary_measure_or_year_group_at_a_primary_is_refused_with_the_reason()
    {
        app.EnsureAvailable();
        await CatalogueAsync();
        var (browser, priorityId, form) = await GoalFormAsync();
        var answer = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["NewGoal.MetricKey"] = "ks4.progress-8", ["NewGoal.Group"] = "year-9", ["NewGoal.Baseline"] = "0", ["NewGoal.BaselineOn"] = "2026-09-01",
            ["NewGoal.Target"] = "0.2", ["NewGoal.TargetOn"] = "2027-07-01",
        }, $"/priorities/{priorityId}");
        var errors = (await answer.ReadPageAsync()).Errors().ToList();
        Assert.Contains(errors, e => e.Contains("Progress 8 is not published for a school teaching Reception to Year 6", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Northgate Primary School has no Year 9", StringComparison.Ordinal));
        Assert.Equal(0, await app.Stored.CountAsync<Goal>(g => g.PriorityId == priorityId));
    }

    [Fact]
    public async Task A_goal_on_a_measure_with_no_data_says_which_import_would_feed_it()
    {
        app.EnsureAvailable();
        await CatalogueAsync();
        var (browser, priorityId, form) = await GoalFormAsync();
        Assert.Contains(Options(form, "NewGoal.MetricKey"), m => m.Value == "ks2.rwm-expected");
        var added = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["NewGoal.MetricKey"] = "ks2.rwm-expected", ["NewGoal.Group"] = "all", ["NewGoal.Baseline"] = "61", ["NewGoal.BaselineOn"] = "2026-09-01",
            ["NewGoal.Target"] = "68", ["NewGoal.TargetOn"] = "2027-07-01",
        }, $"/priorities/{priorityId}");
        var page = await browser.GetPageAsync(await added.AssertRedirectAsync());
        var row = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).Single(t => t.Contains("expected standard", StringComparison.Ordinal));
        Assert.Contains("No data yet: fed by the DfE school performance tables, key stage 2 (final) file", row, StringComparison.Ordinal);
        Assert.Contains("stepwise import ks2", row, StringComparison.Ordinal);
    }
}

public sealed class TheGoalFormOnSqlite(SqliteApp app) : TheGoalForm(app), IClassFixture<SqliteApp>;

public sealed class TheGoalFormOnPostgres(PostgresApp app) : TheGoalForm(app), IClassFixture<PostgresApp>;
