namespace Stepwise.Features.Benchmarking;

/// <summary>The measures a trust director looks at first, by phase.</summary>
public static class KeyMeasures
{
    public const string Ks2ExpectedStandard = "ks2.rwm-expected";
    public const string Progress8 = "ks4.progress-8";
    public const string OverallAbsence = "absence.overall";
    public const string PersistentAbsence = "absence.persistent";

    /// <summary>The headline result: KS2 reading, writing and maths at the expected standard for primaries, Progress 8 otherwise.</summary>
    public static string Headline(string? phase) => phase == BenchmarkPhase.Primary ? Ks2ExpectedStandard : Progress8;

    /// <summary>The trust overview's measure columns: the headline result, then overall and persistent absence.</summary>
    public static IReadOnlyList<string> ForOverview(string? phase) => [Headline(phase), OverallAbsence, PersistentAbsence];
}
