using Stepwise.Features.Coaching;

namespace Stepwise.Tests.Features.Coaching;

/// <summary>Where a step stands against its check-back day, and when a pair is active: pure rules.</summary>
public sealed class CoachingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 16);

    [Theory]
    [InlineData(8, StepDue.NotDue)]
    [InlineData(7, StepDue.DueSoon)]
    [InlineData(0, StepDue.DueSoon)]
    [InlineData(-1, StepDue.Overdue)]
    public void A_working_step_is_due_soon_from_seven_days_before_its_check_back_and_overdue_the_day_after(int days, StepDue expected) =>
        Assert.Equal(expected, CoachingRules.Due(CoachingStepStatus.Working, Today.AddDays(days), Today));

    [Theory]
    [InlineData(CoachingStepStatus.Secure)]
    [InlineData(CoachingStepStatus.SetAside)]
    public void A_secured_or_set_aside_step_is_never_due(CoachingStepStatus status) =>
        Assert.Equal(StepDue.Closed, CoachingRules.Due(status, Today.AddDays(-30), Today));

    [Fact]
    public void A_pair_is_active_from_its_start_and_no_longer_on_the_day_it_ends()
    {
        Assert.True(CoachingRules.IsActive(Today, null, Today));
        Assert.False(CoachingRules.IsActive(Today.AddDays(1), null, Today));
        Assert.True(CoachingRules.IsActive(Today.AddDays(-5), Today.AddDays(1), Today));
        Assert.False(CoachingRules.IsActive(Today.AddDays(-5), Today, Today));
    }

    [Fact]
    public void The_minimum_for_counts_is_three_pairs() => Assert.Equal(3, CoachingRules.MinimumPairsForCounts);
}
