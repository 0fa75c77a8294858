namespace Stepwise.Analytics.Comparators;

/// <summary>
/// Similar-school comparator sets: a port of the DfE Financial Benchmarking and Insights Tool pupil comparator set
/// (<c>comparator_sets/calculations.py</c>, methods.md §3.2). Call it with the schools of one phase. Per variable the
/// squared normalised difference is (|xᵢ − xⱼ| / range)², range = max − min over the phase (a zero range gives 0).
/// Sets are computed per target with a partial selection of the nearest schools — no n × n matrix is held — and
/// <see cref="BuildAll"/> runs targets in parallel.
/// </summary>
public static class ComparatorSets
{
    /// <summary>The ten primary-need percentages of the special-school distance, in order.</summary>
    public static IReadOnlyList<string> PrimaryNeeds { get; } = ["SPLD", "MLD", "PMLD", "SEMH", "SLCN", "HI", "MSI", "PD", "ASD", "OTH"];

    /// <summary>
    /// The matrix of (|xᵢ − xⱼ| / range)² for one variable (FBIT <c>_delta_range_ratio_squared</c>); all zeros when
    /// the range is zero. O(n²): for tests and diagnostics.
    /// </summary>
    public static double[][] SquaredNormalisedDifferences(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var range = n == 0 ? 0 : Max(values) - Min(values);
        var result = new double[n][];
        for (var i = 0; i < n; i++)
        {
            result[i] = new double[n];
            for (var j = 0; j < n; j++)
            {
                result[i][j] = range > 0 ? Math.Pow(Math.Abs(values[i] - values[j]) / range, 2) : 0;
            }
        }

        return result;
    }

    /// <summary>The full distance matrix of a phase. O(n²) memory: for tests and small phases only.</summary>
    public static double[][] DistanceMatrix(IReadOnlyList<ComparatorSchool> phase, ComparatorOptions? options = null)
    {
        var model = new PhaseModel(phase, options ?? ComparatorOptions.Default);
        var n = phase.Count;
        var result = new double[n][];
        for (var i = 0; i < n; i++)
        {
            result[i] = new double[n];
            for (var j = 0; j < n; j++)
            {
                result[i][j] = model.Distance(i, j);
            }
        }

        return result;
    }

    /// <summary>The comparator set of the school at <paramref name="targetIndex"/> within <paramref name="phase"/>.</summary>
    public static ComparatorSet BuildFor(IReadOnlyList<ComparatorSchool> phase, int targetIndex, ComparatorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(targetIndex, phase.Count);
        var model = new PhaseModel(phase, options ?? ComparatorOptions.Default);
        return model.Select(targetIndex, new Nearest(model.Options.NearestCount));
    }

    /// <summary>
    /// The comparator set of every school in <paramref name="phase"/>, in input order, computed in parallel
    /// (O(n²) time, O(n) memory). About 17,000 primaries take a few seconds on a laptop.
    /// </summary>
    public static ComparatorSet[] BuildAll(IReadOnlyList<ComparatorSchool> phase, ComparatorOptions? options = null)
    {
        var model = new PhaseModel(phase, options ?? ComparatorOptions.Default);
        var result = new ComparatorSet[phase.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = model.Options.MaxDegreeOfParallelism ?? -1 };
        Parallel.For(
            0,
            phase.Count,
            parallel,
            () => new Nearest(model.Options.NearestCount),
            (i, _, buffer) =>
            {
                result[i] = model.Select(i, buffer);
                return buffer;
            },
            _ => { });
        return result;
    }

    private static double Max(ReadOnlySpan<double> v)
    {
        var m = double.NegativeInfinity;
        foreach (var x in v)
        {
            m = Math.Max(m, x);
        }

        return m;
    }

    private static double Min(ReadOnlySpan<double> v)
    {
        var m = double.PositiveInfinity;
        foreach (var x in v)
        {
            m = Math.Min(m, x);
        }

        return m;
    }

    /// <summary>The phase's inputs, median-filled and pre-scaled so that a distance is one pass over a row.</summary>
    private sealed class PhaseModel
    {
        private readonly IReadOnlyList<ComparatorSchool> schools;
        private readonly double[] weighted; // row-major: per school, the weighted group's columns × √w / range
        private readonly double[] needs;    // row-major: per school, the 10 primary needs / range (special only)
        private readonly int weightedWidth;
        private readonly int needsWidth;
        private readonly bool[] canBeComparator;

        public PhaseModel(IReadOnlyList<ComparatorSchool> schools, ComparatorOptions options)
        {
            ArgumentNullException.ThrowIfNull(schools);
            options.Validate();
            Options = options;
            this.schools = schools;
            var n = schools.Count;
            canBeComparator = [.. schools.Select(s => s.CanBeComparator)];
            var w = options.Weights;
            var weightedColumns = new List<(Func<ComparatorSchool, double?> Get, double Weight)>
            {
                (s => s.Pupils, w.Pupils),
                (s => s.FsmPercent, w.FreeSchoolMeals),
            };
            if (!options.IsSpecialPhase)
            {
                weightedColumns.Add((s => s.SenPercent, w.Sen));
            }

            weightedWidth = weightedColumns.Count;
            weighted = new double[n * weightedWidth];
            for (var c = 0; c < weightedWidth; c++)
            {
                Fill(weighted, weightedWidth, c, weightedColumns[c].Get, Math.Sqrt(weightedColumns[c].Weight));
            }

            needsWidth = options.IsSpecialPhase ? PrimaryNeeds.Count : 0;
            needs = new double[n * needsWidth];
            for (var c = 0; c < needsWidth; c++)
            {
                var column = c;
                Fill(needs, needsWidth, c, s => s.PrimaryNeedPercents is { } p && column < p.Count ? p[column] : null, 1);
            }
        }

