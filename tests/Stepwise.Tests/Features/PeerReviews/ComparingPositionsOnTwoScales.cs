using Stepwise.Features.PeerReviews;

namespace Stepwise.Tests.Features.PeerReviews;

/// <summary>The rule that sets a peer estimate (four review points) against a framework grade (five, or two) by position on each scale.</summary>
public sealed class ComparingPositionsOnTwoScales
{
    [Theory]
    [InlineData(1, 4, 1, 5, Comparison.Agrees)] // leading / exceptional: both at the top
    [InlineData(4, 4, 5, 5, Comparison.Agrees)] // ineffective / urgent improvement: both at the bottom
    [InlineData(2, 4, 2, 5, Comparison.Agrees)] // effective (1/3) / strong standard (1/4)
    [InlineData(2, 4, 3, 5, Comparison.Agrees)] // effective (1/3) / expected standard (1/2): exactly half a review step apart
    [InlineData(3, 4, 4, 5, Comparison.Agrees)] // working towards (2/3) / needs attention (3/4)
    [InlineData(1, 4, 2, 5, Comparison.Higher)] // leading (0) / strong standard (1/4)
    [InlineData(1, 4, 3, 5, Comparison.Higher)]
    [InlineData(4, 4, 3, 5, Comparison.Lower)] // ineffective (1) / expected standard (1/2)
    [InlineData(4, 4, 4, 5, Comparison.Lower)] // ineffective (1) / needs attention (3/4)
    public void A_four_point_estimate_is_compared_with_a_five_point_grade_by_where_each_sits_on_its_own_scale(int rank, int size, int otherRank, int otherSize, Comparison expected) =>
        Assert.Equal(expected, ScalePosition.Compare(rank, size, otherRank, otherSize));

    [Theory]
    [InlineData(2, 2, Comparison.Agrees)]
    [InlineData(1, 2, Comparison.Higher)]
    [InlineData(3, 2, Comparison.Lower)]
    public void On_two_scales_of_the_same_length_only_the_same_rank_agrees(int rank, int otherRank, Comparison expected) =>
        Assert.Equal(expected, ScalePosition.Compare(rank, 5, otherRank, 5));

    [Fact]
    public void The_comparison_is_the_same_seen_from_either_side()
    {
        for (var r = 1; r <= 4; r++)
        {
            for (var o = 1; o <= 5; o++)
            {
                var forward = ScalePosition.Compare(r, 4, o, 5);
                var backward = ScalePosition.Compare(o, 5, r, 4);
                Assert.Equal(forward switch { Comparison.Higher => Comparison.Lower, Comparison.Lower => Comparison.Higher, _ => Comparison.Agrees }, backward);
            }
        }
    }

    [Fact]
    public void A_two_point_grade_such_as_met_or_not_met_agrees_only_with_the_half_of_the_review_scale_it_is_nearest()
    {
        Assert.Equal(Comparison.Agrees, ScalePosition.Compare(2, 4, 1, 2)); // effective (1/3) against met (0): within half a step (1/2)
        Assert.Equal(Comparison.Lower, ScalePosition.Compare(4, 4, 1, 2));
        Assert.Equal(Comparison.Agrees, ScalePosition.Compare(3, 4, 2, 2));
    }

    [Fact]
    public void A_rank_outside_its_scale_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalePosition.Compare(5, 4, 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalePosition.Compare(1, 4, 0, 5));
    }
}
