using Stepwise.Analytics.Risk;

namespace Stepwise.Analytics.Tests.Risk;

/// <summary>The risk rating of ADR 0090: named components × weights = points, the score their sum, the band by two thresholds.</summary>
public class RiskRatingTests
{
    private static readonly Dictionary<string, double> Defaults = [];

    private static RiskEvidence E(string component, string because = "counted") => new(component, because);

    [Fact]
    public void Nothing_counted_scores_zero_and_is_low_risk_with_every_component_listed()
    {
        var rating = RiskRating.Rate([], Defaults, 3, 6);

        Assert.Equal(0, rating.Score);
        Assert.Equal(RiskBand.Low, rating.Band);
        Assert.Equal(RiskRating.Components.Count, rating.Lines.Count);
        Assert.All(rating.Lines, l => Assert.Equal(0, l.Count));
    }

    [Fact]
    public void Each_component_scores_its_count_times_its_default_weight_and_the_score_is_their_sum()
    {
        var rating = RiskRating.Rate(
            [E(RiskRating.MeasureConcern, "Overall absence"), E(RiskRating.MeasureConcern, "Persistent absence"), E(RiskRating.GapWidening), E(RiskRating.ReviewFindingStrong)],
            Defaults, 3, 6);

        var concern = rating.Lines.Single(l => l.Component.Key == RiskRating.MeasureConcern);
        Assert.Equal(2, concern.Count);
        Assert.Equal(2, concern.Weight);
        Assert.True(concern.DefaultWeight);
        Assert.Equal(4, concern.Points);
        Assert.Equal(["Overall absence", "Persistent absence"], concern.Because.Select(b => b.Because));
        Assert.Equal(-1, rating.Lines.Single(l => l.Component.Key == RiskRating.ReviewFindingStrong).Points);
        Assert.Equal(4 + 1 - 1, rating.Score);
        Assert.Equal(RiskBand.Medium, rating.Band);
    }

    [Fact]
    public void A_trusts_weight_replaces_the_default_and_a_component_weighted_zero_adds_nothing()
    {
        var weights = new Dictionary<string, double> { [RiskRating.MeasureConcern] = 3.5, [RiskRating.GapWidening] = 0 };
        var rating = RiskRating.Rate([E(RiskRating.MeasureConcern), E(RiskRating.MeasureConcern), E(RiskRating.GapWidening)], weights, 3, 6);

        var concern = rating.Lines.Single(l => l.Component.Key == RiskRating.MeasureConcern);
        Assert.False(concern.DefaultWeight);
        Assert.Equal(7, concern.Points);
        Assert.Equal(0, rating.Lines.Single(l => l.Component.Key == RiskRating.GapWidening).Points);
        Assert.Equal(7, rating.Score);
        Assert.Equal(RiskBand.High, rating.Band);
    }

    [Fact]
    public void Components_that_lower_risk_can_take_the_score_below_zero()
    {
        var rating = RiskRating.Rate([E(RiskRating.MeasureImprovement), E(RiskRating.PeerEstimateStrong), E(RiskRating.ReviewFindingStrong)], Defaults, 3, 6);

        Assert.Equal(-2.5, rating.Score);
        Assert.Equal(RiskBand.Low, rating.Band);
        Assert.All(rating.Lines.Where(l => l.Count > 0), l => Assert.True(l.Component.Lowers));
    }

    [Theory]
    [InlineData(2.99, RiskBand.Low)]
    [InlineData(3, RiskBand.Medium)]
    [InlineData(5.5, RiskBand.Medium)]
    [InlineData(6, RiskBand.High)]
    public void The_band_starts_at_each_threshold(double score, RiskBand band) => Assert.Equal(band, RiskRating.BandOf(score, 3, 6));

    [Fact]
    public void Halves_add_up_exactly_at_a_threshold()
    {
        var weights = new Dictionary<string, double> { [RiskRating.BottomQuartile] = 0.1 };
        var rating = RiskRating.Rate(Enumerable.Range(0, 30).Select(_ => E(RiskRating.BottomQuartile)), weights, 3, 6);

        Assert.Equal(3, rating.Score);
        Assert.Equal(RiskBand.Medium, rating.Band);
    }

    [Fact]
    public void Thresholds_the_wrong_way_round_and_unknown_components_are_refused_by_name()
    {
        var wrong = Assert.Throws<ArgumentException>(() => RiskRating.Rate([], Defaults, 6, 3));
        Assert.Contains("at or above the medium-risk threshold", wrong.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => RiskRating.Rate([E("weather")], Defaults, 3, 6));
        Assert.Contains("\"weather\" is not a risk component", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_component_has_a_unique_key_and_the_bands_suggest_the_three_tiers_in_order()
    {
        Assert.Equal(RiskRating.Components.Count, RiskRating.Components.Select(c => c.Key).Distinct().Count());
        Assert.Equal([0, 1, 2], new[] { RiskBand.Low, RiskBand.Medium, RiskBand.High }.Select(RiskRating.SuggestedTier));
    }
}
