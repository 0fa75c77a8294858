using Stepwise.Analytics.Comparators;

namespace Stepwise.Analytics.Tests.Comparators;

/// <summary>
/// Sets for every school of a large generated phase are whole and well-formed. How fast that is belongs in a
/// benchmark (issue 8), not in a timed test.
/// </summary>
public class ComparatorWholePhaseTests
{
    [Fact]
    public void Builds_a_valid_set_for_every_school_of_a_large_phase()
    {
        var phase = ComparatorSelectionTests.RandomPhase(3_000, seed: 2019);
        var sets = ComparatorSets.BuildAll(phase);
        Assert.Equal(phase.Length, sets.Length);
        for (var i = 0; i < sets.Length; i++)
        {
            var members = sets[i].Members;
            Assert.Equal(30, members.Count);
            Assert.Equal(i, members[0].Index);
            Assert.Equal(0, members[0].Distance);
            Assert.Equal(30, members.Select(m => m.Index).Distinct().Count());
        }
    }
}
