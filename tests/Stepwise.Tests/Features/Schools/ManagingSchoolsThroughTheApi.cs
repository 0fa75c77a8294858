using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Schools;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Schools;

/// <summary>The schools API, on SQLite and (when configured) on PostgreSQL.</summary>
public abstract class ManagingSchoolsThroughTheApi(StepwiseApp app)
{
    [Fact]
    public async Task Health_is_reported_without_signing_in()
    {
        app.EnsureAvailable();
        var response = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_a_caller_without_credentials()
    {
        app.EnsureAvailable();
        var response = await app.Anonymous().GetAsync("/api/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_a_made_up_token()
    {
        app.EnsureAvailable();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "sw_not-a-real-token");
        var response = await client.GetAsync("/api/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_school_leader_sees_only_their_own_school()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.PrimaryHead);
        var schools = (await (await client.GetAsync("/api/schools")).ReadJsonAsync()).AsArray();
        var urn = Assert.Single(schools)!["urn"]!.GetValue<int>();
        Assert.Equal(World.NorthPrimaryUrn, urn);
    }

    [Fact]
    public async Task A_school_leader_gets_not_found_for_another_school_of_the_trust_and_of_another_trust()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.PrimaryHead);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/schools/{World.NorthSecondaryUrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/schools/{World.HarbourUrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/schools/{World.NorthPrimaryUrn}")).StatusCode);
    }

    [Fact]
    public async Task A_trust_leader_sees_every_school_of_their_trust_and_none_of_another()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.NorthLeader);
        var urns = (await (await client.GetAsync("/api/schools")).ReadJsonAsync()).AsArray().Select(s => s!["urn"]!.GetValue<int>()).ToList();
        Assert.Contains(World.NorthPrimaryUrn, urns);
        Assert.Contains(World.NorthSecondaryUrn, urns);
        Assert.DoesNotContain(World.HarbourUrn, urns);
    }

    [Fact]
    public async Task A_school_profile_lists_its_units_and_staff()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.PrimaryGovernor);
        var profile = await (await client.GetAsync($"/api/schools/{World.NorthPrimaryUrn}")).ReadJsonAsync();
        Assert.Equal("Northgate Primary School", profile["school"]!["name"]!.GetValue<string>());
        var units = profile["units"]!.AsArray().Select(u => u!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Whole school", units);
        Assert.Contains("Year 6", units);
        var staff = profile["staff"]!.AsArray().Select(s => s!["role"]!.GetValue<string>()).ToList();
        Assert.Contains("school-leader", staff);
        Assert.Contains("governor", staff);
        Assert.False(profile["canViewPupils"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_trust_admin_adds_a_school_and_the_change_is_audited()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.NorthAdmin);
        var response = await client.PostJsonAsync("/api/schools", new
        {
            urn = "990150", name = "Fenwick Infant School", phase = "primary", localAuthority = "Hampshire",
            postcode = "so23 9aa", pupils = 180, percentFreeSchoolMeals = 14.5,
        });
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("SO23 9AA", created["postcode"]!.GetValue<string>());
        Assert.Equal("/api/schools/990150", response.Headers.Location!.ToString());

        var units = (await (await client.GetAsync("/api/schools/990150/units")).ReadJsonAsync()).AsArray();
        Assert.Equal("whole-school", Assert.Single(units)!["kind"]!.GetValue<string>());

        var audit = (await (await client.GetAsync("/api/audit?entity=School")).ReadJsonAsync())["entries"]!.AsArray();
        var entry = audit.First(e => e!["entityKey"]!.GetValue<string>() == "990150")!;
        Assert.Equal("Created", entry["action"]!.GetValue<string>());
        Assert.Equal(World.NorthAdmin, entry["actor"]!.GetValue<string>());
        Assert.Contains("Fenwick Infant School", entry["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("990101", "urn", "already in use")]
    [InlineData("12345", "urn", "must be 6 digits")]
    [InlineData("99O101", "urn", "must be 6 digits")]
    [InlineData("", "urn", "Enter the school's URN")]
    public async Task A_duplicate_or_malformed_urn_is_refused_with_the_field_named_and_nothing_stored(string urn, string field, string message)
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.NorthAdmin);
        var before = await app.Stored.CountAsync<School>();
        var problem = await (await client.PostJsonAsync("/api/schools", new { urn, name = "Copy School", phase = "primary" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Stored.CountAsync<School>());
    }

    [Fact]
    public async Task An_empty_name_and_an_unknown_phase_are_each_named_and_nothing_is_stored()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.NorthAdmin);
        var problem = await (await client.PostJsonAsync("/api/schools", new { urn = "990151", name = "  ", phase = "college", percentSen = 140 })).ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal("Enter the school's name.", errors["name"]![0]!.GetValue<string>());
        Assert.StartsWith("Choose the phase", errors["phase"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("between 0 and 100", errors["percentSen"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Stored.CountAsync<School>(s => s.Urn == 990151));
    }

    [Theory]
    [InlineData("{\"urn\": \"990153\", \"name\": \"X\", \"phase\": \"primary\", \"pupils\": \"lots\"}", "pupils", "pupils must be a number.")]
    [InlineData("{\"urn\": \"990153\", \"name\": ", "", "The request body is not valid JSON (line 1, position 27).")]
    public async Task A_body_that_cannot_be_read_gets_a_problem_naming_the_field_and_nothing_is_stored(string body, string field, string message)
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.NorthAdmin);
        var response = await client.PostAsync("/api/schools", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(message, problem["errors"]![field]![0]!.GetValue<string>());
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Stored.CountAsync<School>(s => s.Urn == 990153));
    }

    [Fact]
    public async Task An_archived_school_leaves_the_list_keeps_its_history_and_can_be_brought_back()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync(World.NorthAdmin);
        await (await admin.PostJsonAsync("/api/schools", new { urn = "990155", name = "Closing Primary", phase = "primary" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.True((await (await admin.PostAsync("/api/schools/990155/archive", null)).ReadJsonAsync())["archived"]!.GetValue<bool>());

        var listed = (await (await admin.GetAsync("/api/schools")).ReadJsonAsync()).AsArray().Select(s => s!["urn"]!.GetValue<int>()).ToList();
        Assert.DoesNotContain(990155, listed);
        var all = (await (await admin.GetAsync("/api/schools?includeArchived=true")).ReadJsonAsync()).AsArray().Select(s => s!["urn"]!.GetValue<int>()).ToList();
        Assert.Contains(990155, all);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/schools/990155")).StatusCode);

        var head = await app.ClientForAsync(World.PrimaryHead);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostAsync("/api/schools/990155/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/api/schools/{World.NorthPrimaryUrn}/archive", null)).StatusCode);

        Assert.False((await (await admin.PostAsync("/api/schools/990155/restore", null)).ReadJsonAsync())["archived"]!.GetValue<bool>());
        Assert.True(await app.Stored.AuditedAsync(key: "990155", action: "Archived"));
    }

    [Fact]
    public async Task A_urn_may_be_sent_as_a_number()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.NorthAdmin);
        var created = await (await client.PostJsonAsync("/api/schools", new { urn = 990154, name = "Numeric URN School", phase = "primary" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(990154, created["urn"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_school_leader_edits_their_school_but_cannot_add_one()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.SecondaryHead);
        var profile = await (await client.GetAsync($"/api/schools/{World.NorthSecondaryUrn}")).ReadJsonAsync();
        var school = profile["school"]!.AsObject();
        school["pupils"] = 1200;
        school["urn"] = World.NorthSecondaryUrn.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var updated = await (await client.PutJsonAsync($"/api/schools/{World.NorthSecondaryUrn}", school)).ReadJsonAsync();
        Assert.Equal(1200, updated["pupils"]!.GetValue<int>());

        var refused = await client.PostJsonAsync("/api/schools", new { urn = "990152", name = "New School", phase = "primary" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_governor_can_read_but_not_change_the_school()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.PrimaryGovernor);
        var response = await client.PutJsonAsync($"/api/schools/{World.NorthPrimaryUrn}", new { urn = "990101", name = "Renamed", phase = "primary" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Northgate Primary School", await app.Stored.SchoolNameAsync(World.NorthPrimaryUrn));
    }

    [Fact]
    public async Task Governors_and_reviewers_never_receive_pupil_level_records_but_teachers_do()
    {
        app.EnsureAvailable();
        var url = $"/api/schools/{World.NorthPrimaryUrn}/pupils";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryGovernor)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryReviewer)).GetAsync(url)).StatusCode);
        var pupils = await (await (await app.ClientForAsync(World.PrimaryTeacher)).GetAsync(url)).ReadJsonAsync();
        Assert.Equal(12, pupils["total"]!.GetValue<int>());
        var key = pupils["pupils"]![0]!["key"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{20}$", key);
    }

    [Fact]
    public async Task Reading_pupil_records_is_written_to_the_audit_log()
    {
        app.EnsureAvailable();
        await (await app.ClientForAsync(World.PrimaryTeacher)).GetAsync($"/api/schools/{World.NorthPrimaryUrn}/pupils?yearGroup=3");
        var entries = await app.Stored.AuditEntriesAsync(action: "Viewed", actor: World.PrimaryTeacher);
        Assert.Contains(entries, e => e.Summary.Contains("year 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_openapi_description_lists_the_schools_endpoints()
    {
        app.EnsureAvailable();
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/schools", paths);
        Assert.Contains("/api/schools/{urn}", paths);
    }
}

public sealed class ManagingSchoolsThroughTheApiOnSqlite(SqliteApp app) : ManagingSchoolsThroughTheApi(app), IClassFixture<SqliteApp>;

public sealed class ManagingSchoolsThroughTheApiOnPostgres(PostgresApp app) : ManagingSchoolsThroughTheApi(app), IClassFixture<PostgresApp>;
