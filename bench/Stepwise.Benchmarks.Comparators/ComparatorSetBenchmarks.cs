using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Stepwise.Analytics.Comparators;

namespace Stepwise.Benchmarks.Comparators;

/// <summary>
/// Comparator sets (the DfE FBIT method) for a whole phase at once, as the app computes them on first use after an
/// import: about 17,000 generated primaries, and England's 16,770 real state-funded primaries when the data is there.
/// </summary>
[Config(typeof(Settings))]
[MemoryDiagnoser]
public class ComparatorSetBenchmarks
{
    private ComparatorSchool[] _generated = [];
    private ComparatorSchool[] _england = [];

    /// <summary>Threads: 1, or all the machine has (null lets .NET decide).</summary>
    [Params(1, null)]
    public int? Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _generated = Phases.Generated(17_000);
        _england = Phases.EnglandPrimaries() ?? [];
    }

    [Benchmark(Baseline = true, Description = "17,000 generated primaries: every set")]
    public ComparatorSet[] Generated() => ComparatorSets.BuildAll(_generated, new ComparatorOptions { MaxDegreeOfParallelism = Threads });

    [Benchmark(Description = "England's state-funded primaries (census 2019): every set")]
    public ComparatorSet[] England() =>
        _england.Length == 0 ? [] : ComparatorSets.BuildAll(_england, new ComparatorOptions { MaxDegreeOfParallelism = Threads });

    [Benchmark(Description = "17,000 generated primaries: one school's set")]
    public ComparatorSet One() => ComparatorSets.BuildFor(_generated, 8_500);

    /// <summary>Short runs in this process: enough to tell seconds from minutes on a shared two-core machine.</summary>
    private sealed class Settings : ManualConfig
    {
        public Settings() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
