using Stepwise.Analytics.Spc;
using Stepwise.Analytics.Support;

namespace Stepwise.Analytics.Tests.Support;

/// <summary>How givers are ranked for a need, and how an episode's impact is read (ADR 0091).</summary>
public class GiverRankingTests
{
    private static GiverCandidate School(int id, bool similar, int perTerm, int giving, params GiverStrength[] strengths) =>
        new(id, strengths, similar, perTerm, giving);

    [Fact]
    public void A_school_at_its_capacity_this_term_is_never_suggested_however_strong()
    {
        var ranked = GiverRanking.Rank([
            School(1, true, 1, 1, GiverStrength.Judgement, GiverStrength.Sustain, GiverStrength.AdoptedChange),
            School(2, false, 2, 0, GiverStrength.Judgement),
        ]);

        Assert.Equal([2], ranked.Select(r => r.Candidate.Id));
    }

    [Fact]
    public void A_school_giving_more_than_its_capacity_is_not_suggested_and_has_none_left()
    {
        var over = School(1, true, 2, 3, GiverStrength.Judgement);

        Assert.Equal(0, over.CapacityLeft);
        Assert.Empty(GiverRanking.Rank([over]));
    }

    [Fact]
    public void A_school_with_no_evidence_of_strength_is_not_suggested()
    {
        Assert.Empty(GiverRanking.Rank([School(1, true, 2, 0)]));
    }

    [Fact]
    public void Each_kind_of_evidence_counts_once_and_a_similar_school_one_more()
    {
        var ranked = GiverRanking.Rank([
            School(1, false, 2, 0, GiverStrength.Judgement, GiverStrength.Judgement, GiverStrength.PeerReview),
            School(2, true, 2, 0, GiverStrength.Judgement, GiverStrength.Sustain),
        ]);

        Assert.Equal([2, 1], ranked.Select(r => r.Candidate.Id));
        Assert.Equal([3, 2], ranked.Select(r => r.Score));
    }

    [Fact]
    public void On_equal_scores_similar_schools_come_first_then_those_with_more_capacity_left()
    {
        var ranked = GiverRanking.Rank([
            School(1, false, 3, 2, GiverStrength.Judgement, GiverStrength.Sustain),
            School(2, false, 3, 0, GiverStrength.Judgement, GiverStrength.Sustain),
            School(3, true, 2, 1, GiverStrength.Judgement),
        ]);

        Assert.Equal([3, 2, 1], ranked.Select(r => r.Candidate.Id));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void The_top_two_grades_are_ranks_one_and_two(int rank, bool top) => Assert.Equal(top, GiverRanking.InTopTwo(rank));

    [Theory]
    [InlineData(2, 4, true)]
    [InlineData(3, 4, false)]
    [InlineData(2, 5, true)]
    [InlineData(3, 5, false)]
    public void The_top_half_of_a_scale_leaves_out_the_middle_of_an_odd_one(int rank, int size, bool top) => Assert.Equal(top, GiverRanking.InTopHalf(rank, size));

    [Fact]
    public void No_points_in_the_window_is_no_data()
    {
        Assert.Equal(ImpactSignal.NoData, ImpactReading.Of([]));
    }

    [Fact]
    public void The_latest_special_cause_in_the_window_decides_the_impact()
    {
        Assert.Equal(ImpactSignal.Improvement, ImpactReading.Of([Variation.Concern, Variation.Common, Variation.Improvement, Variation.Common]));
        Assert.Equal(ImpactSignal.Concern, ImpactReading.Of([Variation.Improvement, Variation.Concern]));
    }

    [Fact]
    public void Common_cause_or_a_neutral_special_cause_is_no_signal()
    {
        Assert.Equal(ImpactSignal.NoSignal, ImpactReading.Of([Variation.Common, Variation.Neutral, Variation.Common]));
    }
}
