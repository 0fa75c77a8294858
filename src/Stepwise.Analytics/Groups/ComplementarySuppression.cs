namespace Stepwise.Analytics.Groups;

/// <summary>
/// Pupils who are in exactly the same groups, counted together: one cell of the school's cross-tabulation
/// ("girls, disadvantaged, no SEN, Year 4": 3 pupils). Every figure shown for a group is a sum over its cells.
/// </summary>
public sealed record GroupCell(IReadOnlyList<string> Groups, int Pupils);

/// <summary>
/// Which groups' figures are hidden: <see cref="Small"/>, those of fewer than the smallest group shown, and
/// <see cref="Withheld"/>, larger groups hidden as well so that no small group can be worked out from what is shown.
/// </summary>
public sealed record GroupSuppression(IReadOnlySet<string> Small, IReadOnlySet<string> Withheld)
{
    /// <summary>Whether the group's figure and count must not be shown.</summary>
    public bool IsHidden(string group) => Small.Contains(group) || Withheld.Contains(group);

    /// <summary>Nothing hidden.</summary>
    public static readonly GroupSuppression None = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// Complementary (secondary) suppression of pupil-group figures. A group of fewer than
/// <see cref="SmallestGroup"/> pupils is hidden; then, as long as a hidden group's membership can be written as a sum
/// and difference of the groups still shown (girls = all pupils − boys; Year 1 = all − Year 2 − Year 3; over
/// overlapping partitions, SEN − disadvantaged when one lies inside the other), one of those shown groups is hidden
/// too: a group of the hidden group's own partition first (its complement, or the smallest other group), the smallest
/// first. Every figure Stepwise shows for a group (a count, a sum of sessions, a number of persistently absent pupils)
/// is a sum over the group's pupils, so a hidden group whose membership is outside the span of the shown groups'
/// memberships cannot be recovered from shown counts, rates weighted by pupils or sessions, or their differences.
/// </summary>
/// <remarks>
/// The span is decided over the cells (pupils in the same groups), in arithmetic modulo the prime 2^61 − 1: every
/// minor of a 0/1 matrix of up to 35 groups is smaller than that prime, so the answer is the exact rational one
/// (see ADR 0073). A school has at most 24 groups.
/// </remarks>
public static class ComplementarySuppression
{
    /// <summary>Groups of fewer pupils than this show no figure and no count.</summary>
    public const int SmallestGroup = 5;

    /// <summary>The most groups the modular arithmetic is exact for.</summary>
    public const int MostGroups = 35;

    private const ulong Prime = (1UL << 61) - 1;

    /// <summary>
    /// Decides which groups to hide. <paramref name="partitionOf"/> names the partition a group belongs to (all the
    /// groups of one characteristic: "sex" for girls and boys, "year" for the year groups); a group that is in every
    /// cell (all pupils) is hidden only when it is itself small.
    /// </summary>
    /// <exception cref="ArgumentException">More than <see cref="MostGroups"/> groups, or a negative count.</exception>
    public static GroupSuppression Decide(IReadOnlyList<GroupCell> cells, Func<string, string> partitionOf, int smallest = SmallestGroup)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            if (cell.Pupils < 0)
            {
                throw new ArgumentException($"A cell cannot have {cell.Pupils} pupils.", nameof(cells));
            }
            foreach (var group in cell.Groups)
            {
                counts[group] = counts.GetValueOrDefault(group) + cell.Pupils;
            }
        }
        var small = counts.Where(c => c.Value < smallest).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var withheld = new HashSet<string>(StringComparer.Ordinal);
        if (small.Count == 0)
        {
            return new GroupSuppression(small, withheld);
        }
        // Cells in the same groups are one column: a caller may pass a cell per pupil.
        var cellsWithPupils = cells.Where(c => c.Pupils > 0).DistinctBy(c => string.Join('\u001f', c.Groups.Order(StringComparer.Ordinal))).ToList();
        if (counts.Count > MostGroups)
        {
            throw new ArgumentException($"{counts.Count} groups: complementary suppression is exact for at most {MostGroups}.", nameof(cells));
        }

