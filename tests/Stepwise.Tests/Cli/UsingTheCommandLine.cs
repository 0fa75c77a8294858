using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Cli;

/// <summary>A data folder with the demo trust loaded by `stepwise demo`, shared by the command-line tests.</summary>
public sealed class DemoDataFolder : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("stepwise-cli-").FullName;
    public StepwiseProcess.Run FirstLoad { get; private set; } = null!;

    public async ValueTask InitializeAsync() => FirstLoad = await StepwiseProcess.RunAsync("demo", "--data", Folder);

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}

public sealed class UsingTheCommandLine(DemoDataFolder data) : IClassFixture<DemoDataFolder>
{
    private async Task<List<(string Email, string Role, string Scope)>> AccountsAsync()
    {
        var run = await StepwiseProcess.RunAsync("users", "list", "--json", "--data", data.Folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Out)!.AsArray()
            .Select(a => (a!["email"]!.GetValue<string>(), a["role"]!.GetValue<string>(), a["scope"]!.GetValue<string>()))
            .ToList();
    }

    [Fact]
    public async Task Help_lists_every_verb_and_exits_zero()
    {
        var run = await StepwiseProcess.RunAsync("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "serve", "migrate", "demo", "users", "backup", "restore" })
        {
            Assert.Contains(verb, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_verb_or_option_is_bad_usage_with_exit_code_two()
    {
        var run = await StepwiseProcess.RunAsync("users", "frobnicate", "--data", data.Folder);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("stepwise:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_the_demo_prints_its_accounts_and_loading_it_again_changes_nothing()
    {
        Assert.True(data.FirstLoad.ExitCode == 0, data.FirstLoad.ToString());
        Assert.Contains("Loaded the demo trust", data.FirstLoad.Out, StringComparison.Ordinal);
        var before = await AccountsAsync();

        var again = await StepwiseProcess.RunAsync("demo", "--data", data.Folder);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("already loaded; nothing changed", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, await AccountsAsync());
    }

    [Fact]
    public async Task Users_list_json_shows_every_role_with_a_trust_or_a_urn_as_its_scope()
    {
        var accounts = await AccountsAsync();
        var roles = accounts.Select(a => a.Role).ToHashSet();
        foreach (var role in new[] { "trust-admin", "trust-leader", "school-leader", "teacher", "governor", "reviewer", "data-manager" })
        {
            Assert.Contains(role, roles);
        }
        Assert.All(accounts.Where(a => a.Role == "school-leader"), a => Assert.Matches("^[0-9]{6}$", a.Scope));
        Assert.All(accounts.Where(a => a.Role == "trust-admin"), a => Assert.DoesNotMatch("^[0-9]+$", a.Scope));
    }

    [Fact]
    public async Task Adding_a_user_with_an_unknown_role_is_refused_in_one_line_with_exit_code_two()
    {
        var school = (await AccountsAsync()).First(a => a.Role == "school-leader").Scope;
        var run = await StepwiseProcess.RunAsync("users", "add", "--email", "new.person@example.org", "--role", "headmaster", "--scope", school, "--data", data.Folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("\"headmaster\" is not a role", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("new.person@example.org", (await AccountsAsync()).Select(a => a.Email));
    }

    [Fact]
    public async Task Adding_a_user_prints_a_temporary_password_and_the_user_is_listed()
    {
        var school = (await AccountsAsync()).First(a => a.Role == "school-leader").Scope;
        var run = await StepwiseProcess.RunAsync("users", "add", "--email", "jo.bloggs@example.org", "--role", "teacher", "--scope", school, "--data", data.Folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Temporary password", run.Out, StringComparison.Ordinal);
        Assert.Contains(("jo.bloggs@example.org", "teacher", school), await AccountsAsync());
    }

    [Fact]
    public async Task A_token_is_the_only_thing_printed()
    {
        var head = (await AccountsAsync()).First(a => a.Role == "school-leader").Email;
        var run = await StepwiseProcess.RunAsync("users", "token", "--email", head, "--data", data.Folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("^sw_[A-Za-z0-9_-]{43}\n$", run.Out);
    }

    [Fact]
    public async Task A_token_for_an_unknown_email_fails_with_a_clear_message()
    {
        var run = await StepwiseProcess.RunAsync("users", "token", "--email", "nobody@nowhere.example", "--data", data.Folder);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("stepwise: No account with the email address nobody@nowhere.example.", run.Error.Trim());
    }

    [Fact]
    public async Task Backup_and_restore_bring_the_database_back_to_how_it_was()
    {
        var backup = Path.Combine(data.Folder, "backup.db");
        var saved = await StepwiseProcess.RunAsync("backup", backup, "--data", data.Folder);
        Assert.True(saved.ExitCode == 0, saved.ToString());
        var before = await AccountsAsync();
        var school = before.First(a => a.Role == "school-leader").Scope;
        await StepwiseProcess.RunAsync("users", "add", "--email", "after.backup@example.org", "--role", "governor", "--scope", school, "--data", data.Folder);
        Assert.Contains("after.backup@example.org", (await AccountsAsync()).Select(a => a.Email));

        var restored = await StepwiseProcess.RunAsync("restore", backup, "--data", data.Folder);
        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.DoesNotContain("after.backup@example.org", (await AccountsAsync()).Select(a => a.Email));

        var notABackup = Path.Combine(data.Folder, "notes.txt");
        await File.WriteAllTextAsync(notABackup, "hello");
        var refused = await StepwiseProcess.RunAsync("restore", notABackup, "--data", data.Folder);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is not a Stepwise backup", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_on_postgresql_explains_pg_dump_instead()
    {
        var run = await StepwiseProcess.RunWithAsync(
            new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Stepwise"] = "Host=127.0.0.1;Database=nowhere" },
            "backup", Path.Combine(data.Folder, "pg.db"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pg_dump", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_the_demo_answers_health_refuses_anonymous_api_calls_and_scopes_a_school_leaders_token()
    {
        var folder = Directory.CreateTempSubdirectory("stepwise-serve-").FullName;
        var port = StepwiseProcess.FreePort();
        using var server = StepwiseProcess.Start("serve", "--demo", "--data", folder, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            var printed = new List<string>();
            string? line = null;
            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
            {
                try
                {
                    while ((line = await server.StandardOutput.ReadLineAsync(wait.Token)) is not null && !line.Contains("running at", StringComparison.Ordinal))
                    {
                        printed.Add(line);
                    }
                }
                catch (OperationCanceledException)
                {
                    line = null;
                }
            }
            Assert.True(line is not null, "The server did not print its address within 90 s:\n" + string.Join("\n", printed));
            Assert.Contains($"http://127.0.0.1:{port}", line, StringComparison.Ordinal);
            Assert.Contains(printed, l => l.StartsWith("Demo accounts (password for all:", StringComparison.Ordinal));
            // The demo loads behind the running server (ADR 0080): its accounts exist once it says so.
            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(300)))
            {
                while ((line = await server.StandardOutput.ReadLineAsync(wait.Token)) is not null && !line.StartsWith("Loaded the demo trust", StringComparison.Ordinal))
                {
                    printed.Add(line);
                }
            }
            Assert.True(line is not null, "The demo did not finish loading:\n" + string.Join("\n", printed));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/schools")).StatusCode);

            var list = JsonNode.Parse((await StepwiseProcess.RunAsync("users", "list", "--json", "--data", folder)).Out)!.AsArray();
            var head = list.First(a => a!["role"]!.GetValue<string>() == "school-leader")!;
            var urn = head["scope"]!.GetValue<string>();
            var other = list.Select(a => a!["scope"]!.GetValue<string>()).First(s => s.Length == 6 && s != urn);
            var token = (await StepwiseProcess.RunAsync("users", "token", "--email", head["email"]!.GetValue<string>(), "--data", folder)).Out.Trim();

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var schools = await (await http.GetAsync("/api/schools")).ReadJsonAsync();
            Assert.Equal(urn, Assert.Single(schools.AsArray())!["urn"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/schools/{other}")).StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>An import is one transaction: killing the process part-way leaves everything or nothing, never a part.</summary>
public sealed class KillingAnImport
{
    [Fact]
    public async Task A_killed_import_leaves_no_partial_data_and_the_file_can_then_be_imported_whole()
    {
        var folder = Directory.CreateTempSubdirectory("stepwise-kill-").FullName;
        var file = SharedData.Path("dfe-england-2019", "england_ks4provisional.csv");
        Assert.Equal(0, (await StepwiseProcess.RunAsync("migrate", "--data", folder)).ExitCode);
        try
        {
            using (var import = StepwiseProcess.Start("import", "ks4", file, "--year", "2019", "--data", folder, "--progress"))
            {
                var said = new System.Text.StringBuilder();
                Assert.True(await StepwiseProcess.WaitUntilSavingAsync(import, TimeSpan.FromSeconds(90), said), $"The import did not report saving before it ended or timed out:\n{said}");
                import.Kill(entireProcessTree: true);
                await import.WaitForExitAsync();
            }
            var (runs, values) = await CountAsync(folder);
            Assert.True((runs, values) is (0, 0) or (1, 33_912), $"Partial import left behind: {runs} run(s), {values} figure(s).");

            var whole = await StepwiseProcess.RunAsync("import", "ks4", file, "--year", "2019", "--data", folder, "--json");
            Assert.True(whole.ExitCode == 0, whole.ToString());
            Assert.Equal((1, 33_912), await CountAsync(folder));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<(int Runs, int Values)> CountAsync(string folder)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "stepwise.db")};Pooling=False");
        await connection.OpenAsync();
        async Task<int> CountOf(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return (await CountOf("ImportRuns"), await CountOf("ReferenceValues"));
    }
}
