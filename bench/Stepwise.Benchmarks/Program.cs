using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Stepwise.Benchmarks;

// dotnet run -c Release --project bench/Stepwise.Benchmarks -- analytics [--quick] [--check] [--profile]
//   analytics  generate the rows, check Stepwise against DuckDB, then run BenchmarkDotNet (DuckDB = baseline)
//   --quick    BenchmarkDotNet's short job (3 warm-ups, 3 iterations) for a fast look
//   --check    the equality check only, no BenchmarkDotNet
//   --profile  the check, then the median time of each stage of each side over 9 warm runs (no BenchmarkDotNet)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0 || args[0] != "analytics" || args.Skip(1).Any(a => a is not ("--quick" or "--check" or "--profile")))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Stepwise.Benchmarks -- analytics [--quick] [--check] [--profile]");
    return 2;
}

var quick = args.Contains("--quick");
var checkOnly = args.Contains("--check") || args.Contains("--profile");
var profile = args.Contains("--profile");

Console.WriteLine("# Analytics over one million pupil rows (issue 5)");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {CpuModel()}, {RuntimeInformation.OSDescription}");
Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}");

var clock = Stopwatch.StartNew();
var data = PupilData.Generate();
Console.WriteLine($"data:    {data.Describe()} (generated in {clock.ElapsedMilliseconds} ms)");

var ok = true;
foreach (var threads in new[] { 2, 1 })
{
    clock.Restart();
    using var duckDb = new DuckDbAnalytics(data, threads);
    if (threads == 2)
    {
        Console.WriteLine($"duckdb:  {duckDb.Version}, loaded with the appender in {clock.ElapsedMilliseconds} ms (not timed)");
    }

    clock.Restart();
    var stepwise = StepwiseAnalytics.Run(data, threads);
    var stepwiseMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var reference = duckDb.Run();
    var duckMs = clock.Elapsed.TotalMilliseconds;
    var report = ResultComparer.Compare(stepwise, reference, out var equal);
    ok &= equal;
    if (profile)
    {
        Profile(data, duckDb, threads);
    }

    Console.WriteLine($"check ({threads} thread{(threads == 1 ? "" : "s")}; DuckDB threads = {duckDb.Threads}; first, cold runs: Stepwise {stepwiseMs:F0} ms, DuckDB {duckMs:F0} ms):");
    Console.Write(report);
    if (threads == 2)
    {
        Console.WriteLine($"signals: {stepwise.DescribeSignals()}");
    }
}

if (!ok)
{
    Console.Error.WriteLine("EQUALITY CHECK FAILED: Stepwise and DuckDB give different figures. Nothing was timed.");
    return 1;
}

if (checkOnly)
{
    return 0;
}

var job = quick
    ? Job.ShortRun
    : Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(20);
var artifacts = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "BenchmarkDotNet.Artifacts"));
var config = DefaultConfig.Instance
    .AddJob(job.WithId(quick ? "Quick" : "Analytics"))
    .WithArtifactsPath(artifacts)
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
    .AddColumn(RankColumn.Arabic);
var summary = BenchmarkRunner.Run<AnalyticsBenchmarks>(config);
return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;

static void Profile(PupilData data, DuckDbAnalytics duckDb, int threads)
{
    var stepwise = new StageTimer();
    var reference = new StageTimer();
    for (var run = 0; run < 10; run++)
    {
        // The first run of each is a warm-up and is not recorded.
        StepwiseAnalytics.Run(data, threads, run == 0 ? null : stepwise);
        duckDb.Run(run == 0 ? null : reference);
    }

    void Print(string side, StageTimer timer)
    {
        Console.WriteLine($"profile, {side}, {threads} thread(s), median of 9 warm runs:");
        foreach (var (stage, ms) in timer.Medians())
        {
            Console.WriteLine($"  {ms,7:F1} ms  {stage}");
        }
    }

    Print("Stepwise", stepwise);
    Print("DuckDB", reference);

    // The Welch interval's Student t quantile, alone: once per school-year on both sides.
    var dfs = new double[Layout.SchoolYears];
    var results = StepwiseAnalytics.Run(data, threads);
    Array.Copy(results.MeanGapDegreesOfFreedom, dfs, dfs.Length);
    var clock = Stopwatch.StartNew();
    var sink = 0.0;
    foreach (var df in dfs)
    {
        sink += Stepwise.Analytics.Numerics.StudentT.Quantile(0.975, df);
    }

    Console.WriteLine($"  (StudentT.Quantile × {dfs.Length:N0}, one thread: {clock.Elapsed.TotalMilliseconds:F1} ms; checksum {sink:F3})");
}

static string CpuModel()
{
    try
    {
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
    catch (IOException)
    {
        return "unknown CPU";
    }
}
