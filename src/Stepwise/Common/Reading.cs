using Stepwise.Analytics.Spc;
using Stepwise.Common.Charts;

namespace Stepwise.Common;

/// <summary>What a series' latest point says on its XmR chart (Making Data Count rules), in one vocabulary for every page.</summary>
public enum Signal
{
    /// <summary>No values at all.</summary>
    NoData,
    /// <summary>Too few values to tell a signal from noise.</summary>
    Few,
    /// <summary>Common-cause variation: noise.</summary>
    Common,
    Improvement,
    Concern,
    /// <summary>A special cause on a measure with no better direction.</summary>
    Neutral,
}

/// <summary>Whether the latest value is at least as good as the straight line from a goal's baseline to its target.</summary>
public enum Trajectory { NoData, On, Off }

/// <summary>
/// What the data says, read once and drawn by one partial (<c>_Reading.cshtml</c>): the signal of the latest point and
/// whether it is high or low, the assurance of meeting a target, a goal's trajectory and whether the data is stale —
/// each only where it applies — with a sentence that says it all.
/// The statistics are <see cref="XmrChart"/>'s; this type only names and words them. States are compared as enums.
/// </summary>
public sealed record Reading(Signal Signal, string Sentence)
{
    /// <summary>The latest point is above the mean (H on the icon) rather than below (L).</summary>
    public bool High { get; init; }

    public Assurance Assurance { get; init; } = Assurance.None;

    public Trajectory? Trajectory { get; init; }

    public bool? Stale { get; init; }

    /// <summary>The periods the series is counted in ("years", "half-terms", "values"): "Too few years".</summary>
    public string Periods { get; init; } = "values";

    public static Reading NoData { get; } = new(Signal.NoData, "No figures yet.");

    /// <summary>The signal of one charted point with its variation.</summary>
    public static Reading Of(Variation variation, bool high, string sentence = "") => new(SignalOf(variation), sentence) { High = high };

    /// <summary>
    /// The reading of a series (missing values left out) on a measure with this polarity: no data, too few values
    /// (fewer than <paramref name="minimum"/>), or the latest point's variation, with the Making Data Count sentence.
    /// </summary>
    public static Reading OfSeries(IReadOnlyList<double> values, Polarity polarity, string measureName, string periodNoun, string periodsNoun, int minimum,
        double? target = null)
    {
        if (values.Count == 0)
        {
            return new Reading(Signal.NoData, $"No figures for {measureName}.") { Periods = periodsNoun };
        }
        if (values.Count < minimum)
        {
            return new Reading(Signal.Few,
                $"Only {values.Count} {(values.Count == 1 ? periodNoun : periodsNoun)} of figures: at least {minimum} are needed to tell a signal from noise.") { Periods = periodsNoun };
        }
        var chart = XmrChart.Analyse([.. values], new SpcOptions { Polarity = polarity, Target = target });
        return OfChart(chart, measureName, periodNoun, periodsNoun);
    }

    /// <summary>The reading of an XmR chart already drawn.</summary>
    public static Reading OfChart(SpcResult chart, string measureName, string periodNoun, string periodsNoun)
    {
        if (chart.Points.Count == 0)
        {
            return new Reading(Signal.NoData, $"{measureName}: no figures yet.") { Periods = periodsNoun };
        }
        var sentence = SpcReading.Describe(chart, measureName, periodNoun, periodsNoun);
        if (chart.TrialLimits && chart.Points.Count >= 2)
        {
            sentence += $" (Limits are provisional until there are 12 {periodsNoun}.)";
        }
        var last = chart.Points[^1];
        return new Reading(SignalOf(last.Variation), sentence)
        {
            High = last.Value >= (chart.Mean ?? last.Value),
            Assurance = chart.Assurance,
            Periods = periodsNoun,
        };
    }

    public static Signal SignalOf(Variation variation) => variation switch
    {
        Variation.Improvement => Signal.Improvement,
        Variation.Concern => Signal.Concern,
        Variation.Neutral => Signal.Neutral,
        _ => Signal.Common,
    };

    /// <summary>The signal in words, the same on every page.</summary>
    public string SignalWords => Signal switch
    {
        Signal.Improvement => "Improving",
        Signal.Concern => "Concern",
        Signal.Neutral => "Changing",
        Signal.Common => "No significant change",
        Signal.Few => $"Too few {Periods}",
        _ => "No figures",
    };

    /// <summary>The Making Data Count icon's letter: H or L for a high or low signal, ~ for none; none without a chart.</summary>
    public string? SignalLetter => Signal switch
    {
        Signal.Improvement or Signal.Concern or Signal.Neutral => High ? "H" : "L",
        Signal.Common => "~",
        _ => null,
    };

    public string? AssuranceWords => Assurance switch
    {
        Assurance.ConsistentPass => "Target met consistently",
        Assurance.ConsistentFail => "Target will not be met without change",
        Assurance.Inconsistent => "Target may or may not be met",
        _ => null,
    };

    public string AssuranceLetter => Assurance switch { Assurance.ConsistentPass => "P", Assurance.ConsistentFail => "F", _ => "?" };

    public string AssuranceTone => Assurance switch { Assurance.ConsistentPass => "improvement", Assurance.ConsistentFail => "concern", _ => "common" };

    public string? TrajectoryWords => Trajectory switch
    {
        Common.Trajectory.On => "On trajectory",
        Common.Trajectory.Off => "Off trajectory",
        Common.Trajectory.NoData => "No data since the baseline",
        _ => null,
    };

    public string TrajectoryMark => Trajectory switch { Common.Trajectory.On => "✓", Common.Trajectory.Off => "✗", _ => "?" };

    public string? StaleWords => Stale switch { true => "Data is stale", false => "Data is up to date", _ => null };

    /// <summary>The colour family of the signal (a CSS modifier and the icon's ring).</summary>
    public string Tone => Signal switch
    {
        Signal.Improvement => "improvement",
        Signal.Concern => "concern",
        Signal.Neutral => "neutral",
        _ => "common",
    };

    /// <summary>The Making Data Count variation icon, or none where there is no chart.</summary>
    public Scene? SignalIcon => SignalLetter is { } letter ? Icons.Icon(Tone, letter) : null;

    public Scene? AssuranceIcon => AssuranceWords is null ? null : Icons.Icon(AssuranceTone, AssuranceLetter);
}
