using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Reference;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;

namespace Stepwise.Benchmarks.Import;

/// <summary>A database to run on: where Stepwise's database is, and the bare loader for it.</summary>
public interface ITarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>How the bare loader writes: "prepared INSERT, 1 tx" or "binary COPY".</summary>
    string BareMethod { get; }

    /// <summary>The database's version, for the record.</summary>
    Task<string> VersionAsync();

    /// <summary>The configuration for a fresh, empty Stepwise database (one per attempt).</summary>
    Task<(string Provider, string ConnectionString)> CreateStepwiseDatabaseAsync(int attempt);

    /// <summary>Loads the file's rows the plainest way into a new unindexed table; returns the seconds it took (reading the file included).</summary>
    Task<double> BareLoadAsync(AttendanceFiles files, int attempt);

    /// <summary>The same, from rows already parsed in memory: the database's own cost alone.</summary>
    Task<double> BareInsertAsync(IReadOnlyList<BareRow> rows, int attempt);
}

public readonly record struct BareRow(string Upn, string Period, int Possible, int Present, int Authorised, int Unauthorised);

public static class Databases
{
    private const int Urn = 999001;

    /// <summary>
    /// Each loader <paramref name="attempts"/> times, taking turns, each time into a new database or table; the best
    /// time of each counts (the machine is shared, so the best is the least disturbed).
    /// </summary>
    public static async Task<List<Result>> RunAsync(ITarget target, AttendanceFiles files, int attempts)
    {
        await using var _ = target;
        Console.WriteLine($"{target.Name} {await target.VersionAsync()}");
        var parsed = BareFile.Read(files.Attendance);
        double bare = double.MaxValue, insertOnly = double.MaxValue, stepwise = double.MaxValue;
        var phases = "";
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            GC.Collect();
            var b = await target.BareLoadAsync(files, attempt);
            var i = await target.BareInsertAsync(parsed, attempt);
            GC.Collect();
            var (provider, connectionString) = await target.CreateStepwiseDatabaseAsync(attempt);
            double s;
            string p;
            await using (var services = Services(provider, connectionString))
            {
                await SeedAsync(services, files);
                (s, p) = await ImportAttendanceAsync(services, files);
            }
            Console.WriteLine($"{target.Name} attempt {attempt}: bare {b:N2} s (insert alone {i:N2} s), Stepwise {s:N2} s ({p})");
            (bare, insertOnly) = (Math.Min(bare, b), Math.Min(insertOnly, i));
            if (s < stepwise)
            {
                (stepwise, phases) = (s, p);
            }
        }
        return
        [
            new Result(target.Name, $"bare loader (read file, {target.BareMethod})", files.Rows, bare),
            new Result(target.Name, $"  the {target.BareMethod} alone", files.Rows, insertOnly),
            new Result(target.Name, "stepwise import attendance", files.Rows, stepwise, bare / stepwise, phases),
        ];
    }

    private static ServiceProvider Services(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Stepwise"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStepwiseDatabase(configuration);
        services.AddHttpContextAccessor();
        services.AddAccess();
        services.AddSchoolData(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>A trust, a school and its pupils (imported the real way), before the clock starts.</summary>
    private static async Task SeedAsync(ServiceProvider services, AttendanceFiles files)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("benchmark");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var trust = new Trust { Name = "Benchmark Learning Trust" };
        db.Trusts.Add(trust);
        await db.SaveChangesAsync();
        db.Schools.Add(new School { TrustId = trust.Id, Urn = Urn, Name = "Benchmark Academy", Phase = Phase.Secondary });
        await db.SaveChangesAsync();
        await using var file = File.OpenRead(files.PupilsFile);
        var outcome = await scope.ServiceProvider.GetRequiredService<ImportSchoolData>()
            .HandleAsync(new ImportSchoolData.Request(Urn, SchoolFileLayout.Pupils, "pupils.csv", AcceptValid: false), file, CancellationToken.None);
        if (outcome.Value is not { Imported: true })
        {
            throw new InvalidOperationException("The pupils did not import: " + string.Join("; ", outcome.Value?.Errors.Take(5) ?? []));
        }
    }

    /// <summary>`stepwise import attendance FILE --school URN`, timed from opening the file to the commit, as the command line runs it.</summary>
    private static async Task<(double Seconds, string Phases)> ImportAttendanceAsync(ServiceProvider services, AttendanceFiles files)
    {
        GC.Collect();
        var stages = new StageClock();
        var clock = Stopwatch.StartNew();
        Stepwise.Features.Imports.ImportReport report;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("benchmark");
            await using var file = File.OpenRead(files.Attendance);
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportSchoolData>()
                .HandleAsync(new ImportSchoolData.Request(Urn, SchoolFileLayout.Attendance, "attendance.csv", AcceptValid: false), file, CancellationToken.None, stages);
            report = outcome.Value ?? throw new InvalidOperationException("The school was not found.");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        if (!report.Imported || report.ValuesAdded != files.Rows)
        {
            throw new InvalidOperationException($"The import did not add every row: {report.Read} read, {report.ValuesAdded} added; "
                + string.Join("; ", report.Errors.Take(5)));
        }
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("benchmark");
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PupilAttendanceYears.SumAsync(a => a.Periods);
            if (stored != files.Rows)
            {
                throw new InvalidOperationException($"{stored:N0} attendance marks stored, {files.Rows:N0} expected.");
            }
        }
        // The same file again is only read and checked (nothing is written): the floor under any way of saving.
        var again = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("benchmark");
            await using var file = File.OpenRead(files.Attendance);
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportSchoolData>()
                .HandleAsync(new ImportSchoolData.Request(Urn, SchoolFileLayout.Attendance, "attendance.csv", AcceptValid: false), file, CancellationToken.None);
            if (outcome.Value is not { AlreadyImported: true })
            {
                throw new InvalidOperationException("The same file again was not recognised as already imported.");
            }
        }
        return (seconds, stages.Describe(seconds) + $"; the same file again (read and checked only) {again.Elapsed.TotalSeconds:N2} s");
    }

    /// <summary>When each stage of the import began (reported synchronously, not through a synchronisation context).</summary>
    private sealed class StageClock : IProgress<Stepwise.Features.Imports.ImportProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<(string Stage, double At)> _starts = [];

        public void Report(Stepwise.Features.Imports.ImportProgress value)
        {
            if (_starts.Count == 0 || _starts[^1].Stage != value.Stage)
            {
                _starts.Add((value.Stage, _clock.Elapsed.TotalSeconds));
            }
        }

        public string Describe(double total) => string.Join(", ", _starts.Select((s, i) =>
            $"{s.Stage.ToLowerInvariant()} {(i + 1 < _starts.Count ? _starts[i + 1].At : total) - (i == 0 ? 0 : s.At):N2} s"));
    }
}

