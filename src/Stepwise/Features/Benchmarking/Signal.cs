using Stepwise.Analytics.Spc;

namespace Stepwise.Features.Benchmarking;

/// <summary>
/// A measure's signal over the years in words and a CSS class: XmR chart (Making Data Count rules) of the latest
/// point. Rendered by <c>_Signal.cshtml</c>; the words stay when icons are added.
/// </summary>
public sealed record Signal(string Code, string Word, string Explanation)
{
    /// <summary>The letter of the Making Data Count variation icon (H or L: the latest year above or below the mean; ~ no signal), or null for no icon.</summary>
    public string? IconLetter { get; init; }

    /// <summary>Fewer years than this get no signal: limits from two or three points say almost nothing.</summary>
    public const int MinimumYears = 4;

    public string CssClass => $"signal signal--{Code}";

    public static Signal None { get; } = new("none", "No figures", "No published figures for this measure.");

    /// <summary>The signal of a yearly series (missing years left out) for a measure with this polarity.</summary>
    public static Signal Of(IReadOnlyList<double> values, Polarity polarity, string measureName)
    {
        if (values.Count == 0)
        {
            return None;
        }
        if (values.Count < MinimumYears)
        {
            return new Signal("few", "Too few years",
                $"Only {values.Count} year{(values.Count == 1 ? "" : "s")} of figures: at least {MinimumYears} are needed to tell a signal from noise.");
        }
        var chart = XmrChart.Analyse(values.ToArray(), new SpcOptions { Polarity = polarity });
        var reading = SpcReading.Describe(chart, measureName, "year");
        if (chart.TrialLimits)
        {
            reading += $" (Limits from {values.Count} years only: treat as provisional.)";
        }
        var letter = values[^1] >= (chart.Mean ?? values[^1]) ? "H" : "L";
        return chart.Points[^1].Variation switch
        {
            Variation.Improvement => new Signal("improvement", "Improving", reading) { IconLetter = letter },
            Variation.Concern => new Signal("concern", "Concern", reading) { IconLetter = letter },
            Variation.Neutral => new Signal("neutral", "Changing", reading) { IconLetter = letter },
            _ => new Signal("common", "No significant change", reading) { IconLetter = "~" },
        };
    }
}
