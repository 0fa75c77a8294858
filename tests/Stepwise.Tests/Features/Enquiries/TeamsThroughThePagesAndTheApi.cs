using System.Net;
using System.Text.Json.Nodes;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>
/// Issue 19, learning teams: a team is formed, changed and archived through the pages (following links, submitting
/// forms) and through the API; bad input is answered with the field and the reason; a team of one school stays out of
/// sight of another school's staff, and governors read its summary without its members' names.
/// </summary>
public abstract class TeamsThroughThePagesAndTheApi(StepwiseApp app)
{
    private int UnitId(string key) => app.World.Units[key].Id;

    [Fact]
    public async Task A_head_forms_a_team_on_the_page_then_adds_and_takes_off_members_and_units_edits_it_and_archives_it()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var list = await head.GetPageAsync("/teams");
        var formLink = list.QuerySelector("a[href='/teams/new']");
        Assert.NotNull(formLink);

        var form = await head.GetPageAsync("/teams/new");
        var refused = await (await head.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Name"] = "" }, "/teams/new")).ReadPageAsync();
        Assert.Contains("Enter the team's name.", refused.Errors());
        Assert.Contains("Choose at least one unit the team works on.", refused.Errors());

        var formed = await head.SubmitAsync(refused.Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = "Year 6 reading (pages)",
            ["Input.Purpose"] = "Year 6 teachers improving reading fluency",
            ["Input.UnitIds"] = $"{UnitId("primary-year6")}",
            ["Input.Members"] = World.PrimaryTeacher,
        }, "/teams/new");
        var teamUrl = await formed.AssertRedirectAsync();
        var page = await head.GetPageAsync(teamUrl);
        Assert.Equal("Year 6 reading (pages)", page.QuerySelector("h1")!.ChildNodes[0].TextContent.Trim());
        Assert.Contains("Priya Head", page.Text(".team-members"), StringComparison.Ordinal);
        Assert.Contains("Tom Teacher", page.Text(".team-members"), StringComparison.Ordinal);
        Assert.Contains("Lead", page.QuerySelector($".team-members li[data-person='{app.World.Person(World.PrimaryHead).Id}']")!.TextContent, StringComparison.Ordinal);
        var teamId = int.Parse(teamUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotNull(page.QuerySelector($"a[href='/enquiries/new?team={teamId}']"));

        // The list shows it among the head's own (before any team they are not in), with its school and counts.
        var rows = (await head.GetPageAsync("/teams")).QuerySelectorAll("tbody tr").ToList();
        var row = rows.Single(r => r.GetAttribute("data-team") == $"{teamId}");
        Assert.All(rows.Take(rows.IndexOf(row)), r => Assert.Contains("Your team", r.TextContent, StringComparison.Ordinal));
        Assert.Contains("Your team", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Northgate Primary School", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(["2", "0"], row.QuerySelectorAll("td.num").Select(c => c.TextContent.Trim()));

        // Add a member and a unit, then take them off again, on the team's page.
        var added = await head.SubmitAsync(page.Form("form[action*='handler=AddMember']"), new Dictionary<string, string> { ["Member.Email"] = World.PrimaryGovernor }, teamUrl);
        page = await head.GetPageAsync(await added.AssertRedirectAsync());
        Assert.Contains("Grace Governor", page.Text(".team-members"), StringComparison.Ordinal);
        var doubled = await (await head.SubmitAsync(page.Form("form[action*='handler=AddMember']"), new Dictionary<string, string> { ["Member.Email"] = World.PrimaryGovernor }, teamUrl)).ReadPageAsync();
        Assert.Contains($"{World.PrimaryGovernor} is already in the team.", doubled.Errors());
        var governorId = app.World.Person(World.PrimaryGovernor).Id;
        await (await head.SubmitAsync(page.Form($".team-members li[data-person='{governorId}'] form"))).AssertRedirectAsync();
        page = await head.GetPageAsync(teamUrl);
        Assert.DoesNotContain("Grace Governor", page.Text(".team-members"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($".team-members li[data-person='{app.World.Person(World.PrimaryHead).Id}'] form"));

        await (await head.SubmitAsync(page.Form("form[action*='handler=AddUnit']"), new Dictionary<string, string> { ["Unit.UnitId"] = $"{UnitId("primary-whole")}" }, teamUrl)).AssertRedirectAsync();
        page = await head.GetPageAsync(teamUrl);
        Assert.Equal(2, page.QuerySelectorAll(".team-units li").Length);
        await (await head.SubmitAsync(page.Form($".team-units li[data-unit='{UnitId("primary-whole")}'] form"))).AssertRedirectAsync();
        page = await head.GetPageAsync(teamUrl);
        Assert.Single(page.QuerySelectorAll(".team-units li"));
        Assert.Null(page.QuerySelector(".team-units li form")); // the last unit cannot be taken off

        // Edit it (following the link) and name it the school's improvement team; then archive it.
        var edit = await head.GetPageAsync(page.QuerySelector("a[href$='/edit']")!.GetAttribute("href")!);
        var clash = await (await head.SubmitAsync(edit.Form("main form:not([action*='handler'])"), new Dictionary<string, string> { ["Input.Name"] = new string('x', 121) }, $"/teams/{teamId}/edit")).ReadPageAsync();
        Assert.Contains("The team's name must be 120 characters or fewer.", clash.Errors());
        await (await head.SubmitAsync(edit.Form("main form:not([action*='handler'])"), new Dictionary<string, string>
        {
            ["Input.Name"] = "Year 6 reading", ["Input.IsImprovementTeam"] = "true",
        }, $"/teams/{teamId}/edit")).AssertRedirectAsync();
        page = await head.GetPageAsync(teamUrl);
        Assert.Contains("Improvement team", page.Text("h1"), StringComparison.Ordinal);
        Assert.True(await app.Stored.AuditedAsync(entity: "LearningTeam", key: $"{teamId}"));

        await (await head.SubmitAsync(edit.Form("form[action*='handler=Archive']"))).AssertRedirectAsync();
        var archived = await head.GetPageAsync("/teams");
        Assert.Null(archived.QuerySelector($"tbody tr[data-team='{teamId}']"));
        Assert.NotNull(archived.QuerySelector($"a[href='/teams/{teamId}']"));
        Assert.Null((await head.GetPageAsync(teamUrl)).QuerySelector("a[href$='/edit']"));
    }

    [Fact]
    public async Task Through_the_api_a_teacher_forms_a_network_team_changes_it_and_is_told_what_is_wrong_with_bad_input()
    {
        app.EnsureAvailable();
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        var bad = await (await teacher.PostJsonAsync("/api/teams", new
        {
            name = "", unitIds = new[] { UnitId("secondary-maths") }, members = new[] { "nobody@nowhere.example" }, isImprovementTeam = false,
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter the team's name.", (string)bad["errors"]!["name"]![0]!);
        Assert.Equal($"There is no unit {UnitId("secondary-maths")} at a school you may see.", (string)bad["errors"]!["unitIds"]![0]!);
        Assert.Equal("No one of the trust at the schools you may see has the email address nobody@nowhere.example.", (string)bad["errors"]!["members"]![0]!);

        var improvement = await (await teacher.PostJsonAsync("/api/teams", new { name = "Teachers' improvement team", unitIds = new[] { UnitId("primary-whole") }, isImprovementTeam = true }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Only a leader of Northgate Primary School (who may change its plans) can name its improvement team.", (string)improvement["errors"]!["isImprovementTeam"]![0]!);

        var created = await (await teacher.PostJsonAsync("/api/teams", new
        {
            name = "Early reading (API)", purpose = "Phonics across the trust", unitIds = new[] { UnitId("primary-whole") },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;
        Assert.Equal("Tom Teacher", (string)created["lead"]!);
        Assert.False((bool)created["network"]!);
        Assert.True((bool)created["canEdit"]!);

        var again = await (await teacher.PostJsonAsync("/api/teams", new { name = "early reading (api)", unitIds = new[] { UnitId("primary-whole") } })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The trust already has a learning team called \"early reading (api)\": choose another name.", (string)again["errors"]!["name"]![0]!);

        // The teacher may neither add a unit nor a person of a school they cannot see; the trust's director adds the secondary's head, who adds
        // a unit of theirs: a network.
        var other = await (await teacher.PostJsonAsync($"/api/teams/{id}/units", new { unitId = UnitId("secondary-maths") })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("unitId", other["errors"]!.AsObject().Select(e => e.Key));
        var stranger = await (await teacher.PostJsonAsync($"/api/teams/{id}/members", new { email = World.SecondaryHead })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"No one of the trust at the schools you may see has the email address {World.SecondaryHead}.", (string)stranger["errors"]!["email"]![0]!);
        await (await (await app.ClientForAsync(World.NorthLeader)).PostJsonAsync($"/api/teams/{id}/members", new { email = World.SecondaryHead })).ReadJsonAsync();
        var secondaryHead = await app.ClientForAsync(World.SecondaryHead);
        var network = await (await secondaryHead.PostJsonAsync($"/api/teams/{id}/units", new { unitId = UnitId("secondary-maths") })).ReadJsonAsync();
        Assert.True((bool)network["network"]!);
        Assert.Equal(["Northgate Academy", "Northgate Primary School"], network["schools"]!.AsArray().Select(s => (string)s!["name"]!).Order());

        var teams = (await (await teacher.GetAsync("/api/teams")).ReadJsonAsync()).AsArray();
        var row = teams.Single(t => (int)t!["id"]! == id)!;
        Assert.True((bool)row["mine"]! && (bool)row["network"]!);
        Assert.Equal(2, (int)row["members"]!);

        var renamed = await (await teacher.PutJsonAsync($"/api/teams/{id}", new { name = "Early reading network", purpose = "Phonics in two schools" })).ReadJsonAsync();
        Assert.Equal("Early reading network", (string)renamed["name"]!);

        var member = await (await teacher.PostJsonAsync($"/api/teams/{id}/members", new { email = World.PrimaryHead })).ReadJsonAsync();
        Assert.Contains(World.PrimaryHead, member["members"]!.AsArray().Select(m => (string)m!["email"]!));
        var lead = await (await teacher.DeleteAsync($"/api/teams/{id}/members/{app.World.Person(World.PrimaryTeacher).Id}")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The team's lead cannot be taken off the team: the lead convenes it.", (string)lead["errors"]!["personId"]![0]!);
        var removed = await (await teacher.DeleteAsync($"/api/teams/{id}/members/{app.World.Person(World.PrimaryHead).Id}")).ReadJsonAsync();
        Assert.Equal(2, (int)removed["memberCount"]!);
        var unit = await (await teacher.DeleteAsync($"/api/teams/{id}/units/{UnitId("secondary-maths")}")).ReadJsonAsync();
        Assert.False((bool)unit["network"]!);
        var last = await (await teacher.DeleteAsync($"/api/teams/{id}/units/{UnitId("primary-whole")}")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("A team works on at least one unit: add another before taking this one off.", (string)last["errors"]!["unitId"]![0]!);

        // A governor may read the team but forms and changes none.
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PostJsonAsync("/api/teams", new { name = "Governors", unitIds = new[] { UnitId("primary-whole") } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PutJsonAsync($"/api/teams/{id}", new { name = "Governors" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.GetAsync("/teams/new")).StatusCode);

        var archived = await (await teacher.PostJsonAsync($"/api/teams/{id}/archive", new { })).ReadJsonAsync();
        Assert.True((bool)archived["archived"]!);
        Assert.False((bool)archived["canEdit"]!);
    }

    [Fact]
    public async Task A_teacher_of_another_school_cannot_see_a_team_of_one_school()
    {
        app.EnsureAvailable();
        var secondaryHead = await app.ClientForAsync(World.SecondaryHead);
        var created = await (await secondaryHead.PostJsonAsync("/api/teams", new { name = "Maths department (private)", unitIds = new[] { UnitId("secondary-maths") } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;

        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/teams/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/teams/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/teams/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PostJsonAsync($"/api/teams/{id}/members", new { email = World.PrimaryTeacher })).StatusCode);
        Assert.DoesNotContain((await (await teacher.GetAsync("/api/teams")).ReadJsonAsync()).AsArray(), t => (int)t!["id"]! == id);
        Assert.DoesNotContain("Maths department (private)", (await teacher.GetPageAsync("/teams")).Body!.TextContent, StringComparison.Ordinal);

        // The trust's leaders see it.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(World.NorthLeader)).GetAsync($"/api/teams/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_governor_reads_a_teams_summary_without_its_members_names()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var created = await (await head.PostJsonAsync("/api/teams", new
        {
            name = "Attendance team (summary)", purpose = "Persistent absence in Year 4", unitIds = new[] { UnitId("primary-whole") }, members = new[] { World.PrimaryTeacher },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;

        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var json = await (await governor.GetAsync($"/api/teams/{id}")).ReadJsonAsync();
        Assert.Equal("Persistent absence in Year 4", (string)json["purpose"]!);
        Assert.Equal(2, (int)json["memberCount"]!);
        Assert.Null(json["members"]);
        Assert.False((bool)json["detail"]!);
        var page = await governor.GetPageAsync($"/teams/{id}");
        Assert.Contains("Persistent absence in Year 4", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Tom Teacher", page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya Head", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href$='/edit']"));
        Assert.Null(page.QuerySelector("form[action*='handler']"));

        var teacher = await (await (await app.ClientForAsync(World.PrimaryTeacher)).GetAsync($"/api/teams/{id}")).ReadJsonAsync();
        Assert.Equal(["Priya Head", "Tom Teacher"], teacher["members"]!.AsArray().Select(m => (string)m!["name"]!));
    }
}

public sealed class TeamsThroughThePagesAndTheApiOnSqlite(SqliteApp app) : TeamsThroughThePagesAndTheApi(app), IClassFixture<SqliteApp>;

public sealed class TeamsThroughThePagesAndTheApiOnPostgres(PostgresApp app) : TeamsThroughThePagesAndTheApi(app), IClassFixture<PostgresApp>;
