using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Visits;

/// <summary>
/// A governor reads their own visit reports only while they are a governor of the school; the reports stay for the
/// school's leaders after the governor has gone.
/// </summary>
public sealed class FormerGovernors(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static async Task<string> WriteVisitAsync(HttpClient governor, string focus)
    {
        var form = (await governor.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/visits/new")).Form();
        var response = await governor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.VisitedOn"] = "2026-10-14",
            ["Input.Focus"] = focus,
            ["Input.Seen"] = "A Year 4 maths lesson on fractions.",
            ["Input.Findings"] = "Pupils explained their reasoning well.",
        }, $"/schools/{World.NorthPrimaryUrn}/visits/new");
        return await response.AssertRedirectAsync();
    }

    [Fact]
    public async Task A_governor_whose_role_is_taken_away_can_no_longer_read_their_own_visit_reports()
    {
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var url = await WriteVisitAsync(governor, "Maths: fractions");
        Assert.Equal(HttpStatusCode.OK, (await governor.GetAsync(url)).StatusCode);

        var head = await app.ClientForAsync(World.PrimaryHead);
        var person = app.World.Person(World.PrimaryGovernor);
        var membership = await app.QueryAsync(db => db.Memberships.Where(m => m.PersonId == person.Id).Select(m => m.Id).SingleAsync());
        Assert.True((await head.DeleteAsync($"/api/people/{person.Id}/memberships/{membership}")).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await governor.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await governor.GetAsync(url + "/edit")).StatusCode);
        Assert.True((await governor.GetAsync($"/schools/{World.NorthPrimaryUrn}/visits")).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        var stillThere = await head.GetPageAsync(url);
        Assert.Equal("Maths: fractions", stillThere.Text("h1"));
    }

    [Fact]
    public async Task A_governor_whose_governorship_has_ended_can_no_longer_read_their_own_visit_reports()
    {
        const string email = "gwen.former@primary.northstar.example";
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var created = await (await admin.PostJsonAsync("/api/people", new
        {
            email, name = "Gwen Former", role = "governor", school = $"{World.NorthPrimaryUrn}", password = World.Password,
        })).ReadJsonAsync(HttpStatusCode.Created);
        var personId = created["person"]!["id"]!.GetValue<int>();
        var governor = await app.SignInAsync(email);
        var url = await WriteVisitAsync(governor, "Attendance: first day back");
        Assert.Equal(HttpStatusCode.OK, (await governor.GetAsync(url)).StatusCode);

        // Time passes: the governorship ended yesterday (the app refuses an end date in the past, so it is set here).
        await app.QueryAsync(db => db.Memberships.Where(m => m.PersonId == personId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.EndsOn, app.Today.AddDays(-1))));

        // Every role of theirs has ended, so their session has ended too (issue 17 defect 13): the report is not shown.
        var after = await governor.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/sign-in", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        var head = await app.ClientForAsync(World.PrimaryHead);
        Assert.Equal("Attendance: first day back", (await head.GetPageAsync(url)).Text("h1"));
        Assert.Contains("Gwen Former", (await head.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/visits")).Text("main"));
    }
}
