using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Schools;

/// <summary>Pages followed and forms submitted as a person would, through the real pipeline.</summary>
public sealed class ManagingSchoolsOnTheWeb(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_trust_admin_adds_a_school_from_the_schools_page()
    {
        var client = await app.ClientForAsync(World.NorthAdmin);
        var list = await client.GetPageAsync("/schools");
        var add = list.QuerySelector("a[href='/schools/new']")!.GetAttribute("href")!;
        var form = (await client.GetPageAsync(add)).Form();
        var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Urn"] = "990160",
            ["Input.Name"] = "Westbrook Junior School",
            ["Input.Phase"] = "primary",
            ["Input.Pupils"] = "240",
            ["Input.PercentFreeSchoolMeals"] = "18.2",
        }, add);
        Assert.Equal("/schools/990160", await response.AssertRedirectAsync());
        var school = await client.GetPageAsync("/schools/990160");
        Assert.Equal("Westbrook Junior School has been added.", school.Text(".notice"));
        Assert.Equal("18.2%", school.Text(".fact:nth-child(2) dd"));
    }

    [Fact]
    public async Task A_duplicate_urn_on_the_form_is_named_in_the_error_summary_and_nothing_is_stored()
    {
        var client = await app.ClientForAsync(World.NorthAdmin);
        var before = await app.QueryAsync(db => db.Schools.IgnoreQueryFilters().CountAsync());
        var form = (await client.GetPageAsync("/schools/new")).Form();
        var page = await (await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Urn"] = $"{World.HarbourUrn}",
            ["Input.Name"] = "",
            ["Input.Phase"] = "primary",
        }, "/schools/new")).ReadPageAsync();
        var errors = page.Errors().ToList();
        Assert.Contains($"URN {World.HarbourUrn} is already in use by another school.", errors);
        Assert.Contains("Enter the school's name.", errors);
        Assert.Equal("#Input_Urn", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("true", page.QuerySelector("#Input_Urn")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await app.QueryAsync(db => db.Schools.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task A_school_leader_adds_and_renames_a_unit()
    {
        var client = await app.ClientForAsync(World.PrimaryHead);
        var school = await client.GetPageAsync($"/schools/{World.NorthPrimaryUrn}");
        var add = school.QuerySelector("a[href$='/units/new']")!.GetAttribute("href")!;
        var created = await client.SubmitAsync((await client.GetPageAsync(add)).Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = "Reading",
            ["Input.Kind"] = "subject",
        }, add);
        await created.AssertRedirectAsync();

        var unitId = await app.QueryAsync(db => db.Units.Where(u => u.Name == "Reading").Select(u => u.Id).SingleAsync());
        var edit = $"/units/{unitId}/edit";
        var renamed = await client.SubmitAsync((await client.GetPageAsync(edit)).Form(), new Dictionary<string, string> { ["Input.Name"] = "Reading and phonics" }, edit);
        await renamed.AssertRedirectAsync();
        Assert.Equal("Reading and phonics", await app.QueryAsync(db => db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_second_unit_with_the_same_name_is_refused()
    {
        var client = await app.ClientForAsync(World.PrimaryHead);
        var add = $"/schools/{World.NorthPrimaryUrn}/units/new";
        var page = await (await client.SubmitAsync((await client.GetPageAsync(add)).Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = "Year 6",
            ["Input.Kind"] = "year-group",
        }, add)).ReadPageAsync();
        Assert.Contains("This school already has a unit called \"Year 6\".", page.Errors());
    }

    [Fact]
    public async Task A_trust_admin_adds_a_person_who_must_then_choose_their_own_password()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var form = (await admin.GetPageAsync($"/people/new?school={World.NorthPrimaryUrn}")).Form();
        var done = await (await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Nadia New",
            ["Input.Email"] = "nadia@primary.northstar.example",
            ["Input.Role"] = "teacher",
        }, "/people/new")).ReadPageAsync();
        Assert.Empty(done.Errors());
        var temporary = done.Text("[data-testid=temporary-password]");
        Assert.Matches("^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$", temporary);

        var nadia = await app.SignInAsync("nadia@primary.northstar.example", temporary);
        var home = await nadia.GetAsync("/");
        Assert.Equal("/account/password", home.Headers.Location!.ToString());
        var change = (await nadia.GetPageAsync("/account/password")).Form();
        var changed = await nadia.SubmitAsync(change, new Dictionary<string, string>
        {
            ["Input.Current"] = temporary,
            ["Input.New"] = "a long sentence of my own",
            ["Input.Confirm"] = "a long sentence of my own",
        }, "/account/password");
        await changed.AssertRedirectAsync();
        var after = await nadia.GetAsync("/");
        Assert.True(after.StatusCode == HttpStatusCode.OK, $"{(int)after.StatusCode} {after.Headers.Location}");
    }

    [Fact]
    public async Task An_unknown_role_on_the_api_is_named_and_no_account_is_made()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var problem = await (await admin.PostJsonAsync("/api/people", new { email = "olly@northstar.example", name = "Olly", role = "headmaster", school = "990101" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("\"headmaster\" is not a role", problem["errors"]!["role"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(p => p.Email == "olly@northstar.example")));
    }

    [Fact]
    public async Task A_school_leader_cannot_give_a_trust_wide_role()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var response = await head.PostJsonAsync("/api/people", new { email = "sneaky@northstar.example", name = "Sneaky", role = "trust-admin" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(p => p.Email == "sneaky@northstar.example")));
    }

    [Fact]
    public async Task An_external_reviewer_must_have_an_end_date()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var problem = await (await admin.PostJsonAsync("/api/people", new { email = "rev@example.org", name = "Rev", role = "reviewer", school = "990101" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("An external reviewer's access must end on a date.", problem["errors"]!["endsOn"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_audit_log_page_shows_trust_admins_who_changed_what()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        await admin.PostJsonAsync("/api/schools", new { urn = "990170", name = "Audited School", phase = "primary" });
        var page = await admin.GetPageAsync("/audit?entity=School");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Audited School", StringComparison.Ordinal) && r.Contains(World.NorthAdmin, StringComparison.Ordinal));
        var head = await app.ClientForAsync(World.PrimaryHead);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/audit")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_shows_the_friendly_not_found_page()
    {
        var client = await app.ClientForAsync(World.PrimaryHead);
        var page = await client.GetPageAsync("/no/such/page", HttpStatusCode.NotFound);
        Assert.Equal("Page not found", page.Text("h1"));
    }
}
