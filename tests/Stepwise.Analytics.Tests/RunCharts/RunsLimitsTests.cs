using Stepwise.Analytics.RunCharts;

namespace Stepwise.Analytics.Tests.RunCharts;

/// <summary>Exact runs limits from the runs distribution (methods.md §4.2), computed rather than hard-coded.</summary>
public class RunsLimitsTests
{
    // The N → (L, U) table printed in methods.md §4.2.
    public static TheoryData<int, int, int> MethodsTable => new()
    {
        { 10, 3, 9 }, { 11, 4, 9 }, { 12, 4, 10 }, { 13, 4, 11 }, { 14, 4, 12 }, { 15, 5, 12 }, { 16, 5, 13 },
        { 17, 6, 13 }, { 18, 6, 14 }, { 19, 6, 15 }, { 20, 7, 15 }, { 21, 7, 16 }, { 22, 8, 16 }, { 23, 8, 17 },
        { 24, 8, 18 }, { 25, 9, 18 }, { 26, 9, 19 }, { 27, 10, 19 }, { 28, 10, 20 }, { 29, 10, 21 }, { 30, 11, 21 },
    };

    [Theory]
    [MemberData(nameof(MethodsTable))]
    public void Computed_limits_match_the_methods_table(int n, int lower, int upper)
    {
        Assert.Equal((lower, upper), RunsLimits.For(n));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(17)]
    [InlineData(40)]
    [InlineData(101)]
    public void The_runs_distribution_sums_to_one_and_each_tail_is_within_two_and_a_half_percent(int n)
    {
        var pmf = RunsLimits.Distribution(n);
        var (lower, upper) = RunsLimits.For(n)!.Value;

        Assert.Equal(1.0, pmf.Sum(), 12);
        Assert.True(pmf.Take(lower).Sum() <= 0.025);
        Assert.True(pmf.Take(lower + 1).Sum() > 0.025);
        Assert.True(pmf.Skip(upper + 1).Sum() <= 0.025);
        Assert.True(pmf.Skip(upper).Sum() > 0.025);
    }

    [Fact]
    public void Small_cases_match_hand_counts()
    {
        // N = 10, n1 = n2 = 5: C(10,5) = 252 arrangements, 2 with 2 runs, 8 with 3 runs.
        var pmf = RunsLimits.Distribution(10);
        Assert.Equal(2.0 / 252, pmf[2], 15);
        Assert.Equal(8.0 / 252, pmf[3], 15);
        Assert.Equal(2.0 / 252, pmf[10], 15);
    }

    [Fact]
    public void Has_no_limits_below_two_observations()
    {
        Assert.Null(RunsLimits.For(0));
        Assert.Null(RunsLimits.For(1));
    }
}
