using System.Net;
using Stepwise.Features.People;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.People;

/// <summary>Adding people to a trust with a role, on the page and through the API, and the rules on who may give which role.</summary>
public sealed class AddingPeople(SqliteApp app) : IClassFixture<SqliteApp>
{
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
        Assert.False(await app.Stored.ExistsAsync<Person>(p => p.Email == "olly@northstar.example"));
    }

    [Fact]
    public async Task A_school_leader_cannot_give_a_trust_wide_role()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var response = await head.PostJsonAsync("/api/people", new { email = "sneaky@northstar.example", name = "Sneaky", role = "trust-admin" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.Stored.ExistsAsync<Person>(p => p.Email == "sneaky@northstar.example"));
    }

    [Fact]
    public async Task An_external_reviewer_must_have_an_end_date()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var problem = await (await admin.PostJsonAsync("/api/people", new { email = "rev@example.org", name = "Rev", role = "reviewer", school = "990101" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("An external reviewer's access must end on a date.", problem["errors"]!["endsOn"]![0]!.GetValue<string>());
    }
}
