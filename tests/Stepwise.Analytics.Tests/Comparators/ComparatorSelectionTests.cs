using Stepwise.Analytics.Comparators;

namespace Stepwise.Analytics.Tests.Comparators;

/// <summary>Selecting the set: 60 nearest, same region (and PFI/boarding) preferred, 30 including the school.</summary>
public class ComparatorSelectionTests
{
    // School i has 100 + i pupils and the same FSM and SEN: school 0's nearest are 1, 2, 3, … in order.
    private static ComparatorSchool[] Line(int count, Func<int, string> region, Func<int, bool>? pfi = null) =>
        [.. Enumerable.Range(0, count).Select(i => new ComparatorSchool($"U{i}")
        {
            Pupils = 100 + i,
            FsmPercent = 20,
            SenPercent = 10,
            Region = region(i),
            Pfi = pfi?.Invoke(i),
        })];

    private static int[] Indices(ComparatorSet set) => [.. set.Members.Select(m => m.Index)];

    [Fact]
    public void Starts_with_the_school_at_distance_zero_and_has_30_distinct_members()
    {
        var set = ComparatorSets.BuildFor(Line(100, _ => "North West"), 0);

        Assert.Equal("U0", set.Urn);
        Assert.Equal(new Comparator("U0", 0, 0), set.Members[0]);
        Assert.Equal(Enumerable.Range(0, 30), Indices(set));
        Assert.Equal(30, set.Members.Select(m => m.Urn).Distinct().Count());
    }

    [Fact]
    public void Prefers_the_same_region_among_the_60_nearest_then_tops_up_with_the_nearest_others()
    {
        // Region A: every third school. Within the 60 nearest (1…60) that is 3, 6, …, 60 — twenty schools; A-schools
        // beyond the 60 nearest (63, 66, …) are not used; the top-up is the nearest of the rest: 1, 2, 4, 5, ….
        var set = ComparatorSets.BuildFor(Line(100, i => i % 3 == 0 ? "A" : "B"), 0);

        int[] expected = [0, .. Enumerable.Range(1, 20).Select(k => 3 * k), 1, 2, 4, 5, 7, 8, 10, 11, 13];
        Assert.Equal(expected, Indices(set));
    }

    [Fact]
    public void Cuts_to_30_when_the_same_region_fills_the_set()
    {
        var set = ComparatorSets.BuildFor(Line(100, i => i % 2 == 0 ? "A" : "B"), 0);

        Assert.Equal([0, .. Enumerable.Range(1, 29).Select(k => 2 * k)], Indices(set));
    }

    [Fact]
    public void A_PFI_school_takes_PFI_comparators_first_without_duplicating_them()
    {
        // Schools 50 and 55 are PFI; 55 is also in region A, and must appear once.
        var set = ComparatorSets.BuildFor(Line(100, i => i % 5 == 0 ? "A" : "B", i => i is 0 or 50 or 55), 0);

        Assert.Equal([0, 50, 55, 5, 10, 15], Indices(set).Take(6));
        Assert.Equal(30, Indices(set).Distinct().Count());
    }

    [Fact]
    public void A_school_that_is_PFI_boarding_and_in_the_region_is_listed_once()
    {
        // The target is PFI and boarding; school 40 is PFI, boarding and in region A, so FBIT would append it three
        // times. Boarding school 45 comes after the PFI ones, then region A (every fifth school).
        var phase = Line(100, i => i % 5 == 0 ? "A" : "B", i => i is 0 or 40);
        phase[0] = phase[0] with { Boarding = true };
        phase[40] = phase[40] with { Boarding = true };
        phase[45] = phase[45] with { Boarding = true };

        var set = ComparatorSets.BuildFor(phase, 0);

        Assert.Equal([0, 40, 45, 5, 10, 15], Indices(set).Take(6));
        Assert.Single(Indices(set), 40);
        Assert.Equal(30, Indices(set).Distinct().Count());
    }

    [Fact]
    public void Leaves_out_schools_that_cannot_be_comparators()
    {
        var phase = Line(40, _ => "A");
        phase[1] = phase[1] with { CanBeComparator = false };
        var set = ComparatorSets.BuildFor(phase, 0);

        Assert.DoesNotContain(1, Indices(set));
        Assert.Equal(30, set.Members.Count);

        // It still gets a set of its own.
        Assert.Equal(30, ComparatorSets.BuildFor(phase, 1).Members.Count);
    }

    [Fact]
    public void A_small_phase_gives_a_smaller_set_and_a_lone_school_gets_none()
    {
        Assert.Equal([2, 1, 3, 0, 4], Indices(ComparatorSets.BuildFor(Line(5, _ => "A"), 2)));
        Assert.Empty(ComparatorSets.BuildFor(Line(1, _ => "A"), 0).Members);
    }

    [Fact]
    public void Ties_keep_the_input_order()
    {
        var phase = Enumerable.Range(0, 50).Select(i => new ComparatorSchool($"U{i}") { Pupils = 100, FsmPercent = 10, SenPercent = 5 }).ToArray();

        Assert.Equal(Enumerable.Range(0, 31).Where(i => i != 7).Prepend(7).Take(30), Indices(ComparatorSets.BuildFor(phase, 7)));
    }

    [Fact]
    public void Building_all_sets_matches_building_each_one()
    {
        var phase = RandomPhase(300, seed: 11);
        var all = ComparatorSets.BuildAll(phase);

        for (var i = 0; i < phase.Length; i += 7)
        {
            Assert.Equal(ComparatorSets.BuildFor(phase, i).Members, all[i].Members);
        }
    }

    internal static ComparatorSchool[] RandomPhase(int count, int seed)
    {
        var random = new Random(seed);
        string[] regions = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"];
        return [.. Enumerable.Range(0, count).Select(i => new ComparatorSchool((100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Pupils = random.NextDouble() < 0.01 ? null : random.Next(20, 900),
            FsmPercent = random.NextDouble() < 0.01 ? null : Math.Round(random.NextDouble() * 60, 1),
            SenPercent = Math.Round(random.NextDouble() * 30, 1),
            Region = regions[random.Next(regions.Length)],
            Pfi = random.NextDouble() < 0.05,
            Boarding = random.NextDouble() < 0.01,
            CanBeComparator = random.NextDouble() > 0.01,
        })];
    }
}
