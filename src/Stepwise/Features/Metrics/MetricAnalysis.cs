using System.Text.RegularExpressions;
using Stepwise.Analytics.Spc;
using Stepwise.Common;
using Stepwise.Features.SchoolData;

namespace Stepwise.Features.Metrics;

/// <summary>A point that is drawn: its value, and the Making Data Count label it earned.</summary>
public sealed record ChartedPoint(SeriesPoint Point, Variation Variation, string? Rule);

/// <summary>
/// A series read the Making Data Count way: an XmR chart over the points that have a value (points without one —
/// suppressed, fewer than 5 pupils — are listed, never charted or counted), the latest point's variation, the
/// assurance against a target, and what it says (<see cref="Common.Reading"/>).
/// </summary>
public sealed partial record MetricAnalysis(Series Series, IReadOnlyList<ChartedPoint> Charted, SpcResult? Spc, Reading Reading, double? Target)
{
    public Variation Latest => Charted.Count == 0 ? Variation.Common : Charted[^1].Variation;

    public Assurance Assurance => Spc?.Assurance ?? Assurance.None;

    public bool TrialLimits => Spc?.TrialLimits ?? false;

    /// <param name="baselinePoints">
    /// When given, the mean and limits rest on the first points only (an enquiry's points before its first cycle), so
    /// what follows is read against the baseline; otherwise on every point.
    /// </param>
    public static MetricAnalysis Of(Series series, double? target = null, int? baselinePoints = null)
    {
        var withValues = series.Points.Where(p => p.Value is not null).ToList();
        var polarity = SpcCodes.ParsePolarity(series.Metric.Polarity) ?? Polarity.Neutral;
        if (withValues.Count == 0)
        {
            return new MetricAnalysis(series, [], null, new Reading(Signal.NoData, $"{SentenceName(series)}: no figures yet."), target);
        }
        var spc = XmrChart.Analyse(withValues.Select(p => p.Value!.Value).ToArray(), new SpcOptions { Polarity = polarity, Target = target, BaselinePoints = baselinePoints });
        var charted = withValues.Select((p, i) => new ChartedPoint(p, spc.Points[i].Variation, spc.Points[i].RuleCode)).ToList();
        var (noun, plural) = Nouns(withValues[^1].PeriodKind);
        return new MetricAnalysis(series, charted, spc, Reading.OfChart(spc, SentenceName(series), noun, plural), target);
    }

    public static (string Noun, string Plural) Nouns(PeriodKind kind) => kind switch
    {
        PeriodKind.HalfTerm => ("half-term", "half-terms"),
        PeriodKind.Term => ("term", "terms"),
        PeriodKind.Year => ("year", "years"),
        PeriodKind.Week => ("week", "weeks"),
        _ => ("measurement", "measurements"),
    };

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Bracketed();

    /// <summary>"Persistent absence for disadvantaged pupils": the name without its bracketed definition, and the group.</summary>
    public static string SentenceName(Series series)
    {
        var name = Bracketed().Replace(series.Metric.Name, "");
        return series.Group == PupilGroups.All ? name : $"{name} for {PupilGroups.Phrase(series.Group)}";
    }
}
