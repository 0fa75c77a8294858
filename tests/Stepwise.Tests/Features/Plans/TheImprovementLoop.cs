using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Plans;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Plans;

/// <summary>
/// The improvement loop through the API on each database: a school grades itself with evidence and the trust
/// moderates, a unit's stage is set, a plan's goal on a real metric series gets its status from the data, a
/// governor reads everything and changes nothing, bad input stores nothing, and a framework version in use never changes.
/// </summary>
public abstract class TheImprovementLoop(StepwiseApp app)
{
    private const int Urn = World.NorthPrimaryUrn;
    private DateOnly Today => app.Today;

    [Fact]
    public async Task A_school_leader_judges_with_evidence_sets_a_stage_and_plans_a_goal_whose_status_comes_from_the_data()
    {
        app.EnsureAvailable();
        var periods = await SeriesSeed.HalfTermsAsync(app, Urn, "attendance.overall-absence", "all", [8.0, 8.2, 7.9, 8.1, 7.8, 8.0, 8.1, 7.9, 5.0]);
        await InstallOfstedAsync();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var leader = await app.ClientForAsync(World.NorthLeader);

        // The school's judgement with two pieces of evidence, and the trust's, one grade lower.
        var judged = await head.PostJsonAsync($"/api/schools/{Urn}/judgements", new
        {
            framework = "ofsted-2025", area = "attendance-and-behaviour", grade = "strong-standard",
            strengths = "Calm corridors and lessons.", areasForDevelopment = "Persistent absence of disadvantaged pupils.",
            evidence = new object[]
            {
                new { kind = "metric", title = "Overall absence", metricKey = "attendance.overall-absence", group = "all" },
                new { kind = "observation", title = "Learning walks", note = "Twelve lessons seen." },
            },
        });
        Assert.Equal("self", (string)(await judged.ReadJsonAsync(HttpStatusCode.Created))["source"]!);
        await (await leader.PostJsonAsync($"/api/schools/{Urn}/judgements", new
        {
            framework = "ofsted-2025", area = "attendance-and-behaviour", grade = "expected-standard", source = "trust",
            areasForDevelopment = "Absence is still above national.",
        })).ReadJsonAsync(HttpStatusCode.Created);

        var evaluation = await (await head.GetAsync($"/api/schools/{Urn}/self-evaluation?framework=ofsted-2025")).ReadJsonAsync();
        var area = evaluation["areas"]!.AsArray().Single(a => (string)a!["key"]! == "attendance-and-behaviour")!;
        Assert.Equal("strong-standard", (string)area["self"]!["grade"]!);
        Assert.Equal("expected-standard", (string)area["trust"]!["grade"]!);
        Assert.Equal("disagree", (string)area["agreement"]!);
        Assert.Equal(["metric", "observation"], area["self"]!["evidence"]!.AsArray().Select(e => (string)e!["kind"]!).ToList());

        // Moderation lists the disagreement first.
        var moderation = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/schools/{Urn}/self-evaluation/moderation");
        var first = moderation.QuerySelector("tbody tr")!;
        Assert.Contains("Attendance and behaviour", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("row--attention", first.ClassName, StringComparison.Ordinal);

        // Year 6 enters Repair.
        var year6 = app.World.Units["primary-year6"].Id;
        await (await head.PostJsonAsync($"/api/units/{year6}/stage", new { stage = "repair", rationale = "A new cohort with high needs." }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var stages = (await (await head.GetAsync($"/api/schools/{Urn}/stages")).ReadJsonAsync()).AsArray();
        Assert.Equal("repair", (string)stages.Single(u => (int)u!["unitId"]! == year6)!["current"]!["stage"]!);
        var schoolPage = await head.GetPageAsync($"/schools/{Urn}");
        var year6Stage = schoolPage.QuerySelector($"#units ~ .table-wrap a[href='/units/{year6}/stage']")!;
        Assert.Equal("Repair", year6Stage.ChildNodes[0].TextContent.Trim()); // the school page shows each unit's stage

        // The trust overview shows the whole school's stage and the self-evaluation in short.
        await (await head.PostJsonAsync($"/api/units/{app.World.Units["primary-whole"].Id}/stage", new { stage = "improve", rationale = "Teaching is consistently good." }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var overview = await (await app.SignInAsync(World.NorthLeader)).GetPageAsync("/trust/overview");
        var row = overview.QuerySelectorAll("table.overview tbody tr").Single(r => r.QuerySelector("th > a")!.TextContent.Trim() == "Northgate Primary School");
        var improvement = string.Join(" ", row.QuerySelectorAll("td.improvement").Select(td => td.TextContent)); // stage, then self-evaluation
        Assert.Contains("Improve", improvement, StringComparison.Ordinal);
        Assert.Contains("1 strong standard", improvement, StringComparison.Ordinal);
        Assert.Contains("Trust disagrees on 1 of 1", improvement, StringComparison.Ordinal);
        var api = await (await leader.GetAsync("/api/benchmarking/overview")).ReadJsonAsync();
        var snapshot = api["schools"]!.AsArray().Single(s => (int)s!["urn"]! == Urn)!["improvement"]!;
        Assert.Equal("improve", (string)snapshot["stage"]!);
        Assert.Equal(1, (int)snapshot["disagreements"]!);

        // A plan, a priority on the framework area, a goal on the series and an action already past its due date.
        var plan = await (await head.PostJsonAsync($"/api/schools/{Urn}/plans", new { kind = "year", title = "Our plan", academicYear = Stepwise.Common.AcademicYear.Of(Today).ToString() }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await head.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new
        {
            title = "Everyone in school, every day", framework = "ofsted-2025", area = "attendance-and-behaviour",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var priorityId = (int)priority["id"]!;
        var baselineOn = periods[^2].Start; // before the latest half-term, after the steady ones
        await (await head.PostJsonAsync($"/api/priorities/{priorityId}/goals", new
        {
            metricKey = "attendance.overall-absence", group = "all", baseline = "8", baselineOn, target = "6.5", targetOn = baselineOn.AddYears(1),
        })).ReadJsonAsync(HttpStatusCode.Created);
        await (await head.PostJsonAsync($"/api/priorities/{priorityId}/actions", new
        {
            title = "First-day calls", owner = "Attendance officer", dueOn = Today.AddDays(-3), status = "in-progress", cost = "£1,200",
        })).ReadJsonAsync(HttpStatusCode.Created);

        var plans = (await (await head.GetAsync($"/api/schools/{Urn}/plans")).ReadJsonAsync()).AsArray();
        var mine = plans.Single(p => (int)p!["id"]! == (int)plan["id"]!)!["priorities"]![0]!;
        var status = mine["goals"]![0]!["status"]!;
        Assert.Equal("on", (string)status["trajectory"]!);
        Assert.Equal("improvement", (string)status["signal"]!);
        Assert.False((bool)status["stale"]!);
        Assert.Equal(5.0, (double)status["latest"]!);
        Assert.Equal("overdue", (string)mine["actions"]![0]!["state"]!);
        Assert.Equal(1200m, (decimal)mine["actions"]![0]!["cost"]!);

        // The home page's card for the school shows its stage and the overdue action.
        var card = (await head.GetPageAsync("/")).QuerySelectorAll(".card").Single(c => c.QuerySelector("h2")!.TextContent.Trim() == "Northgate Primary School");
        Assert.Equal("Improve", card.QuerySelector(".stage-tag")!.ChildNodes[0].TextContent.Trim());
        Assert.Contains("1 overdue plan action", card.QuerySelector(".state--overdue")!.TextContent, StringComparison.Ordinal);

        // At the end of the cycle, the impact review.
        await (await head.PutJsonAsync($"/api/priorities/{priorityId}/review", new
        {
            whatChanged = "Absence fell by a third.", whatWeLearned = "First-day calls work when families know the caller.", decision = "continue",
        })).ReadJsonAsync();
        var reviewed = (await (await head.GetAsync($"/api/plans/{(int)plan["id"]!}")).ReadJsonAsync())["priorities"]![0]!["review"]!;
        Assert.Equal("continue", (string)reviewed["decision"]!);
        Assert.Equal("Absence fell by a third.", (string)reviewed["whatChanged"]!);

        // The plan page says the same in words.
        var page = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/plans/{(int)plan["id"]!}/on-a-page");
        Assert.Contains("On trajectory", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Improving", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue", page.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_governor_reads_the_self_evaluation_stages_and_plans_and_can_change_nothing()
    {
        app.EnsureAvailable();
        await InstallOfstedAsync();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var plan = await (await head.PostJsonAsync($"/api/schools/{Urn}/plans", new { kind = "hundred-day", title = "First 100 days", startsOn = Today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var planId = (int)plan["id"]!;
        var priority = await (await head.PostJsonAsync($"/api/plans/{planId}/priorities", new { title = "Calm classrooms" })).ReadJsonAsync(HttpStatusCode.Created);
        var priorityId = (int)priority["id"]!;
        var action = await (await head.PostJsonAsync($"/api/priorities/{priorityId}/actions", new { title = "Launch the policy", owner = "Head", dueOn = Today.AddDays(20) }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var unit = app.World.Units["primary-year6"].Id;

        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        Assert.Equal(HttpStatusCode.OK, (await governor.GetAsync($"/api/schools/{Urn}/self-evaluation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await governor.GetAsync($"/api/schools/{Urn}/stages")).StatusCode);
        Assert.Contains((await (await governor.GetAsync($"/api/schools/{Urn}/plans")).ReadJsonAsync()).AsArray(), p => (int)p!["id"]! == planId);

        var writes = new (string Url, object Body)[]
        {
            ($"/api/schools/{Urn}/judgements", new { framework = "ofsted-2025", area = "inclusion", grade = "exceptional" }),
            ($"/api/units/{unit}/stage", new { stage = "sustain", rationale = "Governors think so." }),
            ($"/api/schools/{Urn}/plans", new { kind = "hundred-day", title = "Governors' plan", startsOn = Today }),
            ($"/api/plans/{planId}/priorities", new { title = "Another priority" }),
            ($"/api/plans/{planId}/comments", new { text = "A comment" }),
            ($"/api/priorities/{priorityId}/goals", new { metricKey = "attendance.overall-absence", baseline = "8", baselineOn = Today, target = "6", targetOn = Today.AddYears(1) }),
            ($"/api/priorities/{priorityId}/actions", new { title = "More", owner = "Governor", dueOn = Today.AddDays(5) }),
            ($"/api/priorities/{priorityId}/milestones", new { title = "Half way", dueOn = Today.AddDays(50) }),
            ($"/api/priorities/{priorityId}/evidence", new { title = "Minutes" }),
        };
        foreach (var (url, body) in writes)
        {
            Assert.True((await governor.PostJsonAsync(url, body)).StatusCode == HttpStatusCode.Forbidden, $"POST {url} was not refused");
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PutJsonAsync($"/api/actions/{(int)action["id"]!}", new { title = "Changed", owner = "Governor", dueOn = Today, status = "done" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PutJsonAsync($"/api/priorities/{priorityId}/review", new { whatChanged = "x", decision = "stop" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PutJsonAsync($"/api/plans/{planId}", new { kind = "hundred-day", title = "Renamed", startsOn = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PostJsonAsync("/api/frameworks/library", new { key = "inside-out" })).StatusCode);

        // The pages show the same things without a form to change them.
        var browser = await app.SignInAsync(World.PrimaryGovernor);
        foreach (var url in new[] { $"/schools/{Urn}/self-evaluation", $"/schools/{Urn}/stages", $"/plans/{planId}", $"/priorities/{priorityId}", $"/units/{unit}/stage" })
        {
            var page = await browser.GetPageAsync(url);
            Assert.True(page.QuerySelectorAll("main form[method=post]").Length == 0, $"{url} offers a governor a form");
        }
        // …where the head, on the same page, has them.
        Assert.NotEmpty((await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync($"/priorities/{priorityId}")).QuerySelectorAll("main form[method=post]"));
        Assert.Equal("Calm classrooms", await app.QueryAsync(db => db.Priorities.Where(p => p.PlanId == planId).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_naming_the_field_and_stores_nothing()
    {
        app.EnsureAvailable();
        await InstallOfstedAsync();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var plan = await (await head.PostJsonAsync($"/api/schools/{Urn}/plans", new { kind = "hundred-day", title = "Checks", startsOn = Today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await head.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title = "Checked priority" })).ReadJsonAsync(HttpStatusCode.Created);
        var priorityId = (int)priority["id"]!;
        var goalsBefore = await app.Stored.CountAsync<Goal>();
        var judgementsBefore = await app.Stored.CountAsync<Judgement>();

        var backwards = await ProblemsAsync(await head.PostJsonAsync($"/api/priorities/{priorityId}/goals", new
        {
            metricKey = "attendance.overall-absence", baseline = "8", baselineOn = new DateOnly(2026, 9, 1), target = "6", targetOn = new DateOnly(2026, 7, 1),
        }));
        Assert.Contains("must be after the baseline date", backwards["targetOn"], StringComparison.Ordinal);

        var unknown = await ProblemsAsync(await head.PostJsonAsync($"/api/priorities/{priorityId}/goals", new
        {
            metricKey = "attendance.happiness", baseline = "8", baselineOn = new DateOnly(2026, 9, 1), target = "6", targetOn = new DateOnly(2027, 7, 1),
        }));
        Assert.Contains("There is no measure \"attendance.happiness\"", unknown["metricKey"], StringComparison.Ordinal);

        var offScale = await ProblemsAsync(await head.PostJsonAsync($"/api/schools/{Urn}/judgements", new { framework = "ofsted-2025", area = "inclusion", grade = "outstanding" }));
        Assert.Contains("\"outstanding\" is not on the scale for Inclusion", offScale["grade"], StringComparison.Ordinal);

        var badStage = await ProblemsAsync(await head.PostJsonAsync($"/api/units/{app.World.Units["primary-year6"].Id}/stage", new { stage = "flourish", rationale = "x" }));
        Assert.Contains("\"flourish\" is not a stage", badStage["stage"], StringComparison.Ordinal);

        Assert.Equal(goalsBefore, await app.Stored.CountAsync<Goal>());
        Assert.Equal(judgementsBefore, await app.Stored.CountAsync<Judgement>());
    }

    [Fact]
    public async Task A_goal_form_with_its_dates_the_wrong_way_round_shows_the_message_on_the_page_and_stores_nothing()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var plan = await (await head.PostJsonAsync($"/api/schools/{Urn}/plans", new { kind = "hundred-day", title = "Form checks", startsOn = Today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await head.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title = "Form priority" })).ReadJsonAsync(HttpStatusCode.Created);
        await SeriesSeed.HalfTermsAsync(app, Urn, "attendance.persistent-absence", "all", [12, 11, 12, 13, 12, 11]);
        var browser = await app.SignInAsync(World.PrimaryHead);
        var page = await browser.GetPageAsync($"/priorities/{(int)priority["id"]!}");
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.Action.Contains("handler=goal", StringComparison.Ordinal));
        var answer = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["NewGoal.MetricKey"] = "attendance.persistent-absence", ["NewGoal.Group"] = "all", ["NewGoal.Baseline"] = "12", ["NewGoal.BaselineOn"] = "2026-09-01",
            ["NewGoal.Target"] = "10", ["NewGoal.TargetOn"] = "2026-07-01",
        }, $"/priorities/{(int)priority["id"]!}");
        var shown = await answer.ReadPageAsync();
        Assert.Contains(shown.Errors(), e => e.Contains("must be after the baseline date", StringComparison.Ordinal));
        Assert.Equal(0, await app.Stored.CountAsync<Goal>(g => g.PriorityId == (int)priority["id"]!));
    }

    [Fact]
    public async Task A_framework_version_with_judgements_is_never_changed_and_the_next_version_maps_its_areas_so_history_reads_across()
    {
        app.EnsureAvailable();
        var leader = await app.ClientForAsync(World.NorthLeader);
        var key = $"review-{Guid.NewGuid():N}"[..20];
        object Definition(int version, object[] areas) => new
        {
            key, name = "Termly review", version,
            scales = new[] { new { key = "review", name = "Review", grades = new[] { new { key = "secure", name = "Secure" }, new { key = "developing", name = "Developing" } } } },
            areas,
        };
        var saved = await (await leader.PostJsonAsync("/api/frameworks", Definition(1, [new { key = "quality", name = "Quality of education", scale = "review" }]))).ReadJsonAsync();
        var frameworkId = (int)saved["framework"]!["id"]!;

        // Unused, version 1 can still be corrected.
        var corrected = await (await leader.PutJsonAsync($"/api/frameworks/{frameworkId}/versions/1",
            Definition(1, [new { key = "quality", name = "Quality of education", scale = "review" }, new { key = "community", name = "Community", scale = "review" }]))).ReadJsonAsync();
        Assert.True((bool)corrected["changed"]!);

        var head = await app.ClientForAsync(World.PrimaryHead);
        await (await head.PostJsonAsync($"/api/schools/{Urn}/judgements", new { framework = key, area = "quality", grade = "developing" })).ReadJsonAsync(HttpStatusCode.Created);

        // Now it is used: changing it is refused and nothing changes.
        var refused = await ProblemsAsync(await leader.PutJsonAsync($"/api/frameworks/{frameworkId}/versions/1",
            Definition(1, [new { key = "quality", name = "Quality of teaching", scale = "review" }])));
        Assert.Contains("cannot be changed", refused["version"], StringComparison.Ordinal);
        var exported = await (await leader.GetAsync($"/api/frameworks/{frameworkId}/versions/1")).ReadJsonAsync();
        Assert.Equal(["Quality of education", "Community"], exported["areas"]!.AsArray().Select(a => (string)a!["name"]!).ToList());

        // Version 2 renames the area and says where it came from; the school's judgement shows in its history.
        var next = await (await leader.PostJsonAsync("/api/frameworks", Definition(2,
            [new { key = "curriculum", name = "Curriculum and teaching", scale = "review", mapsFrom = new[] { "quality" } }, new { key = "community", name = "Community", scale = "review" }])))
            .ReadJsonAsync();
        Assert.Equal(2, (int)next["version"]!);
        var badMapping = await ProblemsAsync(await leader.PostJsonAsync("/api/frameworks", Definition(3,
            [new { key = "curriculum", name = "Curriculum", scale = "review", mapsFrom = new[] { "no-such-area" } }])));
        Assert.Contains("no-such-area", string.Join(" ", badMapping.Values), StringComparison.Ordinal);

        var evaluation = await (await head.GetAsync($"/api/schools/{Urn}/self-evaluation?framework={key}")).ReadJsonAsync();
        Assert.Equal(2, (int)evaluation["frameworkVersion"]!);
        var curriculum = evaluation["areas"]!.AsArray().Single(a => (string)a!["key"]! == "curriculum")!;
        var history = curriculum["history"]!.AsArray().Single()!;
        Assert.Equal(1, (int)history["frameworkVersion"]!);
        Assert.Equal("Quality of education", (string)history["areaName"]!);
    }

    [Fact]
    public async Task A_trust_writes_its_own_framework_in_the_app_and_once_used_changes_it_only_by_a_new_version()
    {
        app.EnsureAvailable();
        var name = $"Peer review {Guid.NewGuid():N}"[..20];
        var leader = await app.SignInAsync(World.NorthLeader);
        var written = await leader.SubmitAsync((await leader.GetPageAsync("/frameworks/new")).Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.ScaleName"] = "Review scale", ["Input.Grades"] = "Secure\nDeveloping\nConcern",
            ["Input.Areas"] = "Teaching: Quality of teaching\nTeaching: Assessment\nLeadership: Middle leaders",
        }, "/frameworks/new");
        var frameworkUrl = (await written.AssertRedirectAsync()).Split('?')[0];
        var key = await app.QueryAsync(db => db.Frameworks.Where(f => f.Name == name).Select(f => f.Key).SingleAsync());
        var export = await (await (await app.ClientForAsync(World.NorthLeader)).GetAsync($"/api{frameworkUrl}/versions/1")).ReadJsonAsync();
        Assert.Equal(["Quality of teaching", "Assessment", "Middle leaders"], export["areas"]!.AsArray().Select(a => (string)a!["name"]!).ToList());
        Assert.Equal("Teaching", (string)export["areas"]![0]!["group"]!);

        // The school judges against it, so version 1 is now history.
        var head = await app.ClientForAsync(World.PrimaryHead);
        var area = (string)export["areas"]![0]!["key"]!;
        await (await head.PostJsonAsync($"/api/schools/{Urn}/judgements", new { framework = key, area, grade = "Developing" })).ReadJsonAsync(HttpStatusCode.Created);

        var edit = await leader.GetPageAsync(frameworkUrl + "/edit");
        Assert.Contains(edit.Errors(), e => e.Contains("cannot be changed", StringComparison.Ordinal));
        Assert.Empty(edit.QuerySelectorAll("main form[method=post]"));
        Assert.NotNull(edit.QuerySelector($"a[href='{frameworkUrl}/next']"));
        // Even a hand-made post to the edit page is refused.
        var next = await leader.GetPageAsync(frameworkUrl + "/next");
        var refused = await leader.SubmitAsync(next.Form(), new Dictionary<string, string> { ["Input.Areas"] = "Teaching: Quality of instruction" }, frameworkUrl + "/edit");
        Assert.Contains((await refused.ReadPageAsync()).Errors(), e => e.Contains("cannot be changed", StringComparison.Ordinal));
        Assert.Equal(3, await app.QueryAsync(db => db.FrameworkVersions.Where(v => db.Frameworks.Any(f => f.Id == v.FrameworkId && f.Key == key)).SelectMany(v => v.Areas).CountAsync()));

        // Version 2 renames the area and says what it was; the judgement reads across.
        await (await leader.SubmitAsync(next.Form(), new Dictionary<string, string>
        {
            ["Input.Areas"] = "Teaching: Quality of instruction (was: Quality of teaching)\nTeaching: Assessment\nLeadership: Middle leaders",
        }, frameworkUrl + "/next")).AssertRedirectAsync();
        var evaluation = await (await head.GetAsync($"/api/schools/{Urn}/self-evaluation?framework={key}")).ReadJsonAsync();
        Assert.Equal(2, (int)evaluation["frameworkVersion"]!);
        var renamed = evaluation["areas"]!.AsArray().Single(a => (string)a!["name"]! == "Quality of instruction")!;
        Assert.Equal("Quality of teaching", (string)renamed["history"]![0]!["areaName"]!);
    }

    [Fact]
    public async Task A_plans_tables_export_as_csv_that_a_spreadsheet_cannot_run()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var plan = await (await head.PostJsonAsync($"/api/schools/{Urn}/plans", new { kind = "hundred-day", title = "Export", startsOn = Today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await head.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title = "=HYPERLINK(\"http://evil.example\",\"Click\")" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await head.PostJsonAsync($"/api/priorities/{(int)priority["id"]!}/actions", new { title = "@SUM(1+1)", owner = "-Head", dueOn = Today.AddDays(3) }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var response = await (await app.SignInAsync(World.PrimaryHead)).GetAsync($"/plans/{(int)plan["id"]!}/export?table=actions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("'@SUM(1+1)", csv, StringComparison.Ordinal);
        Assert.Contains("'-Head", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
    }

    private async Task InstallOfstedAsync()
    {
        var leader = await app.ClientForAsync(World.NorthLeader);
        var response = await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Dictionary<string, string>> ProblemsAsync(HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        return body["errors"]!.AsObject().ToDictionary(e => e.Key, e => string.Join(" ", e.Value!.AsArray().Select(m => (string)m!)), StringComparer.OrdinalIgnoreCase);
    }
}

public sealed class TheImprovementLoopOnSqlite(SqliteApp app) : TheImprovementLoop(app), IClassFixture<SqliteApp>;

public sealed class TheImprovementLoopOnPostgres(PostgresApp app) : TheImprovementLoop(app), IClassFixture<PostgresApp>;
