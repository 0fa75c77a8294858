using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Cli;

/// <summary>
/// Issue 18, must show, by the command line: on a fresh database `stepwise setup` makes a trust and its administrator,
/// `stepwise schools add --urn` adds two real schools from the register, `stepwise users invite` prints a one-time link,
/// and the invited school leader sets a password through it on the running server and sees only their school.
/// </summary>
public abstract partial class StartingATrustFromTheCommandLine(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    [GeneratedRegex(@"(http://\S+/invitations/\S+)")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"open (http://\S+/setup) and enter the setup code (\S+)")]
    private static partial Regex SetupCodeLine();

    [Fact]
    public async Task Setup_schools_add_and_users_invite_start_a_trust_whose_invited_school_leader_sees_only_their_school()
    {
        SkipUnlessAvailable();
        var register = SharedData.Path("dfe-hampshire-surrey", "register", "gias_850_936_20220420.csv");
        var port = StepwiseProcess.FreePort();
        var (environment, data) = Where();
        if (Database.Provider == "Postgres")
        {
            Assert.Equal(0, (await StepwiseProcess.RunWithAsync(environment, ["migrate", .. data])).ExitCode);
        }

        var weak = await StepwiseProcess.RunWithAsync(With(environment, "password1234"), ["setup", "--trust", "Solent Learning Trust", "--admin-name", "Ada Admin", "--admin-email", "ada@solent.example", .. data]);
        Assert.True(weak.ExitCode == 2 && weak.Error.Contains("--admin-password", StringComparison.Ordinal), weak.ToString());

        var setup = await StepwiseProcess.RunWithAsync(With(environment, "lanterns over the solent"),
            ["setup", "--trust", "Solent Learning Trust", "--gias-group", "4321", "--admin-name", "Ada Admin", "--admin-email", "ada@solent.example", .. data]);
        Assert.True(setup.ExitCode == 0, setup.ToString());
        Assert.Contains("Created the trust \"Solent Learning Trust\" with ada@solent.example", setup.Out, StringComparison.Ordinal);

        Assert.Equal(0, (await StepwiseProcess.RunWithAsync(environment, ["import", "register", register, .. data])).ExitCode);
        foreach (var (urn, name) in new[] { ("115850", "Alton Infant School"), ("115853", "Portway Junior School") })
        {
            var added = await StepwiseProcess.RunWithAsync(environment, ["schools", "add", "--urn", urn, "--trust", "Solent Learning Trust", .. data]);
            Assert.True(added.ExitCode == 0, added.ToString());
            Assert.Contains($"Added {name} (URN {urn}, primary)", added.Out, StringComparison.Ordinal);
        }
        var unknown = await StepwiseProcess.RunWithAsync(environment, ["schools", "add", "--urn", "999999", "--trust", "Solent Learning Trust", .. data]);
        Assert.True(unknown.ExitCode == 2 && unknown.Error.Contains("give --name and --phase", StringComparison.Ordinal), unknown.ToString());

        var invite = await StepwiseProcess.RunWithAsync(environment,
            ["users", "invite", "--email", "head@alton.example", "--name", "Hannah Head", "--role", "school-leader", "--scope", "115850", "--url", $"http://127.0.0.1:{port}", .. data]);
        Assert.True(invite.ExitCode == 0, invite.ToString());
        var link = new Uri(InvitationLink().Match(invite.Out).Groups[1].Value);

        using var server = StepwiseProcess.Start(environment, ["serve", "--urls", $"http://127.0.0.1:{port}", .. data]);
        try
        {
            var printed = await UntilRunningAsync(server);
            Assert.DoesNotContain(printed, l => l.Contains("setup code", StringComparison.Ordinal));
            using var head = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var welcome = await head.GetPageAsync(link.AbsolutePath);
            var accepted = await head.SubmitAsync(welcome.Form(), new Dictionary<string, string> { ["Input.Password"] = "kettle harbour violet moss", ["Input.Confirm"] = "kettle harbour violet moss" }, link.AbsolutePath);
            Assert.Equal("/", await accepted.AssertRedirectAsync());
            var schools = (await head.GetPageAsync("/schools")).Body!.TextContent;
            Assert.Contains("Alton Infant School", schools, StringComparison.Ordinal);
            Assert.DoesNotContain("Portway Junior School", schools, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/schools/115853")).StatusCode);
            Assert.Equal(HttpStatusCode.Gone, (await new HttpClient().GetAsync(link)).StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_fresh_serve_without_the_demo_prints_a_setup_code_that_the_first_run_page_takes()
    {
        SkipUnlessAvailable();
        var port = StepwiseProcess.FreePort();
        var (environment, data) = Where();
        if (Database.Provider == "Postgres")
        {
            Assert.Equal(0, (await StepwiseProcess.RunWithAsync(environment, ["migrate", .. data])).ExitCode);
        }
        using var server = StepwiseProcess.Start(environment, ["serve", "--urls", $"http://127.0.0.1:{port}", .. data]);
        try
        {
            var printed = await UntilRunningAsync(server);
            var lines = new List<string>();
            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                while (await server.StandardOutput.ReadLineAsync(wait.Token) is { } line && !line.Contains("serve --demo", StringComparison.Ordinal))
                {
                    lines.Add(line);
                }
            }
            var match = lines.Select(l => SetupCodeLine().Match(l)).FirstOrDefault(m => m.Success);
            Assert.True(match is not null, "No setup code printed:\n" + string.Join("\n", printed.Concat(lines)));
            Assert.Contains(lines, l => l.Contains("stepwise setup", StringComparison.Ordinal));

            using var admin = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var setupUrl = new Uri(match.Groups[1].Value).AbsolutePath;
            var done = await admin.SubmitAsync((await admin.GetPageAsync(setupUrl)).Form(), new Dictionary<string, string>
            {
                ["Input.SetupCode"] = match.Groups[2].Value,
                ["Input.Name"] = "Test Valley Schools",
                ["Input.AdminName"] = "Val Valley",
                ["Input.AdminEmail"] = "val@testvalley.example",
                ["Input.AdminPassword"] = "chalk stream water meadow",
                ["Input.Confirm"] = "chalk stream water meadow",
            }, setupUrl);
            Assert.Equal("/schools/new", await done.AssertRedirectAsync());
            Assert.Equal("Test Valley Schools", (await (await admin.GetAsync("/api/trust")).ReadJsonAsync())["name"]!.GetValue<string>());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    private (Dictionary<string, string> Environment, string[] Data) Where() => Database.Provider == "Postgres"
        ? (new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Stepwise"] = Database.ConnectionString }, [])
        : ([], ["--data", ((SqliteTestDatabase)Database).Folder]);

    private static Dictionary<string, string> With(Dictionary<string, string> environment, string password) =>
        new(environment) { ["STEPWISE_ADMIN_PASSWORD"] = password };

    private static async Task<List<string>> UntilRunningAsync(Process server)
    {
        var printed = new List<string>();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            while (await server.StandardOutput.ReadLineAsync(wait.Token) is { } line)
            {
                printed.Add(line);
                if (line.Contains("Press Ctrl+C", StringComparison.Ordinal))
                {
                    return printed;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        throw new Xunit.Sdk.XunitException("The server did not start within 120 s:\n" + string.Join("\n", printed) + "\n" + await server.StandardError.ReadToEndAsync());
    }
}

public sealed class StartingATrustFromTheCommandLineOnSqlite()
    : StartingATrustFromTheCommandLine(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class StartingATrustFromTheCommandLineOnPostgres()
    : StartingATrustFromTheCommandLine(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
