using System.Diagnostics;

namespace Stepwise.Benchmarks;

/// <summary>Times the stages of one run (for <c>--profile</c>); a null timer costs nothing on the timed path.</summary>
public sealed class StageTimer
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>Milliseconds per stage, in order, summed over the runs this timer saw.</summary>
    public List<(string Stage, List<double> Ms)> Stages { get; } = [];

    /// <summary>Starts timing from now.</summary>
    public void Start() => clock.Restart();

    /// <summary>Ends the stage <paramref name="stage"/> and starts the next.</summary>
    public void Lap(string stage)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        var entry = Stages.FindIndex(s => s.Stage == stage);
        if (entry < 0)
        {
            Stages.Add((stage, [ms]));
        }
        else
        {
            Stages[entry].Ms.Add(ms);
        }

        clock.Restart();
    }

    /// <summary>The median of each stage.</summary>
    public IEnumerable<(string Stage, double MedianMs)> Medians() =>
        Stages.Select(s => (s.Stage, s.Ms.Order().ElementAt(s.Ms.Count / 2)));
}
