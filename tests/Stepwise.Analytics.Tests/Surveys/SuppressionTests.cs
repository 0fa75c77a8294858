using Stepwise.Analytics.Surveys;

namespace Stepwise.Analytics.Tests.Surveys;

/// <summary>Small-group protection: minimum n, free text, and secondary suppression (methods.md §5; issue 7).</summary>
public class SuppressionTests
{
    [Fact]
    public void Shows_no_figure_from_fewer_than_five_respondents_by_default()
    {
        Assert.False(SuppressionPolicy.Default.CanShowFigure(4));
        Assert.True(SuppressionPolicy.Default.CanShowFigure(5));
    }

    [Fact]
    public void A_trust_may_lower_the_minimum_to_three_but_no_further()
    {
        Assert.True(new SuppressionPolicy(minimumRespondents: 3).CanShowFigure(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuppressionPolicy(minimumRespondents: 2));
    }

    [Fact]
    public void Shows_free_text_only_from_ten_respondents_and_never_in_breakdowns()
    {
        Assert.False(SuppressionPolicy.Default.CanShowFreeText(9, isBreakdown: false));
        Assert.True(SuppressionPolicy.Default.CanShowFreeText(10, isBreakdown: false));
        Assert.False(SuppressionPolicy.Default.CanShowFreeText(200, isBreakdown: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuppressionPolicy(freeTextMinimum: 9));
    }

    [Fact]
    public void When_one_group_is_suppressed_the_next_smallest_is_suppressed_too()
    {
        // Year groups of a 61-respondent total: year 7 has 4. Showing the others would reveal year 7 by subtraction.
        int[] groups = [4, 20, 12, 25];
        var result = SuppressionPolicy.Default.SuppressPartition(groups);

        Assert.Equal(
            [SuppressionReason.TooFewRespondents, SuppressionReason.Shown, SuppressionReason.Complementary, SuppressionReason.Shown],
            result);

        // Nothing hidden can now be derived: the total minus the shown groups leaves two groups together.
        var derivable = groups.Sum() - groups.Where((_, i) => result[i] == SuppressionReason.Shown).Sum();
        Assert.Equal(4 + 12, derivable);
    }

    [Fact]
    public void Two_suppressed_groups_already_protect_each_other()
    {
        Assert.Equal(
            [SuppressionReason.TooFewRespondents, SuppressionReason.Shown, SuppressionReason.TooFewRespondents],
            SuppressionPolicy.Default.SuppressPartition([3, 30, 2]));
    }

    [Fact]
    public void Two_tiny_groups_that_together_fall_below_the_minimum_are_protected_by_hiding_another()
    {
        // Year 7: 10, Year 8: 1, Year 9: 1. Showing Year 7 and the total of 12 would reveal the two others' answers together.
        Assert.Equal(
            [SuppressionReason.Complementary, SuppressionReason.TooFewRespondents, SuppressionReason.TooFewRespondents],
            SuppressionPolicy.Default.SuppressPartition([10, 1, 1]));
        // The smallest shown group is the one hidden with them.
        Assert.Equal(
            [SuppressionReason.Shown, SuppressionReason.TooFewRespondents, SuppressionReason.TooFewRespondents, SuppressionReason.Shown, SuppressionReason.Complementary],
            SuppressionPolicy.Default.SuppressPartition([40, 1, 1, 7, 6]));
    }

    [Fact]
    public void Picks_the_first_of_equally_small_groups_and_ignores_empty_ones()
    {
        Assert.Equal(
            [SuppressionReason.Shown, SuppressionReason.Complementary, SuppressionReason.Shown, SuppressionReason.TooFewRespondents, SuppressionReason.NoRespondents],
            SuppressionPolicy.Default.SuppressPartition([9, 6, 6, 1, 0]));
        Assert.All(SuppressionPolicy.Default.SuppressPartition([9, 0, 6]), r => Assert.NotEqual(SuppressionReason.Complementary, r));
    }

    [Fact]
    public void Shows_every_group_when_none_is_small()
    {
        Assert.All(SuppressionPolicy.Default.SuppressPartition([5, 6, 40]), r => Assert.Equal(SuppressionReason.Shown, r));
    }
}
