using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Setup;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Setup;

/// <summary>
/// Issue 18, must show: on a fresh database, the first-run page (behind the setup code the server prints) makes a trust
/// and its administrator; the administrator adds two real schools by URN from the register and invites a school leader,
/// who sets a password through the link and sees only their school. Through the pages, following links and submitting forms.
/// </summary>
public abstract class StartingATrustForReal(StepwiseApp app)
{
    private const int Alton = 115850;   // Alton Infant School, Hampshire (the 2022 register)
    private const int Portway = 115853; // Portway Junior School, Hampshire
    private const string Password = "lanterns over the solent";

    [Fact]
    public async Task A_fresh_stepwise_is_set_up_on_the_first_run_page_and_an_invited_school_leader_sees_only_their_school()
    {
        app.EnsureAvailable();
        await app.ImportRegisterAsync(SharedData.Path("dfe-hampshire-surrey", "register", "gias_850_936_20220420.csv"));
        var admin = app.Anonymous();

        // Nobody can sign in yet: the sign-in page says how to begin, and links to the first-run page.
        var signIn = await admin.GetPageAsync("/sign-in");
        var setupUrl = signIn.QuerySelector("[data-testid=no-trust-yet] a")!.GetAttribute("href")!;
        Assert.Equal("/setup", setupUrl);

        // A code that has expired, or a wrong one, is refused; the one printed at the latest start works.
        var stale = await IssueSetupCodeAsync();
        app.Clock.Advance(TimeSpan.FromHours(25));
        var refused = await SubmitSetupAsync(admin, setupUrl, stale, Password);
        Assert.Contains(refused.Errors(), e => e.Contains("expired", StringComparison.Ordinal));
        var code = await IssueSetupCodeAsync();
        Assert.Contains((await SubmitSetupAsync(admin, setupUrl, "abcd-efgh-jkmn-pqrs", Password)).Errors(), e => e.Contains("not the setup code", StringComparison.Ordinal));
        // The password policy applies: a common password is refused and nothing is made.
        Assert.Contains((await SubmitSetupAsync(admin, setupUrl, code, "password1234")).Errors(), e => e.Contains("common password", StringComparison.Ordinal));
        Assert.Equal(0, await app.QueryAsync(db => db.Trusts.CountAsync()));

        var setUp = await admin.SubmitAsync((await admin.GetPageAsync(setupUrl)).Form(), SetupFields(code, Password), setupUrl);
        Assert.Equal("/schools/new", await setUp.AssertRedirectAsync());
        var trust = await app.QueryAsync(db => db.Trusts.SingleAsync());
        Assert.Equal(("Solent Learning Trust", (int?)4321), (trust.Name, trust.GiasGroupUid));
        // The code is used up, and the page now only says Stepwise is set up.
        Assert.Contains("Stepwise is set up", (await app.Anonymous().GetPageAsync(setupUrl)).Text("h1"), StringComparison.Ordinal);

        // Signed in as the administrator: two real schools by URN, each filled in from the register.
        foreach (var urn in new[] { Alton, Portway })
        {
            var addPage = await admin.GetPageAsync("/schools/new");
            var lookUp = (IHtmlFormElement)addPage.QuerySelector("form[data-testid=look-up]")!;
            var filled = await admin.GetPageAsync($"{lookUp.GetAttribute("action")}?Urn={urn}");
            Assert.NotNull(filled.QuerySelector("[data-testid=from-register]"));
            var added = await admin.SubmitAsync(filled.Form(), baseUrl: "/schools/new");
            Assert.Equal($"/schools/{urn}", await added.AssertRedirectAsync());
        }
        var alton = await app.QueryAsync(db => db.Schools.IgnoreQueryFilters().SingleAsync(s => s.Urn == Alton));
        Assert.Equal(("Alton Infant School", Stepwise.Features.Schools.Phase.Primary, "Hampshire", (int?)138, trust.Id),
            (alton.Name, alton.Phase, alton.LocalAuthority, alton.Pupils, alton.TrustId));

        // The People page invites a school leader: the one-time link is shown to pass on.
        var people = await admin.GetPageAsync("/people");
        var inviteUrl = people.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Single(h => h!.Contains("invite=true", StringComparison.Ordinal))!;
        var inviteForm = (await admin.GetPageAsync(inviteUrl)).Form();
        Assert.DoesNotContain("service-admin", inviteForm.QuerySelectorAll("select[name='Input.Role'] option").Select(o => o.GetAttribute("value")));
        var invited = await (await admin.SubmitAsync(inviteForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "Hannah Head",
            ["Input.Email"] = "head@alton.example",
            ["Input.Role"] = "school-leader",
            ["Input.School"] = $"{Alton}",
        }, "/people/new")).ReadPageAsync();
        Assert.Empty(invited.Errors());
        var link = new Uri(invited.Text("[data-testid=invitation-link]"));
        Assert.StartsWith("/invitations/", link.AbsolutePath, StringComparison.Ordinal);
        var token = link.AbsolutePath["/invitations/".Length..];
        Assert.False(await app.QueryAsync(db => db.Set<Stepwise.Features.People.Invitation>().IgnoreQueryFilters().AnyAsync(i => i.TokenHash == token)),
            "The token itself must never be stored, only its hash.");

