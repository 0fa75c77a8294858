using System.Net;
using Microsoft.Data.Sqlite;

namespace Stepwise.Tests.Cli;

/// <summary>Issue 18: a mistyped verb started the server, restore ran under a live server, and a renamed demo trust stopped `serve --demo`.</summary>
public sealed class TheCommandLineDoesWhatItSays(DemoDataFolder data) : IClassFixture<DemoDataFolder>
{
    [Fact]
    public async Task An_unknown_verb_prints_the_verbs_and_exits_two_without_starting_a_server()
    {
        var folder = Directory.CreateTempSubdirectory("stepwise-verb-").FullName;
        using var process = StepwiseProcess.Start("export", "--data", folder, "--urls", $"http://127.0.0.1:{StepwiseProcess.FreePort()}");
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("`stepwise export` was still running after 60 s: it started the server.");
        }
        Assert.Equal(2, process.ExitCode);
        var said = await error;
        Assert.Contains("\"export\" is not a verb", said, StringComparison.Ordinal);
        foreach (var verb in new[] { "serve", "migrate", "demo", "users", "import", "backup", "restore" })
        {
            Assert.Contains(verb, said, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Restore_refuses_while_a_server_has_the_database_open_and_runs_once_it_has_stopped()
    {
        Assert.True(data.FirstLoad.ExitCode == 0, data.FirstLoad.ToString());
        var backup = Path.Combine(data.Folder, $"before-{Guid.NewGuid():N}.db");
        Assert.Equal(0, (await StepwiseProcess.RunAsync("backup", backup, "--data", data.Folder)).ExitCode);
        await using (var server = new ServerProcess("serve", "--data", data.Folder, "--urls", $"http://127.0.0.1:{StepwiseProcess.FreePort()}"))
        {
            await server.WaitForAsync("running at");
            var refused = await StepwiseProcess.RunAsync("restore", backup, "--data", data.Folder);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("A Stepwise server is running on this database", refused.Error, StringComparison.Ordinal);
            Assert.Contains("stepwise.db.lock", refused.Error, StringComparison.Ordinal);
        }
        var restored = await StepwiseProcess.RunAsync("restore", backup, "--data", data.Folder);
        Assert.True(restored.ExitCode == 0, restored.ToString());
    }

    [Fact]
    public async Task Serve_with_the_demo_starts_after_the_demo_trust_is_renamed()
    {
        Assert.True(data.FirstLoad.ExitCode == 0, data.FirstLoad.ToString());
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data.Folder, "stepwise.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var rename = connection.CreateCommand();
            rename.CommandText = "UPDATE \"Trusts\" SET \"Name\" = 'Larkhaven Schools Partnership' WHERE \"Key\" = 'demo'";
            Assert.Equal(1, await rename.ExecuteNonQueryAsync());
        }
        await using var server = new ServerProcess("serve", "--demo", "--data", data.Folder, "--urls", $"http://127.0.0.1:{StepwiseProcess.FreePort()}");
        await server.WaitForAsync("running at");
        await server.WaitForAsync("The demo trust (Larkhaven Schools Partnership) is already loaded; nothing changed.");
        Assert.DoesNotContain(server.Error, l => l.Contains("cannot be loaded", StringComparison.Ordinal));
    }

    /// <summary>
    /// First start: the server answers before the demo has loaded (it took 49 s on a quiet machine before the first page),
    /// the pages say how far the load has got, and the start prints no warning.
    /// </summary>
    [Fact]
    public async Task Serve_with_the_demo_answers_before_the_demo_has_loaded_says_how_far_it_has_got_and_prints_no_warning()
    {
        var folder = Directory.CreateTempSubdirectory("stepwise-first-").FullName;
        var port = StepwiseProcess.FreePort();
        await using (var server = new ServerProcess("serve", "--demo", "--data", folder, "--urls", $"http://127.0.0.1:{port}"))
        {
            var running = await server.WaitForAsync("running at");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var signIn = await http.GetAsync("/sign-in");
            var loadedBefore = server.Out.Any(l => l.StartsWith("Loaded the demo trust", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            if (!loadedBefore)
            {
                Assert.Contains("Loading the demo:", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            var loaded = await server.WaitForAsync("Loaded the demo trust", 300);
            Assert.True(running < loaded, "The server should answer before the demo has loaded:\n" + string.Join("\n", server.Out));
            Assert.DoesNotContain("Loading the demo:", await http.GetStringAsync("/sign-in"), StringComparison.Ordinal);
            Assert.True(server.Error.All(l => !l.Contains("warn:", StringComparison.Ordinal)), "Start-up printed warnings:\n" + string.Join("\n", server.Error));
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
