using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

// Load test for the public survey response page, end to end over loopback:
//   dotnet run -c Release --project bench/Stepwise.Load -- survey --responses N --concurrency C [--database sqlite|postgres]
// It starts Stepwise itself (a separate process with the demo trust), builds and opens a pupil survey with one-time
// codes as a head teacher would, then C clients each fetch the page and submit answers with a fresh code until N
// have been sent. Afterwards it counts the rows in the database and prints one line of JSON:
//   {"sent":N,"accepted":N,"stored":N,"lost":N,"perSecond":…,"p99Ms":…}
// accepted = answered with the redirect to "thank you" (the app says that only after the commit);
// lost = accepted but not stored. perSecond = responses completed per second over the run (each a page fetch and a
// submit); p99Ms = 99th percentile time of the submitting POST (the durable write).

return await Cli.RunAsync(args);

internal static partial class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "survey")
        {
            Console.Error.WriteLine("Usage: survey --responses N --concurrency C [--database sqlite|postgres]");
            return 2;
        }
        var responses = IntOption(args, "--responses", 1000);
        var concurrency = IntOption(args, "--concurrency", 50);
        var database = Option(args, "--database") ?? "sqlite";
        if (database is not ("sqlite" or "postgres") || responses < 1 || concurrency < 1)
        {
            Console.Error.WriteLine("--database is sqlite or postgres; --responses and --concurrency are positive.");
            return 2;
        }

        await using var server = await Server.StartAsync(database);
        var setup = await Setup.PrepareAsync(server.BaseUrl, responses);
        Console.Error.WriteLine($"Survey {setup.SurveyId} open with {setup.Codes.Count} codes; submitting {responses} responses from {concurrency} clients…");

        var result = await Submit.RunAsync(server.BaseUrl, setup, responses, concurrency);
        var stored = await server.CountResponsesAsync(setup.SurveyId);
        var json = JsonSerializer.Serialize(new
        {
            sent = result.Sent,
            accepted = result.Accepted,
            stored,
            lost = Math.Max(0, result.Accepted - stored),
            perSecond = Math.Round(result.Sent / result.Elapsed.TotalSeconds, 1),
            p99Ms = Math.Round(result.P99Ms, 1),
        });
        Console.WriteLine(json);
        if (result.Failures.Count > 0)
        {
            Console.Error.WriteLine($"{result.Failures.Count} failures, by kind: " + string.Join("; ", result.Failures.GroupBy(f => f).Select(g => $"{g.Key} ×{g.Count()}").Take(8)));
        }
        return result.Accepted == stored && stored == responses ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        int.TryParse(Option(args, name), out var value) ? value : fallback;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    public static partial Regex Antiforgery();
}

