using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Accounts;

public sealed class SigningInAndOut(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_page_sends_a_visitor_who_is_not_signed_in_to_the_sign_in_page()
    {
        var response = await app.Anonymous().GetAsync("/schools");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/sign-in?ReturnUrl=%2Fschools", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trust_director_signs_in_and_sees_the_trusts_schools_and_opens_one()
    {
        var client = await app.SignInAsync(World.NorthLeader);
        var overview = await client.GetPageAsync("/");
        Assert.Equal("North Star Learning Trust", overview.Text("h1"));
        var links = overview.QuerySelectorAll(".card h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Northgate Academy", "Northgate Primary School"], links);

        var href = overview.QuerySelector($".card h2 a[href='/schools/{World.NorthPrimaryUrn}']")!.GetAttribute("href")!;
        var school = await client.GetPageAsync(href);
        Assert.Equal("Northgate Primary School", school.Text("h1"));
        var units = school.QuerySelectorAll("table[aria-labelledby=units] tbody td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Year 6", units);
        var staff = school.QuerySelectorAll("table[aria-labelledby=staff] tbody td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Priya Head", staff);
    }

    [Fact]
    public async Task A_headteacher_sees_only_their_school()
    {
        var client = await app.SignInAsync(World.SecondaryHead);
        var overview = await client.GetPageAsync("/");
        Assert.Equal("Northgate Academy", Assert.Single(overview.QuerySelectorAll(".card h2 a")).TextContent);
        var other = await client.GetAsync($"/schools/{World.NorthPrimaryUrn}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var page = await other.ReadPageAsync(HttpStatusCode.NotFound);
        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task A_governor_sees_the_school_but_no_pupil_records()
    {
        var client = await app.SignInAsync(World.PrimaryGovernor);
        var school = await client.GetPageAsync($"/schools/{World.NorthPrimaryUrn}");
        Assert.Null(school.QuerySelector($"a[href='/schools/{World.NorthPrimaryUrn}/pupils']"));
        var pupils = await client.GetAsync($"/schools/{World.NorthPrimaryUrn}/pupils");
        Assert.Equal(HttpStatusCode.Redirect, pupils.StatusCode);
        Assert.Contains("/access-denied", pupils.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_clear_message()
    {
        var response = await app.Anonymous().SubmitSignInAsync(World.PrimaryTeacher, "not the password at all");
        var page = await response.ReadPageAsync();
        Assert.Contains("The email address or password is not right.", page.Errors());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitSignInAsync(World.NorthDataManager, "wrong password " + i);
        }
        var page = await (await client.SubmitSignInAsync(World.NorthDataManager, World.Password)).ReadPageAsync();
        Assert.Contains(page.Errors(), e => e.Contains("locked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        var client = await app.SignInAsync(World.PrimaryReviewer);
        var cookie = string.Join("; ", (await client.GetAsync("/")).RequestMessage!.Headers.GetValues("Cookie"));
        var copy = app.Anonymous();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        var home = await client.GetPageAsync("/");
        var signOut = await client.SubmitAsync(home.Form("form[action='/sign-out']"));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var afterwards = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/sign-in", afterwards.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_pbkdf2_iterations()
    {
        var hash = await app.QueryAsync(db => db.Users.Where(p => p.Email == World.PrimaryTeacher).Select(p => p.PasswordHash).SingleAsync());
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]); // Identity V3 format
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_that_allows_no_third_party_origin()
    {
        var response = await app.Anonymous().GetAsync("/sign-in");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }
}
