using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Stepwise.Benchmarks.Comparators -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Stepwise.Benchmarks.Comparators.ComparatorSetBenchmarks).Assembly).Run(args);
