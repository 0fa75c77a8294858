using Stepwise.Analytics.Comparators;
using Stepwise.Analytics.Spc;

namespace Stepwise.Analytics.Tests.Comparators;

/// <summary>A school's position among its comparators: median, quartiles and a percentile rank that respects polarity.</summary>
public class ComparatorPositionTests
{
    private static readonly double?[] Five = [50, 60, 70, 80, 90];

    [Fact]
    public void Median_and_quartiles_are_the_type_7_quantiles_of_the_comparators()
    {
        var p = ComparatorPosition.Of(62, Five, Polarity.Up);

        Assert.Equal(70, p.Median);
        Assert.Equal(60, p.LowerQuartile);
        Assert.Equal(80, p.UpperQuartile);
        Assert.Equal(5, p.Published);
    }

    [Fact]
    public void Percentile_rank_is_the_share_of_comparators_the_school_does_better_than()
    {
        // 62 beats 50 and 60 when higher is better (2 of 5), and beats 70, 80 and 90 when lower is better (3 of 5).
        Assert.Equal(40, ComparatorPosition.Of(62, Five, Polarity.Up).PercentileRank);
        Assert.Equal(60, ComparatorPosition.Of(62, Five, Polarity.Down).PercentileRank);
        Assert.Equal((2, 0, 3), (ComparatorPosition.Of(62, Five, Polarity.Up).Better, ComparatorPosition.Of(62, Five, Polarity.Up).Level, ComparatorPosition.Of(62, Five, Polarity.Up).Worse));
    }

    [Fact]
    public void Ties_count_half()
    {
        // 70 beats 50 and 60, ties with 70: (2 + 0.5) / 5.
        Assert.Equal(50, ComparatorPosition.Of(70, Five, Polarity.Up).PercentileRank);
        Assert.Equal(50, ComparatorPosition.Of(70, Five, Polarity.Down).PercentileRank);
        Assert.Equal(1, ComparatorPosition.Of(70, Five, Polarity.Up).Level);
    }

    [Fact]
    public void Best_and_worst_of_the_set_are_100_and_0()
    {
        Assert.Equal(100, ComparatorPosition.Of(95, Five, Polarity.Up).PercentileRank);
        Assert.Equal(0, ComparatorPosition.Of(95, Five, Polarity.Down).PercentileRank);
    }

    [Fact]
    public void A_neutral_measure_ranks_by_the_share_with_a_lower_figure()
    {
        Assert.Equal(40, ComparatorPosition.Of(62, Five, Polarity.Neutral).PercentileRank);
    }

    [Fact]
    public void Missing_comparator_figures_are_left_out_not_counted_as_zero()
    {
        double?[] withGaps = [50, null, 60, 70, null, 80, 90, double.NaN];

        var p = ComparatorPosition.Of(62, withGaps, Polarity.Up);

        Assert.Equal(5, p.Published);
        Assert.Equal(3, p.NotPublished);
        Assert.Equal(40, p.PercentileRank);
        Assert.Equal(70, p.Median);
    }

    [Fact]
    public void A_school_whose_own_figure_is_missing_is_not_ranked_but_the_comparators_are_still_summarised()
    {
        var p = ComparatorPosition.Of(null, Five, Polarity.Up);

        Assert.Null(p.PercentileRank);
        Assert.False(p.IsRanked);
        Assert.Null(p.Better);
        Assert.Equal(70, p.Median);
    }

    [Fact]
    public void Too_few_published_comparators_give_no_rank()
    {
        double?[] four = [50, 60, 70, 80, null, null];

        Assert.Null(ComparatorPosition.Of(62, four, Polarity.Up).PercentileRank);
        Assert.Equal(65, ComparatorPosition.Of(62, four, Polarity.Up).Median);
        Assert.Equal(50, ComparatorPosition.Of(62, four, Polarity.Up, minimumToRank: 4).PercentileRank);
    }

    [Fact]
    public void No_published_comparator_gives_no_median()
    {
        var p = ComparatorPosition.Of(62, [null, null], Polarity.Up);

        Assert.Equal(0, p.Published);
        Assert.Equal(2, p.NotPublished);
        Assert.Null(p.Median);
        Assert.Null(p.PercentileRank);
    }
}
