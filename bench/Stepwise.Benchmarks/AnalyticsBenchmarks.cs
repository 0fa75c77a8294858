using BenchmarkDotNet.Attributes;

namespace Stepwise.Benchmarks;

/// <summary>
/// Stepwise.Analytics against DuckDB on the same one million rows, in the same run, DuckDB as the baseline (ratio 1).
/// Each benchmark process generates the rows, loads DuckDB and checks that both sides agree before anything is timed.
/// </summary>
[MemoryDiagnoser]
public class AnalyticsBenchmarks
{
    private PupilData data = null!;
    private DuckDbAnalytics duckDb = null!;

    /// <summary>Threads for both sides: DuckDB's <c>threads</c> setting and Parallel.For's degree of parallelism.</summary>
    [Params(2, 1)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        data = PupilData.Generate();
        duckDb = new DuckDbAnalytics(data, Threads);
        var report = ResultComparer.Compare(StepwiseAnalytics.Run(data, Threads), duckDb.Run(), out var equal);
        Console.WriteLine($"// Equality check ({Threads} threads): {report}");
        if (!equal)
        {
            throw new InvalidOperationException("Stepwise and DuckDB disagree; nothing is timed.\n" + report);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => duckDb.Dispose();

    [Benchmark(Baseline = true, Description = "DuckDB (SQL)")]
    public AnalyticsResults DuckDb() => duckDb.Run();

    [Benchmark(Description = "Stepwise.Analytics")]
    public AnalyticsResults Stepwise() => StepwiseAnalytics.Run(data, Threads);
}
