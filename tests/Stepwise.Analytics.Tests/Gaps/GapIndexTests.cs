using Stepwise.Analytics.Gaps;

namespace Stepwise.Analytics.Tests.Gaps;

/// <summary>The DfE disadvantage gap index (methods.md §1.1) and its properties.</summary>
public class GapIndexTests
{
    private static readonly double[] Scores = [110, 108, 105, 104, 100, 100, 98, 95, 92, 90];

    // Disadvantaged: 105, the second 100, 95 and 90.
    private static readonly bool[] Disadvantaged = [false, false, true, false, false, true, false, true, false, true];

    [Fact]
    public void Methods_vector_gives_mean_ranks_4_375_and_6_25_and_a_gap_of_3_75()
    {
        var result = GapIndex.Compute(Scores, Disadvantaged);

        Assert.Equal(10, result.N);
        Assert.Equal(4, result.NDisadvantaged);
        Assert.Equal(4.375, result.MeanRankGroup!.Value, 12);
        Assert.Equal(6.25, result.MeanRankOthers!.Value, 12);
        Assert.Equal(3.75, result.Index!.Value, 12);
    }

    [Fact]
    public void All_disadvantaged_at_the_bottom_gives_10()
    {
        double[] scores = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        bool[] flags = [true, true, true, true, false, false, false, false, false, false];

        Assert.Equal(10.0, GapIndex.Compute(scores, flags).Index!.Value, 12);
    }

    [Fact]
    public void Uses_mid_ranks_for_ties()
    {
        Assert.Equal([10, 9, 8, 7, 5.5, 5.5, 4, 3, 2, 1], MidRanks.Compute(Scores));
        Assert.Equal([2, 2, 2], MidRanks.Compute([7, 7, 7]));
    }

    [Fact]
    public void Is_unchanged_by_any_increasing_transform_of_the_scores()
    {
        var random = new Random(20240501);
        Func<double, double>[] transforms = [x => Math.Exp(x / 20), x => x * x * x, x => 3 * x - 7, x => Math.Atan(x / 50)];
        for (var trial = 0; trial < 50; trial++)
        {
            var n = random.Next(2, 60);
            var scores = Enumerable.Range(0, n).Select(_ => (double)random.Next(80, 121)).ToArray();
            var flags = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3).ToArray();
            flags[0] = true;
            flags[1] = false;
            var original = GapIndex.Compute(scores, flags).Index!.Value;

            foreach (var f in transforms)
            {
                var transformed = GapIndex.Compute(scores.Select(f).ToArray(), flags).Index!.Value;
                Assert.Equal(original, transformed, 12);
            }
        }
    }

    [Fact]
    public void Changes_sign_when_the_groups_swap()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var n = random.Next(2, 60);
            var scores = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 40, 1)).ToArray();
            var flags = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4).ToArray();
            flags[0] = true;
            flags[1] = false;

            var gap = GapIndex.Compute(scores, flags).Index!.Value;
            var swapped = GapIndex.Compute(scores, flags.Select(f => !f).ToArray()).Index!.Value;
            Assert.Equal(-gap, swapped, 12);
        }
    }

    [Fact]
    public void Does_not_depend_on_the_order_of_pupils_with_equal_scores()
    {
        // With ordinal ranks, which tied pupil came first would change the answer; mid-ranks make it irrelevant.
        var random = new Random(3);
        var baseline = GapIndex.Compute(Scores, Disadvantaged).Index!.Value;
        for (var trial = 0; trial < 20; trial++)
        {
            var order = Enumerable.Range(0, Scores.Length).OrderBy(_ => random.Next()).ToArray();
            var shuffled = GapIndex.Compute(order.Select(i => Scores[i]).ToArray(), order.Select(i => Disadvantaged[i]).ToArray());
            Assert.Equal(baseline, shuffled.Index!.Value, 12);
        }
    }

    [Fact]
    public void Is_undefined_when_one_group_is_empty()
    {
        Assert.Null(GapIndex.Compute([1, 2, 3], [false, false, false]).Index);
        Assert.Null(GapIndex.Compute([1, 2, 3], [true, true, true]).Index);
        Assert.Null(GapIndex.Compute([], []).Index);
    }

    [Fact]
    public void Rejects_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => GapIndex.Compute([1, 2, 3], [true, false]));
    }
}
