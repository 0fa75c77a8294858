namespace Stepwise.Analytics.Risk;

/// <summary>A school's risk band: where its score falls against the trust's two thresholds.</summary>
public enum RiskBand
{
    /// <summary>Below the medium threshold.</summary>
    Low,
    /// <summary>From the medium threshold.</summary>
    Medium,
    /// <summary>From the high threshold.</summary>
    High,
}

/// <summary>
/// One named component of the risk rating: what it counts, and its default weight (points for each thing it counts).
/// A negative default weight is a component that lowers risk.
/// </summary>
public sealed record RiskComponent(string Key, string Name, double DefaultWeight, string Counts)
{
    /// <summary>A component with a negative default weight lowers risk.</summary>
    public bool Lowers => DefaultWeight < 0;
}

/// <summary>
/// One thing that counts towards a component: which measure, which framework area, which review raised (or lowered)
/// it, in words a director can check.
/// </summary>
public sealed record RiskEvidence(string Component, string Because)
{
    /// <summary>The measure's key, when a measure counted.</summary>
    public string? Measure { get; init; }
    /// <summary>The framework area's key, when an area counted.</summary>
    public string? Area { get; init; }

    /// <summary>Where it comes from: "data", "self-evaluation", "peer review" or "trust review".</summary>
    public string? Source { get; init; }

    /// <summary>The review (peer or trust) that raised or lowered it, if one did.</summary>
    public int? ReviewId { get; init; }
}

/// <summary>One line of a rating: a component, how many things counted, the weight used, and the points it adds (or takes away).</summary>
public sealed record RiskLine(RiskComponent Component, int Count, double Weight, bool DefaultWeight, double Points, IReadOnlyList<RiskEvidence> Because);

/// <summary>A rating: every component line (those that counted nothing too), the score (the sum of points) and the band.</summary>
public sealed record RiskRatingResult(IReadOnlyList<RiskLine> Lines, double Score, RiskBand Band);

/// <summary>
/// The risk rating (ADR 0090): a transparent weighted sum. Each named component counts things (a key measure in
/// concern, an area a review found needing attention…); its points are the count times the trust's weight (the
/// default when the trust chose none); the score is the sum of every component's points; the band is Medium from the
/// first threshold and High from the second. Components with a negative weight lower the score.
/// </summary>
public static class RiskRating
{
    /// <summary>A key measure whose latest figure is a concern signal.</summary>
    public const string MeasureConcern = "measure-concern";
    /// <summary>A key measure whose latest figure is an improvement signal (lowers risk).</summary>
    public const string MeasureImprovement = "measure-improvement";
    /// <summary>A key measure in the bottom quarter among similar schools.</summary>
    public const string BottomQuartile = "bottom-quartile";
    /// <summary>The disadvantage gap in absence wider than the year before.</summary>
    public const string GapWidening = "gap-widening";
    /// <summary>An area the school graded in the lowest two grades.</summary>
    public const string SelfEvaluationLow = "self-evaluation-low";
    /// <summary>An area a peer review estimated in the lower half of its scale.</summary>
    public const string PeerEstimateLow = "peer-estimate-low";
    /// <summary>An area a peer review estimated at the top of its scale (lowers risk).</summary>
    public const string PeerEstimateStrong = "peer-estimate-strong";
    /// <summary>An area a trust review found in the lowest two grades.</summary>
    public const string ReviewFindingLow = "review-finding-low";
    /// <summary>An area a trust review found in the top two grades (lowers risk).</summary>
    public const string ReviewFindingStrong = "review-finding-strong";

    /// <summary>Every component, in the order a breakdown shows them: those that raise risk, then those that lower it.</summary>
    public static IReadOnlyList<RiskComponent> Components { get; } =
    [
        new(MeasureConcern, "Key measure in concern", 2, "each key measure whose latest figure is a concern signal on its chart over the years"),
        new(BottomQuartile, "Bottom quarter among similar schools", 1, "each key measure on which the school is behind three quarters or more of its similar schools"),
        new(GapWidening, "Disadvantage gap widening", 1, "the gap in absence between disadvantaged and other pupils, when wider than the year before"),
        new(SelfEvaluationLow, "Self-evaluation: area graded low", 1, "each area the school's own latest judgement puts in the lowest two grades of its scale"),
        new(PeerEstimateLow, "Peer review: area estimated low", 1, "each area the latest completed peer review estimated in the lower half of its scale"),
        new(ReviewFindingLow, "Trust review: area found low", 2, "each area the latest completed trust review graded in the lowest two grades of its scale"),
        new(MeasureImprovement, "Key measure improving", -1, "each key measure whose latest figure is an improvement signal"),
        new(PeerEstimateStrong, "Peer review: area estimated at the top", -0.5, "each area the latest completed peer review estimated at the top of its scale"),
        new(ReviewFindingStrong, "Trust review: area found strong", -1, "each area the latest completed trust review graded in the top two grades of its scale"),
    ];

    /// <summary>The component with this key, or null.</summary>
    public static RiskComponent? Find(string key) => Components.FirstOrDefault(c => c.Key == key);

    /// <summary>
    /// Rates one school from what counted: each component's count × weight (<paramref name="weights"/> by key,
    /// else the default) = points; the score is their sum; the band by the thresholds (score ≥ <paramref name="highFrom"/>
    /// is High, ≥ <paramref name="mediumFrom"/> Medium, else Low). Evidence naming no known component is refused.
    /// </summary>
    public static RiskRatingResult Rate(IEnumerable<RiskEvidence> evidence, IReadOnlyDictionary<string, double> weights, double mediumFrom, double highFrom)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(weights);
        if (double.IsNaN(mediumFrom) || double.IsNaN(highFrom) || highFrom < mediumFrom)
        {
            throw new ArgumentException($"The high-risk threshold ({highFrom}) must be at or above the medium-risk threshold ({mediumFrom}).", nameof(highFrom));
        }
        var all = evidence.ToList();
        if (all.FirstOrDefault(e => Find(e.Component) is null) is { } unknown)
        {
            throw new ArgumentException($"\"{unknown.Component}\" is not a risk component.", nameof(evidence));
        }
        var lines = Components.Select(c =>
        {
            var because = all.Where(e => e.Component == c.Key).ToList();
            var chosen = weights.TryGetValue(c.Key, out var w);
            var weight = chosen ? w : c.DefaultWeight;
            return new RiskLine(c, because.Count, weight, !chosen, because.Count * weight, because);
        }).ToList();
        // Rounded to hundredths so that sums of halves and tenths compare with the thresholds as a person would.
        var score = Math.Round(lines.Sum(l => l.Points), 2);
        return new RiskRatingResult(lines, score, BandOf(score, mediumFrom, highFrom));
    }

    /// <summary>High at or above <paramref name="highFrom"/>, Medium at or above <paramref name="mediumFrom"/>, else Low.</summary>
    public static RiskBand BandOf(double score, double mediumFrom, double highFrom) =>
        score >= highFrom ? RiskBand.High : score >= mediumFrom ? RiskBand.Medium : RiskBand.Low;

    /// <summary>The tier a band suggests (0 universal, 1 targeted, 2 intensive): Low → universal, Medium → targeted, High → intensive.</summary>
    public static int SuggestedTier(RiskBand band) => (int)band;
}