        var names = counts.Keys.Order(StringComparer.Ordinal).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var vectors = names.Select(_ => new ulong[cellsWithPupils.Count]).ToArray();
        for (var c = 0; c < cellsWithPupils.Count; c++)
        {
            foreach (var group in cellsWithPupils[c].Groups)
            {
                vectors[index[group]][c] = 1;
            }
        }

        while (true)
        {
            var shown = names.Where(n => !small.Contains(n) && !withheld.Contains(n)).Select(n => index[n]).ToList();
            var basis = new Basis(shown, vectors, names.Count);
            // A hidden group with no pupils has nothing to give away (and its empty membership is a sum of nothing).
            var exposed = names.Where(n => (small.Contains(n) || withheld.Contains(n)) && counts[n] > 0)
                .OrderBy(n => counts[n]).ThenBy(n => n, StringComparer.Ordinal)
                .Select(n => (Name: n, Through: basis.Represent(vectors[index[n]])))
                .FirstOrDefault(x => x.Through is not null);
            if (exposed.Through is null)
            {
                return new GroupSuppression(small, withheld);
            }
            var partition = partitionOf(exposed.Name);
            var next = exposed.Through.Select(i => names[i])
                .OrderBy(n => partitionOf(n) == partition ? 0 : 1)
                .ThenBy(n => counts[n]).ThenBy(n => n, StringComparer.Ordinal)
                .First();
            withheld.Add(next);
        }
    }

    /// <summary>Row echelon form of the shown groups' memberships, each row remembering which groups it is a combination of.</summary>
    private sealed class Basis
    {
        private readonly List<(int Pivot, ulong[] Row, ulong[] Of)> _rows = [];
        private readonly int _groups;

        public Basis(IEnumerable<int> groups, ulong[][] vectors, int count)
        {
            _groups = count;
            foreach (var g in groups)
            {
                var of = new ulong[count];
                of[g] = 1;
                var (row, combination) = Reduce((ulong[])vectors[g].Clone(), of);
                var pivot = Array.FindIndex(row, v => v != 0);
                if (pivot < 0)
                {
                    continue;
                }
                var inverse = Inverse(row[pivot]);
                Scale(row, inverse);
                Scale(combination, inverse);
                _rows.Add((pivot, row, combination));
            }
        }

        /// <summary>The groups a vector is a combination of (those with a coefficient other than 0), or null when it is outside the span.</summary>
        public IReadOnlyList<int>? Represent(ulong[] vector)
        {
            var (rest, combination) = Reduce((ulong[])vector.Clone(), new ulong[_groups]);
            if (rest.Any(v => v != 0))
            {
                return null;
            }
            // vector − Σ rows = 0, so vector = Σ (−combination) of the original groups: the groups with a non-zero coefficient.
            return Enumerable.Range(0, _groups).Where(g => combination[g] != 0).ToList();
        }

        private (ulong[] Row, ulong[] Of) Reduce(ulong[] row, ulong[] of)
        {
            foreach (var (pivot, basisRow, basisOf) in _rows)
            {
                var factor = row[pivot];
                if (factor == 0)
                {
                    continue;
                }
                SubtractMultiple(row, basisRow, factor);
                SubtractMultiple(of, basisOf, factor);
            }
            return (row, of);
        }
    }

    private static void SubtractMultiple(ulong[] target, ulong[] row, ulong factor)
    {
        for (var i = 0; i < target.Length; i++)
        {
            if (row[i] != 0)
            {
                target[i] = Sub(target[i], Mul(row[i], factor));
            }
        }
    }

    private static void Scale(ulong[] row, ulong factor)
    {
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = Mul(row[i], factor);
        }
    }

    private static ulong Mul(ulong a, ulong b) => (ulong)((UInt128)a * b % Prime);

    private static ulong Sub(ulong a, ulong b) => a >= b ? a - b : a + Prime - b;

    private static ulong Inverse(ulong a)
    {
        // Fermat: a^(p−2) mod p.
        var (result, power, exponent) = (1UL, a, Prime - 2);
        while (exponent > 0)
        {
            if ((exponent & 1) == 1)
            {
                result = Mul(result, power);
            }
            power = Mul(power, power);
            exponent >>= 1;
        }
        return result;
    }
}
