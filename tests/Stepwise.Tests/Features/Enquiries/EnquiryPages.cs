using System.Net;
using Stepwise.Features.Enquiries;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>
/// A teacher in a learning team opens an enquiry, builds its driver diagram and takes a box off it, all through the
/// pages (following links, submitting forms); the box stays in the diagram's history.
/// </summary>
public abstract class EnquiryPages(StepwiseApp app)
{
    [Fact]
    public async Task A_teacher_opens_an_enquiry_builds_its_driver_diagram_and_a_box_taken_off_stays_in_its_history()
    {
        app.EnsureAvailable();
        var teamId = await EnquirySeed.TeamAsync(app, "primary-year6", $"Year 6 readers {app.ProviderName}", World.PrimaryTeacher);
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);

        var newUrl = $"/enquiries/new?team={teamId}";
        var form = await teacher.GetPageAsync(newUrl);
        var refused = await (await teacher.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Title"] = "Fluency", ["Input.TheoryWhen"] = "we model" }, newUrl))
            .ReadPageAsync();
        Assert.Contains("Enter the problem of practice.", refused.Errors());
        Assert.Contains(refused.Errors(), e => e.StartsWith("Write the theory of action in both parts", StringComparison.Ordinal));

        var location = await (await teacher.SubmitAsync(refused.Form(), new Dictionary<string, string>
        {
            ["Input.Title"] = "Reading fluency in Year 6",
            ["Input.ProblemOfPractice"] = "Pupils read haltingly aloud.",
            ["Input.Aim"] = "Fluency from 62% to 75% at the expected standard by July",
            ["Input.AimBaseline"] = "62",
            ["Input.AimTarget"] = "75",
            ["Input.TheoryWhen"] = "teachers model fluent reading daily",
            ["Input.TheoryThen"] = "pupils' fluency rises",
        }, newUrl)).AssertRedirectAsync();
        var page = await teacher.GetPageAsync(location);
        Assert.Equal("Reading fluency in Year 6", page.Text("h1"));
        Assert.Contains("When teachers model fluent reading daily, then pupils' fluency rises.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/teams/{teamId}']"));
        Assert.NotNull(page.QuerySelector(".progress-score__number"));

        // The diagram, through its page's forms.
        var driverUrl = page.QuerySelector("a[href$='/driver']")!.GetAttribute("href")!;
        async Task<AngleSharp.Html.Dom.IHtmlDocument> AddAsync(string kind, string text, string? parent, string? impact = null)
        {
            var driver = await teacher.GetPageAsync(driverUrl);
            var values = new Dictionary<string, string> { ["New.Kind"] = kind, ["New.Text"] = text, ["New.ParentId"] = parent ?? "" };
            if (impact is not null)
            {
                values["New.Impact"] = impact;
                values["New.Ease"] = "2";
            }
            var response = await teacher.SubmitAsync(driver.Form("form[action*='handler=add']"), values, driverUrl);
            return await teacher.GetPageAsync(await response.AssertRedirectAsync());
        }
        await AddAsync("primary", "Teachers model fluent reading", null);
        var nodes = await app.QueryAsync(db => Task.FromResult(db.DriverNodes.Where(n => n.Text == "Teachers model fluent reading").Select(n => n.Id).ToList()));
        var primary = nodes.Single();

        var wrong = await teacher.SubmitAsync((await teacher.GetPageAsync(driverUrl)).Form("form[action*='handler=add']"),
            new Dictionary<string, string> { ["New.Kind"] = "secondary", ["New.Text"] = "Orphan", ["New.ParentId"] = "" }, driverUrl);
        Assert.Contains("A secondary driver hangs off a primary driver: choose one.", (await wrong.ReadPageAsync()).Errors());

        await AddAsync("secondary", "Daily echo reading", $"{primary}");
        var secondary = await app.QueryAsync(db => Task.FromResult(db.DriverNodes.Single(n => n.Text == "Daily echo reading").Id));
        var withIdea = await AddAsync("change-idea", "Echo reading for 10 minutes after lunch", $"{secondary}", impact: "3");
        var idea = await app.QueryAsync(db => Task.FromResult(db.DriverNodes.Single(n => n.Text == "Echo reading for 10 minutes after lunch").Id));