/// <summary>Stepwise as a child process on a free loopback port, on a fresh SQLite file or PostgreSQL database.</summary>
internal sealed class Server : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly string? _postgres;
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private Server(Process process, string baseUrl, string dataDirectory, string? postgres, string? adminConnection, string? databaseName)
    {
        (_process, BaseUrl, _dataDirectory, _postgres, _adminConnection, _databaseName) = (process, baseUrl, dataDirectory, postgres, adminConnection, databaseName);
    }

    public string BaseUrl { get; }

    public static async Task<Server> StartAsync(string database)
    {
        var data = Path.Combine(Path.GetTempPath(), $"stepwise-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "stepwise.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "serve", "--demo", "--data", data, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The per-link limit (600 a minute by default) is lifted for the measurement, and said so in the results.
        start.Environment["Surveys__ResponsesPerMinutePerSender"] = "10000000";

        string? postgres = null, admin = null, name = null;
        if (database == "postgres")
        {
            admin = Environment.GetEnvironmentVariable("STEPWISE_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set STEPWISE_TEST_POSTGRES to a PostgreSQL connection string (a role that may create databases).");
            name = $"stepwise_load_{Guid.NewGuid():N}"[..30];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            // Below the server's max_connections (100 by default), with time to wait for a free connection under load.
            postgres = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 60, Timeout = 60 }.ConnectionString;
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["Database__MigrateOnStart"] = "true";
            start.Environment["ConnectionStrings__Stepwise"] = postgres;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start stepwise.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Server(process, $"http://127.0.0.1:{port}", data, postgres, admin, name);
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"stepwise exited with code {process.ExitCode} while starting:\n" + string.Join("\n", output.TakeLast(20)));
            }
            try
            {
                if ((await client.GetAsync(server.BaseUrl + "/health")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("stepwise did not answer /health within 5 minutes.");
    }

    /// <summary>Counts the stored responses straight from the database, not through the app.</summary>
    public async Task<int> CountResponsesAsync(int surveyId)
    {
        if (_postgres is not null)
        {
            await using var connection = new NpgsqlConnection(_postgres);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM \"SurveyResponses\" WHERE \"SurveyId\" = @id", connection);
            command.Parameters.AddWithValue("id", surveyId);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using (var sqlite = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "stepwise.db")};Mode=ReadOnly;Pooling=False"))
        {
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM SurveyResponses WHERE SurveyId = $id";
            command.Parameters.AddWithValue("$id", surveyId);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What a head teacher does first: sign in, build a pupil survey from the bank, open it, print codes.</summary>
internal static partial class Setup
{
    public sealed record Prepared(int SurveyId, string Token, List<string> Codes, List<string> QuestionFields);

    [GeneratedRegex("/surveys/(\\d+)$")]
    private static partial Regex SurveyUrl();

    [GeneratedRegex("/s/([a-f0-9]+)")]
    private static partial Regex Link();

    [GeneratedRegex("Your code: <strong>([A-Z0-9-]+)</strong>")]
    private static partial Regex Code();

    [GeneratedRegex("name=\"(a\\d+)\"")]
    private static partial Regex QuestionField();

    [GeneratedRegex("name=\"Input.BankCodes\" value=\"([^\"]+)\"")]
    private static partial Regex BankCode();

    public static async Task<Prepared> PrepareAsync(string baseUrl, int responses)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        var signIn = await client.GetStringAsync("/sign-in");
        var signedIn = await client.PostAsync("/sign-in", Form(signIn, ("Input.Email", "claire.dawson@larkhaven.example"), ("Input.Password", "stepwise-demo-2026")));
        Expect(signedIn, HttpStatusCode.Redirect, "sign in");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var newPage = await client.GetStringAsync("/surveys/new?audience=pupils&school=990001");
        var fields = new List<(string, string)>
        {
            ("Input.Audience", "pupils"), ("Input.Title", "Load test"), ("Input.School", "990001"),
            ("Input.OpensOn", today.ToString("yyyy-MM-dd")), ("Input.ClosesOn", today.AddDays(7).ToString("yyyy-MM-dd")),
            ("Input.Distribution", "one-time-codes"), ("Input.AskYearGroup", "true"),
        };
        fields.AddRange(BankCode().Matches(newPage).Select(m => ("Input.BankCodes", m.Groups[1].Value)));
        var created = await client.PostAsync("/surveys/new", Form(newPage, [.. fields]));
        Expect(created, HttpStatusCode.Redirect, "create the survey");
        var surveyId = int.Parse(SurveyUrl().Match(created.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var details = await client.GetStringAsync($"/surveys/{surveyId}");
        Expect(await client.PostAsync($"/surveys/{surveyId}?handler=Open", Form(details)), HttpStatusCode.Redirect, "open the survey");
        var token = Link().Match(await client.GetStringAsync($"/surveys/{surveyId}")).Groups[1].Value;

        var codes = new List<string>();
        var codesPage = await client.GetStringAsync($"/surveys/{surveyId}/codes");
        while (codes.Count < responses)
        {
            var count = Math.Min(60, responses - codes.Count);
            var sheet = await client.PostAsync($"/surveys/{surveyId}/codes", Form(codesPage, ("Input.Group", $"Class {codes.Count / 30 + 1}"), ("Input.Count", $"{count}")));
            Expect(sheet, HttpStatusCode.OK, "print codes");
            codes.AddRange(Code().Matches(await sheet.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value));
        }

        // The question fields, read once from the page a respondent sees after entering a code.
        using var respondent = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        var start = await respondent.GetStringAsync($"/s/{token}");
        var questions = await (await respondent.PostAsync($"/s/{token}?handler=Code", Form(start, ("code", codes[^1])))).Content.ReadAsStringAsync();
        var questionFields = QuestionField().Matches(questions).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (questionFields.Count == 0)
        {
            throw new InvalidOperationException("The response page showed no questions.");
        }
        return new Prepared(surveyId, token, codes, questionFields);
    }

    public static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", Cli.Antiforgery().Match(page).Groups[1].Value)));

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }
}

/// <summary>C clients, each a respondent after another: fetch the page (for the antiforgery token), then submit.</summary>
internal static class Submit
{
    public sealed record Result(int Sent, int Accepted, TimeSpan Elapsed, double P99Ms, List<string> Failures);

    public static async Task<Result> RunAsync(string baseUrl, Setup.Prepared setup, int responses, int concurrency)
    {
        var next = -1;
        var accepted = 0;
        var sent = 0;
        var latencies = new double[responses];
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var random = new Random(worker);
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= responses)
                {
                    return;
                }
                Interlocked.Increment(ref sent);
                try
                {
                    var page = await client.GetAsync($"/s/{setup.Token}");
                    var html = await page.Content.ReadAsStringAsync();
                    if (page.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"page {(int)page.StatusCode}");
                        continue;
                    }
                    var cookie = string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]) : []);
                    var fields = new List<(string, string)> { ("code", setup.Codes[i]), ("yearGroup", $"{3 + random.Next(4)}") };
                    fields.AddRange(setup.QuestionFields.Select(f => (f, $"{1 + random.Next(5)}")));
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{setup.Token}") { Content = Setup.Form(html, [.. fields]) };
                    request.Headers.Add("Cookie", cookie);
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.SendAsync(request);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().EndsWith("/thanks", StringComparison.Ordinal) == true)
                    {
                        Interlocked.Increment(ref accepted);
                    }
                    else
                    {
                        failures.Enqueue($"{(int)response.StatusCode}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue(e.GetType().Name + ": " + e.Message);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var submitting = clock.Elapsed;
        var sorted = latencies.Where(l => l > 0).Order().ToArray();
        var p99 = sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)];
        return new Result(sent, accepted, submitting, p99, [.. failures]);
    }
}
