using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Accounts;

/// <summary>Personal access tokens read and write data; only someone signed in with the form manages credentials.</summary>
public sealed class TokensCannotManageCredentials(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>
    /// Issue 17 defect 11: a 1-day token created a 365-day token. With a token, neither the old account-page form nor
    /// the tokens page makes one, and the tokens page itself is forbidden.
    /// </summary>
    [Fact]
    public async Task A_token_cannot_make_another_token()
    {
        var client = await app.ClientForAsync(World.PrimaryTeacher);
        var person = app.World.Person(World.PrimaryTeacher).Id;
        var before = await app.QueryAsync(db => db.ApiTokens.CountAsync(t => t.PersonId == person));
        var antiforgery = await AntiforgeryAsync(client);

        foreach (var url in new[] { "/account?handler=token", "/account/tokens?handler=token" })
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgery,
                ["Input.Name"] = "a longer-lived twin",
                ["Input.Days"] = "365",
            }));
            Assert.DoesNotContain("new-token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/account/tokens")).StatusCode);
        Assert.Equal(before, await app.QueryAsync(db => db.ApiTokens.CountAsync(t => t.PersonId == person)));
    }

    /// <summary>
    /// Issue 17 defect 11: a token switched on two-factor with the attacker's key (and could read the key). With a token
    /// the two-factor and password pages are forbidden, to read and to post.
    /// </summary>
    [Fact]
    public async Task A_token_cannot_open_or_post_the_two_factor_or_password_pages()
    {
        var client = await app.ClientForAsync(World.PrimaryGovernor);
        var antiforgery = await AntiforgeryAsync(client);
        foreach (var url in new[] { "/account/two-factor", "/account/password" })
        {
            var page = await client.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden, $"GET {url} with a token answered {(int)page.StatusCode}");
        }
        foreach (var url in new[] { "/account/two-factor?handler=enable", "/account/two-factor?handler=disable", "/account/password" })
        {
            var post = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgery,
                ["Input.Code"] = "123456",
                ["Input.Current"] = World.Password,
                ["Input.New"] = "an attacker's own long password",
                ["Input.Confirm"] = "an attacker's own long password",
            }));
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"POST {url} with a token answered {(int)post.StatusCode}");
        }
        var governor = app.World.Person(World.PrimaryGovernor).Id;
        Assert.False(await app.QueryAsync(db => db.UserTokens.AnyAsync(t => t.UserId == governor && t.Name == "AuthenticatorKey")), "The token's holder could read an authenticator key");
        var signIn = await app.Anonymous().SubmitSignInAsync(World.PrimaryGovernor, World.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    /// <summary>Issue 17 defect 11: signed in with the form, a person still makes a token, and the token works on the API.</summary>
    [Fact]
    public async Task Signed_in_with_the_form_a_person_makes_a_token_that_works_on_the_api()
    {
        var client = await app.SignInAsync(World.PrimaryHead);
        var page = await client.GetPageAsync("/account/tokens");
        var made = await (await client.SubmitAsync(page.Form("form[action*='handler=token']"), new Dictionary<string, string>
        {
            ["Input.Name"] = "Power BI",
            ["Input.Days"] = "30",
        }, "/account/tokens?handler=token")).ReadPageAsync();
        var token = made.Text("[data-testid=new-token]");

        var program = app.Anonymous();
        program.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var account = await (await program.GetAsync("/api/account")).ReadJsonAsync();
        Assert.Equal(World.PrimaryHead, account["person"]!["email"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await program.GetAsync("/account/tokens")).StatusCode);
    }

    /// <summary>
    /// Issue 17 defect 11: turning two-factor off needed neither a code nor the password. Now an empty or wrong answer
    /// leaves it on; the password turns it off.
    /// </summary>
    [Fact]
    public async Task Turning_two_factor_off_needs_a_current_code_or_the_password()
    {
        var client = await app.SignInAsync(World.NorthLeader);
        var setup = await client.GetPageAsync("/account/two-factor");
        var key = setup.Text("[data-testid=shared-key]").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var enabled = await (await client.SubmitAsync(setup.Form(), new Dictionary<string, string> { ["Input.Code"] = TwoFactorSignIn.Totp(key) }, "/account/two-factor?handler=enable")).ReadPageAsync();
        Assert.Equal(8, enabled.QuerySelectorAll(".warning li code").Length);

        var leader = app.World.Person(World.NorthLeader).Id;
        foreach (var answer in new[] { "", "not my password at all" })
        {
            var page = await client.GetPageAsync("/account/two-factor");
            var refused = await (await client.SubmitAsync(page.Form("form[action*='handler=disable']"), new Dictionary<string, string> { ["Proof"] = answer }, "/account/two-factor?handler=disable")).ReadPageAsync();
            Assert.NotEmpty(refused.Errors());
            Assert.True(await app.QueryAsync(db => db.Users.Where(p => p.Id == leader).Select(p => p.TwoFactorEnabled).SingleAsync()), $"Two-factor went off with \"{answer}\"");
        }

        var last = await client.GetPageAsync("/account/two-factor");
        var off = await client.SubmitAsync(last.Form("form[action*='handler=disable']"), new Dictionary<string, string> { ["Proof"] = World.Password }, "/account/two-factor?handler=disable");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Users.Where(p => p.Id == leader).Select(p => p.TwoFactorEnabled).SingleAsync()));
    }

    private static async Task<string> AntiforgeryAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/account");
        return ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
    }
}