        public ComparatorOptions Options { get; }

        public double Distance(int i, int j)
        {
            var sum = 0.0;
            for (int a = i * weightedWidth, b = j * weightedWidth, k = 0; k < weightedWidth; k++)
            {
                var d = weighted[a + k] - weighted[b + k];
                sum += d * d;
            }

            if (needsWidth == 0)
            {
                return Math.Sqrt(sum);
            }

            var needSum = 0.0;
            for (int a = i * needsWidth, b = j * needsWidth, k = 0; k < needsWidth; k++)
            {
                var d = needs[a + k] - needs[b + k];
                needSum += d * d;
            }

            return Math.Sqrt(sum) + Math.Sqrt(needSum);
        }

        public ComparatorSet Select(int target, Nearest nearest)
        {
            nearest.Clear();
            var n = schools.Count;
            if (needsWidth == 0)
            {
                // Mainstream: rank by the squared distance (same order, no square root per pair); root the kept ones.
                var w = weightedWidth;
                var row = weighted.AsSpan(target * w, w);
                for (var j = 0; j < n; j++)
                {
                    if (j == target || !canBeComparator[j])
                    {
                        continue;
                    }

                    var sum = 0.0;
                    var other = weighted.AsSpan(j * w, w);
                    for (var k = 0; k < row.Length; k++)
                    {
                        var d = row[k] - other[k];
                        sum += d * d;
                    }

                    if (nearest.Accepts(sum))
                    {
                        nearest.Offer(sum, j);
                    }
                }

                nearest.TakeSquareRoots();
            }
            else
            {
                for (var j = 0; j < n; j++)
                {
                    if (j != target && canBeComparator[j])
                    {
                        var d = Distance(target, j);
                        if (nearest.Accepts(d))
                        {
                            nearest.Offer(d, j);
                        }
                    }
                }
            }

            var me = schools[target];
            var members = new List<Comparator>(Options.SetSize) { new(me.Urn, target, 0) };
            if (nearest.Count == 0)
            {
                return new ComparatorSet(me.Urn, []);
            }

            var taken = new HashSet<int> { target };
            if (me.Pfi == true)
            {
                AddWhere(nearest, members, taken, s => s.Pfi == true);
            }

            if (me.Boarding == true)
            {
                AddWhere(nearest, members, taken, s => s.Boarding == true);
            }

            if (!string.IsNullOrWhiteSpace(me.Region))
            {
                AddWhere(nearest, members, taken, s => string.Equals(s.Region, me.Region, StringComparison.OrdinalIgnoreCase));
            }

            if (members.Count < Options.SetSize)
            {
                AddWhere(nearest, members, taken, _ => true);
            }

            if (members.Count > Options.SetSize)
            {
                members.RemoveRange(Options.SetSize, members.Count - Options.SetSize);
            }

            return new ComparatorSet(me.Urn, members);
        }

        private void AddWhere(Nearest nearest, List<Comparator> members, HashSet<int> taken, Func<ComparatorSchool, bool> keep)
        {
            for (var k = 0; k < nearest.Count && members.Count < Options.SetSize; k++)
            {
                var j = nearest.Index(k);
                if (keep(schools[j]) && taken.Add(j))
                {
                    members.Add(new Comparator(schools[j].Urn, j, nearest.Distance(k)));
                }
            }
        }

        private void Fill(double[] data, int width, int column, Func<ComparatorSchool, double?> get, double scale)
        {
            var n = schools.Count;
            var present = new List<double>(n);
            for (var i = 0; i < n; i++)
            {
                if (get(schools[i]) is { } v && double.IsFinite(v))
                {
                    present.Add(v);
                }
            }

            // FBIT: missing values take the phase median (pandas median of the values present). No values: all 0.
            var median = present.Count == 0 ? 0 : Numerics.Descriptive.Median(present.ToArray());
            var min = present.Count == 0 ? 0 : Math.Min(present.Min(), median);
            var max = present.Count == 0 ? 0 : Math.Max(present.Max(), median);
            var range = max - min;
            var factor = range > 0 ? scale / range : 0;
            for (var i = 0; i < n; i++)
            {
                var v = get(schools[i]) is { } x && double.IsFinite(x) ? x : median;
                data[i * width + column] = (v - min) * factor;
            }
        }
    }

    /// <summary>The k nearest (distance, index) pairs seen so far, kept sorted; ties keep the earlier index first.</summary>
    private sealed class Nearest(int capacity)
    {
        private readonly double[] distances = new double[capacity];
        private readonly int[] indices = new int[capacity];

        public int Count { get; private set; }

        public double Distance(int k) => distances[k];

        public int Index(int k) => indices[k];

        public void Clear() => Count = 0;

        /// <summary>Whether an entry with this distance would be kept (cheap pre-check before <see cref="Offer"/>).</summary>
        public bool Accepts(double distance) => Count < capacity || distance < distances[Count - 1];

        /// <summary>Replaces squared distances by distances.</summary>
        public void TakeSquareRoots()
        {
            for (var k = 0; k < Count; k++)
            {
                distances[k] = Math.Sqrt(distances[k]);
            }
        }

        public void Offer(double distance, int index)
        {
            if (Count == capacity && !(distance < distances[Count - 1]))
            {
                return;
            }

            // Insert after every entry with a distance ≤ this one (indices arrive in ascending order: a stable sort).
            var pos = Count == capacity ? Count - 1 : Count;
            while (pos > 0 && distances[pos - 1] > distance)
            {
                distances[pos] = distances[pos - 1];
                indices[pos] = indices[pos - 1];
                pos--;
            }

            distances[pos] = distance;
            indices[pos] = index;
            if (Count < capacity)
            {
                Count++;
            }
        }
    }
}
