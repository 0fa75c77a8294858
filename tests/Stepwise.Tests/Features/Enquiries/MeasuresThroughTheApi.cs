using System.Globalization;
using System.Net;
using Stepwise.Features.Enquiries;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>
/// A team opens an enquiry and its diagram through the API, records a weekly team measure and gets the same SPC reading
/// as any metric; wrong figures are refused with their reason, and a paste with a wrong line saves nothing.
/// </summary>
public abstract class MeasuresThroughTheApi(StepwiseApp app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_team_measures_weekly_figures_read_as_an_improvement_signal_and_wrong_figures_are_refused_with_their_reason()
    {
        app.EnsureAvailable();
        var teamId = await EnquirySeed.TeamAsync(app, "primary-year6", $"Year 6 measures {app.ProviderName}", World.PrimaryTeacher);
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);

        var enquiry = await (await teacher.PostJsonAsync($"/api/teams/{teamId}/enquiries", new
        {
            title = "Reading aloud", schoolUrn = World.NorthPrimaryUrn, problemOfPractice = "Few pupils read aloud.", aim = "Reading aloud daily from 50% to 70% by July",
            aimBaseline = 50, aimTarget = 70, aimBy = "2027-07-16", theoryWhen = "every lesson opens with reading aloud", theoryThen = "pupils read aloud daily",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = (int)enquiry["id"]!;
        var startScore = (double)enquiry["progressScore"]!;
        Assert.Equal(1.0, startScore);
        Assert.False(string.IsNullOrEmpty((string?)enquiry["progressWhy"]));

        var primary = await (await teacher.PostJsonAsync($"/api/enquiries/{id}/driver/nodes", new { kind = "primary", text = "Reading is modelled" })).ReadJsonAsync(HttpStatusCode.Created);
        var badIdea = await (await teacher.PostJsonAsync($"/api/enquiries/{id}/driver/nodes", new { kind = "change-idea", text = "Echo reading", parentId = (int)primary["id"]!, impact = 4 }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Rate the impact 1 (low), 2 or 3 (high), or leave it empty.", (string)badIdea["errors"]!["impact"]![0]!);
        await (await teacher.PostJsonAsync($"/api/enquiries/{id}/driver/nodes", new { kind = "change-idea", text = "Echo reading", parentId = (int)primary["id"]!, impact = 3, ease = 3 }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var noDefinition = await (await teacher.PostJsonAsync($"/api/enquiries/{id}/measures", new { kind = "process", name = "Reading aloud", unit = "%", polarity = "up", frequency = "weekly" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noDefinition["errors"]!["operationalDefinition"]);
        var measure = await (await teacher.PostJsonAsync($"/api/enquiries/{id}/measures", new
        {
            kind = "process", name = "% of pupils reading aloud daily", operationalDefinition = "Pupils heard reading aloud, counted by the class teacher on Fridays",
            unit = "%", polarity = "up", frequency = "weekly", target = 70,
        })).ReadJsonAsync(HttpStatusCode.Created);
        var measureId = (int)measure["id"]!;
        Assert.Equal("team", (string)measure["source"]!);
        var values = $"/api/enquiries/{id}/measures/{measureId}/values";

        // Wrong figures: each refused with its reason.
        var monday = TeamMeasures.MondayOf(app.Today);
        async Task<string> RefusedAsync(object body, string field) =>
            (string)(await (await teacher.PostJsonAsync(values, body)).ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]![field]![0]!;
        Assert.Equal("120 is not a percentage: it must be between 0 and 100.", await RefusedAsync(new { on = Day(monday), value = 120 }, "value"));
        Assert.Equal("Enter the value.", await RefusedAsync(new { on = Day(monday) }, "value"));
        Assert.Contains("is in the future", await RefusedAsync(new { on = Day(app.Today.AddDays(7)), value = 50 }, "on"), StringComparison.Ordinal);

        // A weekly figure entered on a Wednesday is kept against its Monday; a second figure for that week is refused.
        var first = await (await teacher.PostJsonAsync(values, new { on = Day(monday.AddDays(-7 * 17 + 2)), value = 50, note = "Supply teacher on Tuesday" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(Day(monday.AddDays(-7 * 17)), (string)first["on"]!);
        Assert.Equal("There is already a figure for the week of " + Stepwise.Features.Shared.Display.Date(monday.AddDays(-7 * 17)) + ": correct that one instead.",
            await RefusedAsync(new { on = Day(monday.AddDays(-7 * 17 + 4)), value = 51 }, "on"));

        // A paste with wrong lines saves nothing and names each line.
        var before = await app.Stored.CountAsync<TeamMeasureValue>(v => v.MeasureId == measureId);
        var badPaste = await (await teacher.PostJsonAsync($"{values}/paste", new { text = $"date,value\n{Day(monday.AddDays(-7 * 16))},52\n{Day(monday.AddDays(-7 * 15))},abc\nyesterday,50\n{Day(monday.AddDays(-7 * 14))},101" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        var lines = badPaste["errors"]!["lines"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains("Line 3: \"abc\" is not a number (write it with a full stop for decimals: 62.5).", lines);
        Assert.Contains(lines, l => l.StartsWith("Line 4: \"yesterday\" is not a date", StringComparison.Ordinal));
        Assert.Contains("Line 5: 101 is not a percentage: it must be between 0 and 100.", lines);
        Assert.Equal(before, await app.Stored.CountAsync<TeamMeasureValue>(v => v.MeasureId == measureId));

        // Sixteen more weeks: nine like the first, then seven much higher — an improvement signal, as on any metric's chart.
        double[] figures = [52, 49, 51, 50, 48, 51, 50, 49, 52, 70, 71, 69, 72, 70, 71, 72];
        var paste = string.Join("\n", figures.Select((f, i) => $"{Day(monday.AddDays(-7 * (16 - i)))},{f.ToString(CultureInfo.InvariantCulture)}"));
        var saved = await (await teacher.PostJsonAsync($"{values}/paste", new { text = paste })).ReadJsonAsync();
        Assert.Equal(16, saved.AsArray().Count);

        var read = await (await teacher.GetAsync($"/api/enquiries/{id}")).ReadJsonAsync();
        var m = read["measures"]!.AsArray().Single(x => (int)x!["id"]! == measureId)!;
        Assert.Equal("improvement", (string)m["variation"]!);
        Assert.True((double)read["progressScore"]! > startScore, $"The score stayed at {startScore}: {read["progressWhy"]}");
        Assert.Equal(17, m["points"]!.AsArray().Count);
        Assert.Contains(m["points"]!.AsArray(), p => (string?)p!["rule"] is not null);
        Assert.NotNull(m["mean"]);
        Assert.NotNull(read["annotations"] ?? m["annotations"]);
        Assert.Equal("primary", (string)read["driver"]!["nodes"]![0]!["kind"]!);
        Assert.Equal("change-idea", (string)read["driver"]!["nodes"]![0]!["children"]![0]!["kind"]!);

        // The measure's page shows the same reading and the figures; a governor reads it without the team's notes.
        var page = await teacher.GetPageAsync($"/enquiries/{id}/measures/{measureId}");
        Assert.Equal((string)m["reading"]!, page.Text("p.reading"));
        Assert.Contains("Supply teacher on Tuesday", page.Body!.TextContent, StringComparison.Ordinal);
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var governorPage = await governor.GetPageAsync($"/enquiries/{id}/measures/{measureId}");
        Assert.DoesNotContain("Supply teacher on Tuesday", governorPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(governorPage.QuerySelector("form[action*='handler=add']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PostJsonAsync(values, new { on = Day(monday), value = 50 })).StatusCode);

        // The chart and the export serve the same figures.
        var csv = await (await teacher.GetAsync($"/enquiries/{id}/measures/{measureId}/chart.csv")).Content.ReadAsStringAsync();
        Assert.Contains("72", csv, StringComparison.Ordinal);
        var export = await (await teacher.GetAsync($"/enquiries/{id}/export.csv")).Content.ReadAsStringAsync();
        Assert.Contains("% of pupils reading aloud daily", export, StringComparison.Ordinal);
        Assert.Contains("Echo reading", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paste_with_a_wrong_line_on_the_measure_page_is_refused_with_its_line_number_and_saves_nothing()
    {
        app.EnsureAvailable();
        var teamId = await EnquirySeed.TeamAsync(app, "primary-year6", $"Year 6 paste {app.ProviderName}", World.PrimaryTeacher);
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        var id = (int)(await (await teacher.PostJsonAsync($"/api/teams/{teamId}/enquiries", new
        {
            title = "Paste", schoolUrn = World.NorthPrimaryUrn, problemOfPractice = "p", aim = "a",
        })).ReadJsonAsync(HttpStatusCode.Created))["id"]!;

        var newMeasure = $"/enquiries/{id}/measures/new";
        var form = (await teacher.GetPageAsync(newMeasure)).Form();
        var measureUrl = await (await teacher.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Kind"] = "process", ["Input.Name"] = "Minutes of reading", ["Input.OperationalDefinition"] = "Timed by the teacher",
            ["Input.Unit"] = "%", ["Input.Polarity"] = "up", ["Input.Frequency"] = "lesson",
        }, newMeasure)).AssertRedirectAsync();

        var monday = TeamMeasures.MondayOf(app.Today);
        var page = await teacher.GetPageAsync(measureUrl);
        var refused = await (await teacher.SubmitAsync(page.Form("form[action*='handler=paste']"), new Dictionary<string, string>
        {
            ["Paste"] = $"{Day(monday.AddDays(-7))},40,P1\n{Day(monday.AddDays(-7))},41,P1\n{Day(monday.AddDays(-6))},sixty",
        }, measureUrl)).ReadPageAsync();
        var errors = refused.Errors().ToList();
        Assert.Contains(errors, e => e.StartsWith("Line 2: There is already a figure for", StringComparison.Ordinal));
        Assert.Contains("Line 3: \"sixty\" is not a number (write it with a full stop for decimals: 62.5).", errors);
        Assert.Contains("Nothing was saved: correct these lines and paste them all again.", errors);
        Assert.Equal(0, await app.Stored.CountAsync<TeamMeasureValue>(v => v.Value == 40 || v.Value == 41));
    }
}

public sealed class MeasuresThroughTheApiOnSqlite(SqliteApp app) : MeasuresThroughTheApi(app), IClassFixture<SqliteApp>;

public sealed class MeasuresThroughTheApiOnPostgres(PostgresApp app) : MeasuresThroughTheApi(app), IClassFixture<PostgresApp>;