        // Rename the idea through its own form.
        var save = withIdea.QuerySelectorAll("form[action*='handler=save']").Cast<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.QuerySelector($"input[name=nodeId][value='{idea}']") is not null);
        await (await teacher.SubmitAsync(save, new Dictionary<string, string> { ["Node.Text"] = "Echo reading after lunch" }, driverUrl)).AssertRedirectAsync();

        var enquiryPage = await teacher.GetPageAsync(location);
        var list = enquiryPage.QuerySelector(".diagram-text")!.TextContent;
        Assert.Contains("Teachers model fluent reading", list, StringComparison.Ordinal);
        Assert.Contains("Echo reading after lunch", list, StringComparison.Ordinal);
        Assert.Contains("impact 3 × ease 2", list, StringComparison.Ordinal);
        Assert.NotNull(enquiryPage.QuerySelector($"a[href$='/cycles/new?idea={idea}']"));

        // Taking off a box with boxes under it needs saying so; then it and its boxes leave the diagram but stay in its history.
        var remove = (await teacher.GetPageAsync(driverUrl)).QuerySelectorAll("form[action*='handler=remove']").Cast<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.QuerySelector($"input[name=nodeId][value='{secondary}']") is not null);
        var unconfirmed = await (await teacher.SubmitAsync(remove, new Dictionary<string, string>(), driverUrl)).ReadPageAsync();
        Assert.Contains(unconfirmed.Errors(), e => e.Contains("\"Daily echo reading\" has 1 box under it", StringComparison.Ordinal) && e.Contains("Confirm", StringComparison.Ordinal));
        Assert.False(await app.Stored.ExistsAsync<DriverNode>(n => n.Id == secondary && n.RemovedAt != null));
        await (await teacher.SubmitAsync(remove, new Dictionary<string, string> { ["confirm"] = "true" }, driverUrl)).AssertRedirectAsync();

        var after = (await teacher.GetPageAsync(location)).QuerySelector(".diagram-text")!.TextContent;
        Assert.DoesNotContain("Daily echo reading", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Echo reading after lunch", after, StringComparison.Ordinal);
        Assert.Equal(2, await app.Stored.CountAsync<DriverNode>(n => (n.Id == secondary || n.Id == idea) && n.RemovedAt != null));

        var history = await teacher.GetPageAsync((await teacher.GetPageAsync(location)).QuerySelector("a[href$='/history']")!.GetAttribute("href")!);
        var removed = history.QuerySelector(".removed-boxes")!.TextContent;
        Assert.Contains("Daily echo reading", removed, StringComparison.Ordinal);
        Assert.Contains("Echo reading after lunch", removed, StringComparison.Ordinal);
        var rows = history.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(rows, r => r[1] == "Tom Teacher" && r[2] == "Daily echo reading" && r[3] == "Taken off the diagram");
        Assert.True(rows.Any(r => r[2] == "Echo reading after lunch" && r[3] == "Changed" && r[4].Contains("\"Echo reading for 10 minutes after lunch\" → \"Echo reading after lunch\"", StringComparison.Ordinal)),
            string.Join("\n", rows.Select(r => string.Join(" | ", r))));
        Assert.Contains(rows, r => r[2] == "Teachers model fluent reading" && r[3] == "Added");

        // The API reads the same tree; a governor of the school reads it and changes nothing.
        var tree = await (await teacher.GetAsync($"/api/enquiries/{location.Split('/').Last()}/driver")).ReadJsonAsync();
        Assert.Equal("Teachers model fluent reading", (string)tree["nodes"]![0]!["text"]!);
        Assert.Empty(tree["nodes"]![0]!["children"]!.AsArray());
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        Assert.Equal(HttpStatusCode.OK, (await governor.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.GetAsync(driverUrl)).StatusCode);
    }
}

public sealed class EnquiryPagesOnSqlite(SqliteApp app) : EnquiryPages(app), IClassFixture<SqliteApp>;

public sealed class EnquiryPagesOnPostgres(PostgresApp app) : EnquiryPages(app), IClassFixture<PostgresApp>;
