using Stepwise.Analytics.Surveys;

namespace Stepwise.Analytics.Tests.Surveys;

/// <summary>Percentage favourable and mean score (methods.md §5).</summary>
public class FavourabilityTests
{
    [Fact]
    public void Edurio_example_gives_68_percent_positive()
    {
        // 284 responses, 10 "not applicable"; 76 and 111 in the top two options: (76 + 111) / (284 − 10).
        var result = Favourability.FromCounts([20, 30, 37, 76, 111], excluded: 10);

        Assert.Equal(284, result.N + result.Excluded);
        Assert.Equal(187, result.Favourable);
        Assert.Equal(100.0 * 187 / 274, result.PercentFavourable!.Value, 12);
        Assert.Equal(68, Math.Round(result.PercentFavourable!.Value));
    }

    [Fact]
    public void Excludes_dont_know_from_the_denominator_and_counts_the_top_two_of_five()
    {
        var result = Favourability.Summarise([5, 4, 3, 2, 1, null, null, 4]);

        Assert.Equal(6, result.N);
        Assert.Equal(2, result.Excluded);
        Assert.Equal(3, result.Favourable);
        Assert.Equal(50.0, result.PercentFavourable);
        Assert.Equal(19.0 / 6, result.Mean!.Value, 12);
    }

    [Fact]
    public void Reverse_scores_negatively_worded_items()
    {
        // "I often feel overwhelmed": strongly disagree (1) is favourable.
        var result = Favourability.Summarise([1, 1, 2, 5], reverseScored: true);

        Assert.Equal([1, 0, 0, 1, 2], result.Counts);
        Assert.Equal(75.0, result.PercentFavourable);
        // Reversed answers 5, 5, 4, 1.
        Assert.Equal(15.0 / 4, result.Mean!.Value, 12);
        Assert.Equal(result.Counts, Favourability.FromCounts([2, 1, 0, 0, 1], reverseScored: true).Counts);
    }

    /// <summary>Issue 17 defect 4: a chart of a reverse-scored item must show what people picked, not the reversed counts.</summary>
    [Fact]
    public void A_reverse_scored_item_still_gives_the_answers_as_people_picked_them()
    {
        var result = Favourability.Summarise([1, 1, 2, 5], reverseScored: true);
        Assert.Equal([2, 1, 0, 0, 1], result.AsAnswered);
        Assert.Equal([2, 1, 0, 0, 1], Favourability.FromCounts([2, 1, 0, 0, 1], reverseScored: true).AsAnswered);
        var plain = Favourability.Summarise([1, 1, 2, 5]);
        Assert.Equal(plain.Counts, plain.AsAnswered);
    }

    [Fact]
    public void Pools_a_scale_by_adding_counts()
    {
        var a = Favourability.Summarise([5, 5, 1, 1]);
        var b = Favourability.Summarise([4, 3, 2, 2, 2, 2]);
        var scale = Favourability.Pool([a, b]);

        Assert.Equal(10, scale.N);
        Assert.Equal(30.0, scale.PercentFavourable);
    }

    [Fact]
    public void Has_no_percentage_without_valid_answers()
    {
        var result = Favourability.Summarise([null, null]);

        Assert.Null(result.PercentFavourable);
        Assert.Null(result.Mean);
    }

    [Fact]
    public void Rejects_answers_off_the_scale()
    {
        Assert.Throws<ArgumentException>(() => Favourability.Summarise([6]));
        Assert.Throws<ArgumentException>(() => Favourability.Summarise([0]));
    }

    [Fact]
    public void Supports_a_seven_point_scale_with_the_top_three_favourable()
    {
        var result = Favourability.Summarise([7, 6, 5, 4, 3], new LikertScale(7, 3));

        Assert.Equal(60.0, result.PercentFavourable);
    }
}