/// <summary>The bare loaders' reader: split on commas, no checks.</summary>
public static class BareFile
{
    public static IEnumerable<BareRow> Rows(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            yield return new BareRow(cells[0], cells[1], Int(cells[2]), Int(cells[3]), Int(cells[4]), Int(cells[5]));
        }
    }

    public static List<BareRow> Read(string path) => [.. Rows(path)];

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>SQLite: a file in the work folder, WAL as Stepwise uses it; the bare loader is one prepared INSERT reused in one transaction.</summary>
public sealed class SqliteTarget(string folder) : ITarget
{
    public string Name => "SQLite";

    public string BareMethod => "prepared INSERT, 1 tx";

    public Task<string> VersionAsync()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return Task.FromResult($"{command.ExecuteScalar()} (WAL, synchronous=NORMAL, as Stepwise opens it)");
    }

    public Task<(string Provider, string ConnectionString)> CreateStepwiseDatabaseAsync(int attempt) =>
        Task.FromResult(("Sqlite", $"Data Source={Path.Combine(folder, $"stepwise-{attempt}.db")};Pooling=True"));

    public Task<double> BareLoadAsync(AttendanceFiles files, int attempt) => Task.FromResult(Load($"bare-file-{attempt}.db", BareFile.Rows(files.Attendance)));

    public Task<double> BareInsertAsync(IReadOnlyList<BareRow> rows, int attempt) => Task.FromResult(Load($"bare-memory-{attempt}.db", rows));

    private double Load(string name, IEnumerable<BareRow> rows)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, name)};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
        Execute(connection, "CREATE TABLE bare_attendance (upn TEXT, period TEXT, possible INTEGER, present INTEGER, authorised INTEGER, unauthorised INTEGER)");
        var clock = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO bare_attendance VALUES ($upn, $period, $possible, $present, $authorised, $unauthorised)";
        var upn = insert.Parameters.Add("$upn", SqliteType.Text);
        var period = insert.Parameters.Add("$period", SqliteType.Text);
        var possible = insert.Parameters.Add("$possible", SqliteType.Integer);
        var present = insert.Parameters.Add("$present", SqliteType.Integer);
        var authorised = insert.Parameters.Add("$authorised", SqliteType.Integer);
        var unauthorised = insert.Parameters.Add("$unauthorised", SqliteType.Integer);
        insert.Prepare();
        foreach (var row in rows)
        {
            (upn.Value, period.Value, possible.Value, present.Value, authorised.Value, unauthorised.Value) =
                (row.Upn, row.Period, row.Possible, row.Present, row.Authorised, row.Unauthorised);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return clock.Elapsed.TotalSeconds;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}

/// <summary>PostgreSQL: a database of its own on the server, dropped afterwards; the bare loader is one binary COPY into an unindexed table.</summary>
public sealed class PostgresTarget(string server) : ITarget
{
    private readonly string _name = $"stepwise_bench_{Guid.NewGuid():N}";
    private readonly List<string> _databases = [];

    public string Name => "PostgreSQL";

    public string BareMethod => "binary COPY, 1 tx";

    public async Task<string> VersionAsync()
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version() || ', shared_buffers ' || current_setting('shared_buffers') || ', synchronous_commit ' || current_setting('synchronous_commit')", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private string Database(string name) => new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();

    public async Task<(string Provider, string ConnectionString)> CreateStepwiseDatabaseAsync(int attempt)
    {
        var name = $"{_name}_{attempt}";
        await CreateAsync(name);
        return ("Postgres", Database(name));
    }

    private async Task CreateAsync(string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", connection);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
            _databases.Add(name);
        }
    }

    public Task<double> BareLoadAsync(AttendanceFiles files, int attempt) => LoadAsync($"bare_file_{attempt}", BareFile.Rows(files.Attendance));

    public Task<double> BareInsertAsync(IReadOnlyList<BareRow> rows, int attempt) => LoadAsync($"bare_memory_{attempt}", rows);

    private async Task<double> LoadAsync(string table, IEnumerable<BareRow> rows)
    {
        await CreateAsync(_name);
        await using var connection = new NpgsqlConnection(Database(_name));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE TABLE {table} (upn text, period text, possible integer, present integer, authorised integer, unauthorised integer)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table} (upn, period, possible, present, authorised, unauthorised) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(row.Upn, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Period, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Possible, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.Present, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.Authorised, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.Unauthorised, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        await transaction.CommitAsync();
        return clock.Elapsed.TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
