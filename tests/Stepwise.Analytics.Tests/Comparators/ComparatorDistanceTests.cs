using Stepwise.Analytics.Comparators;

namespace Stepwise.Analytics.Tests.Comparators;

/// <summary>The DfE FBIT distance vectors (methods.md §3.2, from the DfE repository's unit tests).</summary>
public class ComparatorDistanceTests
{
    [Fact]
    public void Squared_normalised_differences_of_0_5_10_match_the_FBIT_vector()
    {
        double[][] expected = [[0, 0.25, 1], [0.25, 0, 0.25], [1, 0.25, 0]];

        Assert.Equal(expected, ComparatorSets.SquaredNormalisedDifferences([0, 5, 10]));
    }

    [Fact]
    public void A_variable_with_zero_range_contributes_nothing()
    {
        Assert.All(ComparatorSets.SquaredNormalisedDifferences([4, 4, 4]), row => Assert.All(row, d => Assert.Equal(0, d)));
    }

    [Fact]
    public void Three_school_pupil_distance_matrix_matches_the_FBIT_vector()
    {
        ComparatorSchool[] phase =
        [
            new("1") { Pupils = 100, FsmPercent = 20, SenPercent = 5 },
            new("2") { Pupils = 200, FsmPercent = 40, SenPercent = 10 },
            new("3") { Pupils = 300, FsmPercent = 60, SenPercent = 15 },
        ];
        double[][] expected = [[0, 0.5, 1], [0.5, 0, 0.5], [1, 0.5, 0]];

        var actual = ComparatorSets.DistanceMatrix(phase);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(expected[i][j], actual[i][j], 12);
            }
        }
    }

    [Fact]
    public void Special_school_two_school_distance_is_4_16227766()
    {
        ComparatorSchool[] phase =
        [
            new("1") { Pupils = 100, FsmPercent = 10, PrimaryNeedPercents = [.. Enumerable.Range(1, 10).Select(i => (double?)i)] },
            new("2") { Pupils = 200, FsmPercent = 20, PrimaryNeedPercents = [.. Enumerable.Range(2, 10).Select(i => (double?)i)] },
        ];

        var d = ComparatorSets.DistanceMatrix(phase, ComparatorOptions.Special);

        Assert.Equal(4.16227766, d[0][1], 8);
        Assert.Equal(1 + Math.Sqrt(10), d[1][0], 12);
        Assert.Equal(0, d[0][0]);
    }

    [Fact]
    public void Weights_are_configurable()
    {
        ComparatorSchool[] phase =
        [
            new("1") { Pupils = 100, FsmPercent = 20, SenPercent = 5 },
            new("2") { Pupils = 200, FsmPercent = 60, SenPercent = 10 },
            new("3") { Pupils = 300, FsmPercent = 40, SenPercent = 15 },
        ];
        var pupilsOnly = new ComparatorOptions { Weights = new ComparatorWeights(1, 0, 0) };
        var fsmOnly = new ComparatorOptions { Weights = new ComparatorWeights(0, 1, 0) };

        Assert.Equal(0.5, ComparatorSets.DistanceMatrix(phase, pupilsOnly)[0][1], 12);
        Assert.Equal(1.0, ComparatorSets.DistanceMatrix(phase, fsmOnly)[0][1], 12);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ComparatorSets.DistanceMatrix(phase, new ComparatorOptions { Weights = new ComparatorWeights(0, 0, 0) }));
    }

    [Fact]
    public void Missing_inputs_take_the_phase_median()
    {
        ComparatorSchool[] withGap =
        [
            new("1") { Pupils = 100, FsmPercent = 10, SenPercent = 5 },
            new("2") { Pupils = 200, FsmPercent = null, SenPercent = 10 },
            new("3") { Pupils = 300, FsmPercent = 50, SenPercent = null },
            new("4") { Pupils = null, FsmPercent = 20, SenPercent = 20 },
        ];

        // Medians of the values present: pupils 200, FSM 20, SEN 10.
        ComparatorSchool[] filled =
        [
            new("1") { Pupils = 100, FsmPercent = 10, SenPercent = 5 },
            new("2") { Pupils = 200, FsmPercent = 20, SenPercent = 10 },
            new("3") { Pupils = 300, FsmPercent = 50, SenPercent = 10 },
            new("4") { Pupils = 200, FsmPercent = 20, SenPercent = 20 },
        ];

        Assert.Equal(ComparatorSets.DistanceMatrix(filled), ComparatorSets.DistanceMatrix(withGap));
    }
}
