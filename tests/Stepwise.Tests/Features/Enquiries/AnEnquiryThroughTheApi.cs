using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>
/// Issue 19's "must show", through the API alone: a team, an enquiry with a driver diagram, a measure on a school's
/// metric series and one of the team's own, two cycles (the first adapted into the second) marked on the metric's
/// chart, and a progress score that moves from 1.0 through 2.0 to 3.0 as the evidence arrives, saying why each time.
/// </summary>
public abstract class AnEnquiryThroughTheApi(StepwiseApp app)
{
    private const int Urn = World.NorthPrimaryUrn;
    private const string Absence = "attendance.overall-absence";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_team_builds_an_enquiry_runs_two_cycles_marked_on_the_metric_chart_and_its_score_moves_from_one_through_two_to_three()
    {
        app.EnsureAvailable();
        var manager = await app.ClientForAsync(World.NorthDataManager);
        foreach (var kind in new[] { "pupils", "attendance" })
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs", "examples", $"{kind}.csv")));
            var imported = await manager.PostAsync($"/api/schools/{Urn}/imports/{kind}?fileName={kind}.csv", content);
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }
        var head = await app.ClientForAsync(World.PrimaryHead);

        // The team, formed by the head (who leads it), and its enquiry: 1.0, a team with an aim.
        var team = await (await head.PostJsonAsync("/api/teams", new
        {
            name = $"Attendance team {app.ProviderName}", purpose = "Year 6 staff improving attendance", unitIds = new[] { app.World.Units["primary-year6"].Id },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var enquiry = await (await head.PostJsonAsync($"/api/teams/{(int)team["id"]!}/enquiries", new
        {
            title = "Absence in Year 6", schoolUrn = Urn, problemOfPractice = "Too many Year 6 pupils miss Mondays.",
            aim = "Overall absence from 6 % to 4 % by July", aimBaseline = 6, aimTarget = 4, aimBy = "2027-07-16",
            theoryWhen = "every absent pupil is called by 9:30", theoryThen = "families bring them in the same morning",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = (int)enquiry["id"]!;
        Assert.Equal(1.0, (double)enquiry["progressScore"]!);

        // The driver diagram and two measures: 1.5.
        async Task<int> NodeAsync(object body) => (int)(await (await head.PostJsonAsync($"/api/enquiries/{id}/driver/nodes", body)).ReadJsonAsync(HttpStatusCode.Created))["id"]!;
        var primary = await NodeAsync(new { kind = "primary", text = "Families know the school expects them" });
        var secondary = await NodeAsync(new { kind = "secondary", text = "A call on the first morning", parentId = primary });
        var idea = await NodeAsync(new { kind = "change-idea", text = "First-day calls by 9:30", parentId = secondary, impact = 3, ease = 2 });
        var metric = (int)(await (await head.PostJsonAsync($"/api/enquiries/{id}/measures", new
        {
            kind = "outcome", name = "Overall absence", operationalDefinition = "Sessions missed as a share of sessions possible, from the register", metricKey = Absence, group = "all",
        })).ReadJsonAsync(HttpStatusCode.Created))["id"]!;
        var calls = (int)(await (await head.PostJsonAsync($"/api/enquiries/{id}/measures", new
        {
            kind = "process", name = "Absent pupils called by 9:30", operationalDefinition = "% of pupils absent at registration whose family was called by 9:30, from the office log",
            unit = "%", polarity = "up", frequency = "weekly",
        })).ReadJsonAsync(HttpStatusCode.Created))["id"]!;
        var driver = await (await head.GetAsync($"/api/enquiries/{id}/driver")).ReadJsonAsync();
        Assert.Contains("First-day calls by 9:30", driver.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1.5, await ScoreAsync(head, id));

        // PDSA 1 on the idea, watching both measures: 2.0, and the API says why.
        var firstStart = new DateOnly(2024, 11, 4);
        var first = await (await head.PostJsonAsync($"/api/enquiries/{id}/cycles", new
        {
            changeIdeaId = idea, unitId = app.World.Units["primary-year6"].Id, question = "Will calls by 9:30 bring pupils in the same morning?",
            prediction = "Half of the pupils called arrive by 11:00.", planWho = "The office", planWhat = "Call every absent pupil's family", planWhen = "Four weeks", planWhere = "Year 6",
            startsOn = Day(firstStart), measureIds = new[] { metric, calls },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var firstId = (int)first["id"]!;
        Assert.Null((string?)first["decision"]);
        var started = await (await head.GetAsync($"/api/enquiries/{id}")).ReadJsonAsync();
        Assert.Equal(2.0, (double)started["progressScore"]!);
        Assert.Contains("PDSA 1 started on 4 November 2024", (string)started["progressWhy"]!, StringComparison.Ordinal);

        // Studied and adapted into PDSA 2.
        (await head.PutJsonAsync($"/api/enquiries/{id}/cycles/{firstId}", new { whatHappened = "Calls were made on most days.", study = "A third arrived by 11:00, not half." }))
            .EnsureSuccessStatusCode();
        var adapted = await (await head.PostJsonAsync($"/api/enquiries/{id}/cycles/{firstId}/decision", new { decision = "adapt", decidedOn = "2024-11-18", note = "Call earlier, by 9:00." }))
            .ReadJsonAsync();
        Assert.Equal("adapt", (string)adapted["decision"]!);
        var second = await (await head.PostJsonAsync($"/api/enquiries/{id}/cycles", new
        {
            changeIdeaId = idea, previousCycleId = firstId, unitId = app.World.Units["primary-year6"].Id, question = "Will calls by 9:00 do better?",
            prediction = "Half arrive by 11:00.", startsOn = "2024-11-18", measureIds = new[] { metric, calls },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var cycles = (await (await head.GetAsync($"/api/enquiries/{id}/cycles")).ReadJsonAsync()).AsArray();
        Assert.Equal(["adapt", null], cycles.Select(c => (string?)c!["decision"]));
        Assert.Equal(2.5, await ScoreAsync(head, id));

        // The metric's chart data carries both cycles: in the measures API and the chart's CSV.
        var metrics = (await (await head.GetAsync($"/api/schools/{Urn}/metrics")).ReadJsonAsync()).AsArray();
        var labels = metrics.Single(m => (string)m!["key"]! == Absence)!["annotations"]!.AsArray().Select(a => (string)a!["label"]!).ToList();
        Assert.Equal(["PDSA 1 started", "PDSA 1: adapt", "PDSA 2 started"], labels);
        var csv = await (await head.GetAsync($"/schools/{Urn}/metrics/{Absence}/chart.csv")).Content.ReadAsStringAsync();
        Assert.Contains("PDSA 1 started", csv, StringComparison.Ordinal);
        Assert.Contains("PDSA 2 started", csv, StringComparison.Ordinal);

        // Eight weeks of calls before PDSA 1, then eight after at a new level: an improvement signal on a process measure, 3.0.
        double[] figures = [40, 42, 38, 41, 39, 43, 40, 41, 70, 72, 69, 74, 71, 73, 72, 75];
        var monday = new DateOnly(2024, 9, 9);
        var paste = string.Join("\n", figures.Select((f, i) => $"{Day(monday.AddDays(7 * i))},{f.ToString(CultureInfo.InvariantCulture)}"));
        (await head.PostJsonAsync($"/api/enquiries/{id}/measures/{calls}/values/paste", new { text = paste })).EnsureSuccessStatusCode();
        var improved = await (await head.GetAsync($"/api/enquiries/{id}")).ReadJsonAsync();
        Assert.Equal(3.0, (double)improved["progressScore"]!);
        Assert.Contains("An improvement signal on \"Absent pupils called by 9:30\" (process measure)", (string)improved["progressWhy"]!, StringComparison.Ordinal);
        Assert.StartsWith("3.5 (Improvement) needs:", (string)improved["progressNext"]!, StringComparison.Ordinal);
        Assert.Equal((int)second["id"]!, cycles.Select(c => (int)c!["id"]!).Last());
    }

    private static async Task<double> ScoreAsync(HttpClient client, int id) =>
        (double)(await (await client.GetAsync($"/api/enquiries/{id}")).ReadJsonAsync())["progressScore"]!;
}

public sealed class AnEnquiryThroughTheApiOnSqlite(SqliteApp app) : AnEnquiryThroughTheApi(app), IClassFixture<SqliteApp>;

public sealed class AnEnquiryThroughTheApiOnPostgres(PostgresApp app) : AnEnquiryThroughTheApi(app), IClassFixture<PostgresApp>;