        // The school leader opens the link, chooses a password (the policy applies) and is signed in.
        var head = app.Anonymous();
        var welcome = await head.GetPageAsync(link.AbsolutePath);
        Assert.Contains("Hannah Head", welcome.Text("h1"), StringComparison.Ordinal);
        var weak = await (await head.SubmitAsync(welcome.Form(), new Dictionary<string, string> { ["Input.Password"] = "aaaaaaaaaaaaaaaa", ["Input.Confirm"] = "aaaaaaaaaaaaaaaa" }, link.AbsolutePath)).ReadPageAsync();
        Assert.Contains(weak.Errors(), e => e.Contains("repeats", StringComparison.Ordinal));
        var accepted = await head.SubmitAsync(weak.Form(), new Dictionary<string, string> { ["Input.Password"] = "kettle harbour violet moss", ["Input.Confirm"] = "kettle harbour violet moss" }, link.AbsolutePath);
        Assert.Equal("/", await accepted.AssertRedirectAsync());

        // They see their school and only theirs.
        var schools = await head.GetPageAsync("/schools");
        Assert.Contains("Alton Infant School", schools.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Portway Junior School", schools.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/schools/{Portway}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/schools/{Alton}")).StatusCode);

        // The link works once; then and when it has expired it is refused, saying why.
        var again = await app.Anonymous().GetPageAsync(link.AbsolutePath, HttpStatusCode.Gone);
        Assert.Contains("already been used", again.Text("[data-testid=refusal]"), StringComparison.Ordinal);
        var teacher = await (await admin.PostJsonAsync("/api/people", new { email = "teacher@alton.example", name = "Tariq Teacher", role = "teacher", school = $"{Alton}", invite = true }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var teacherLink = new Uri(teacher["invitationLink"]!.GetValue<string>()).AbsolutePath;
        app.Clock.Advance(Stepwise.Features.People.Invitations.Lifetime + TimeSpan.FromMinutes(1));
        var expired = await app.Anonymous().GetPageAsync(teacherLink, HttpStatusCode.Gone);
        Assert.Contains("expired on", expired.Text("[data-testid=refusal]"), StringComparison.Ordinal);
        // The school leader's own password still signs them in.
        await app.SignInAsync("head@alton.example", "kettle harbour violet moss");
    }

    private async Task<string> IssueSetupCodeAsync()
    {
        // What `serve` does when it starts on a database with no trust (and prints the code).
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<FirstRun>().IssueCodeAsync(CancellationToken.None))!;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> SubmitSetupAsync(HttpClient client, string url, string code, string password) =>
        await (await client.SubmitAsync((await client.GetPageAsync(url)).Form(), SetupFields(code, password), url)).ReadPageAsync();

    private static Dictionary<string, string> SetupFields(string code, string password) => new()
    {
        ["Input.SetupCode"] = code,
        ["Input.Name"] = "Solent Learning Trust",
        ["Input.GiasGroupUid"] = "4321",
        ["Input.AdminName"] = "Ada Admin",
        ["Input.AdminEmail"] = "ada@solent.example",
        ["Input.AdminPassword"] = password,
        ["Input.Confirm"] = password,
    };
}

public sealed class StartingATrustForRealOnSqlite(FreshSqliteApp app) : StartingATrustForReal(app), IClassFixture<FreshSqliteApp>;

public sealed class StartingATrustForRealOnPostgres(FreshPostgresApp app) : StartingATrustForReal(app), IClassFixture<FreshPostgresApp>;
