using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Accounts;
using Stepwise.Features.People;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Trusts;

/// <summary>
/// A local authority or hosted service creates trusts through a service administrator, who creates trusts and nothing
/// else: they read no trust's schools, pupils or people, and only the server's command line makes one.
/// </summary>
public sealed class CreatingTrustsAsAServiceAdministrator(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_service_administrator_creates_a_trust_on_the_page_and_the_api_and_sees_nothing_inside_any_trust()
    {
        var serviceAdmin = await ServiceAdministratorAsync("la-services@northstar.example");

        // The page: a trust and its first administrator, who is given a one-time link.
        var form = (await serviceAdmin.GetPageAsync("/trusts/new")).Form();
        var created = await (await serviceAdmin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Meon Valley Federation",
            ["Input.GiasGroupUid"] = "17654",
            ["Input.AdminName"] = "Mo Meon",
            ["Input.AdminEmail"] = "mo@meon.example",
        }, "/trusts/new")).ReadPageAsync();
        Assert.Empty(created.Errors());
        var link = new Uri(created.Text("[data-testid=invitation-link]")).AbsolutePath;
        var trust = await app.QueryAsync(db => db.Trusts.SingleAsync(t => t.Name == "Meon Valley Federation"));
        Assert.Equal(17654, trust.GiasGroupUid);

        // The same GIAS group twice is refused, naming the field; the API creates another trust.
        var duplicate = await (await serviceAdmin.PostJsonAsync("/api/trusts", new { name = "Meon Again", giasGroupUid = "17654", adminName = "X", adminEmail = "x@meon.example" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("17654", duplicate["errors"]!["giasGroupUid"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var viaApi = await (await serviceAdmin.PostJsonAsync("/api/trusts", new { name = "Test Valley Schools", adminName = "Val Valley", adminEmail = "val@testvalley.example" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("http://localhost/invitations/", viaApi["invitationLink"]!.GetValue<string>(), StringComparison.Ordinal);

        // Nothing inside any trust, their own included.
        Assert.Empty((await (await serviceAdmin.GetAsync("/api/schools")).ReadJsonAsync()).AsArray());
        Assert.Empty((await (await serviceAdmin.GetAsync("/api/people")).ReadJsonAsync()).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await serviceAdmin.GetAsync($"/schools/{World.NorthPrimaryUrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await serviceAdmin.GetAsync($"/api/schools/{World.NorthPrimaryUrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await serviceAdmin.GetAsync($"/api/schools/{World.NorthPrimaryUrn}/pupils")).StatusCode);

        // The new trust's administrator takes the link and runs their own trust, which starts empty.
        var mo = app.Anonymous();
        var welcome = await mo.GetPageAsync(link);
        await (await mo.SubmitAsync(welcome.Form(), new Dictionary<string, string> { ["Input.Password"] = "river meon chalk downs", ["Input.Confirm"] = "river meon chalk downs" }, link)).AssertRedirectAsync();
        var summary = await (await mo.GetAsync("/api/trust")).ReadJsonAsync();
        Assert.Equal(("Meon Valley Federation", 0), (summary["name"]!.GetValue<string>(), summary["schools"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_trust_administrator_can_neither_create_a_trust_nor_make_anyone_a_service_administrator()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/trusts/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostJsonAsync("/api/trusts", new { name = "Sneaky Trust", adminName = "S", adminEmail = "s@sneaky.example" })).StatusCode);
        Assert.False(await app.QueryAsync(db => db.Trusts.AnyAsync(t => t.Name == "Sneaky Trust")));

        var teacher = app.World.Person(World.PrimaryTeacher);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostJsonAsync($"/api/people/{teacher.Id}/memberships", new { role = "service-admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostJsonAsync("/api/people", new { email = "svc@northstar.example", name = "Svc", role = "service-admin" })).StatusCode);
    }

    /// <summary>A service administrator in North Star, made as `stepwise users add --role service-admin` makes one (as the system).</summary>
    [Fact]
    public async Task A_service_administrators_menu_offers_a_new_trust_and_nothing_inside_a_trust()
    {
        await ServiceAdministratorAsync("county-desk@northstar.example");
        var signedIn = await app.SignInAsync("county-desk@northstar.example", "county hall service desk");
        var menu = (await signedIn.GetPageAsync("/trusts/new")).QuerySelectorAll("nav.mainnav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/trusts/new"], menu);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/trusts/new")).StatusCode);
    }

    private async Task<HttpClient> ServiceAdministratorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var north = app.World.North.Id;
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(north, "command line");
        var made = await scope.ServiceProvider.GetRequiredService<CreatePerson>().HandleAsync(
            new PersonInput { Email = email, Name = "Lee Authority", Role = "service-admin", Password = "county hall service desk" }, north, CancellationToken.None);
        Assert.True(made.Kind == Stepwise.Common.OutcomeKind.Ok, string.Join("; ", made.Errors.SelectMany(e => e.Value)));
        var token = await scope.ServiceProvider.GetRequiredService<IssueApiToken>().HandleAsync(north, made.Value!.Person.Id, "tests", 30, CancellationToken.None);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }
}
