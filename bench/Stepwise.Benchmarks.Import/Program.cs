using System.Diagnostics;
using System.Globalization;
using Stepwise.Benchmarks.Import;

// Imports N generated attendance rows through the real `stepwise import attendance` use case and, in the same run,
// loads the same rows with a bare loader, on SQLite and/or PostgreSQL, and prints rows per second and the ratio.
//   dotnet run -c Release --project bench/Stepwise.Benchmarks.Import -- --rows 1000000 --database both
// PostgreSQL comes from STEPWISE_TEST_POSTGRES (a server connection string; a database of its own is created and dropped).

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Stepwise.Benchmarks.Import [--rows N] [--periods N] [--database sqlite|postgres|both] [--attempts N] [--keep]");
    return 2;
}
var postgres = Environment.GetEnvironmentVariable("STEPWISE_TEST_POSTGRES");
if (options.Postgres && string.IsNullOrWhiteSpace(postgres))
{
    Console.Error.WriteLine("--database postgres needs STEPWISE_TEST_POSTGRES, e.g. \"Host=127.0.0.1;Port=5432;Username=stepwise;Password=stepwise;Database=postgres\".");
    return 2;
}

var work = Directory.CreateTempSubdirectory("stepwise-bench-").FullName;
try
{
    var clock = Stopwatch.StartNew();
    var files = AttendanceFiles.Generate(work, options.Rows, options.Periods);
    Console.WriteLine($"Generated {files.Rows:N0} attendance rows ({files.Pupils:N0} pupils x {files.Periods} weeks, "
        + $"{new FileInfo(files.Attendance).Length / 1024.0 / 1024.0:N1} MB) in {clock.Elapsed.TotalSeconds:N1} s");
    Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {Environment.OSVersion}");
    Console.WriteLine();

    var results = new List<Result>();
    if (options.Sqlite)
    {
        results.AddRange(await Databases.RunAsync(new SqliteTarget(work), files, options.Attempts));
    }
    if (options.Postgres)
    {
        results.AddRange(await Databases.RunAsync(new PostgresTarget(postgres!), files, options.Attempts));
    }

    Console.WriteLine();
    Console.WriteLine($"{"database",-10} {"loader",-48} {"rows",12} {"seconds",9} {"rows/s",11} {"ratio",8}");
    foreach (var r in results)
    {
        Console.WriteLine($"{r.Database,-10} {r.Loader,-48} {r.Rows,12:N0} {r.Seconds,9:N2} {r.RowsPerSecond,11:N0} {(r.Ratio is double q ? q.ToString("P1", CultureInfo.InvariantCulture) : ""),8}");
    }
    foreach (var database in results.GroupBy(r => r.Database))
    {
        var (bare, insert, stepwise) = (database.ElementAt(0), database.ElementAt(1), database.ElementAt(2));
        Console.WriteLine($"{database.Key}: Stepwise runs at {stepwise.Ratio:P1} of the bare loader's rows/s "
            + $"({stepwise.RowsPerSecond / insert.RowsPerSecond:P1} of its insert alone, from rows already in memory); Stepwise phases: {stepwise.Phases}");
    }
    return results.Where(r => r.Ratio is not null).All(r => r.Ratio >= 0.5) ? 0 : 1;
}
finally
{
    if (!options.Keep)
    {
        Directory.Delete(work, recursive: true);
    }
    else
    {
        Console.WriteLine($"Kept {work}");
    }
}
