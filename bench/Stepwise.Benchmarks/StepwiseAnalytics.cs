using Stepwise.Analytics.Attendance;
using Stepwise.Analytics.Gaps;
using Stepwise.Analytics.Spc;

namespace Stepwise.Benchmarks;

/// <summary>
/// The Stepwise side: plain C# grouping around Stepwise.Analytics. Every figure comes from the library's public API:
/// <see cref="GapIndex.Compute"/>, <see cref="MeanDifference.Welch"/>, <see cref="AbsenceMeasures.Summarise"/> and
/// <see cref="XmrChart.Analyse"/>.
/// </summary>
public static class StepwiseAnalytics
{
    /// <summary>All series are "lower is better": gaps and absence.</summary>
    public static readonly SpcOptions Options = new() { Polarity = Polarity.Down };

    /// <summary>Computes every figure from the rows with <paramref name="threads"/> threads.</summary>
    public static AnalyticsResults Run(PupilData data, int threads, StageTimer? timer = null)
    {
        timer?.Start();
        var results = new AnalyticsResults();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var sorted = GroupBySchoolYear(data, threads, out var offsets);
        timer?.Lap("group rows by school-year (counting sort)");

        // Gaps and attendance, one school-year per work item.
        Parallel.For(
            0,
            Layout.SchoolYears,
            parallel,
            () => new Buffers(MaxSize(offsets)),
            (k, _, buffers) =>
            {
                SchoolYear(sorted, offsets[k], offsets[k + 1], k, buffers, results);
                return buffers;
            },
            _ => { });
        timer?.Lap("GapIndex + MeanDifference.Welch + AbsenceMeasures ×6 per school-year");

        // SPC on every series (10 points each), one series per work item.
        Parallel.For(
            0,
            Layout.Series,
            parallel,
            () => new double[PupilData.Years],
            (m, _, values) =>
            {
                for (var y = 0; y < values.Length; y++)
                {
                    values[y] = results.SeriesValue(m, y);
                }

                Spc(m, XmrChart.Analyse(values, Options), results);
                return values;
            },
            _ => { });
        timer?.Lap("XmrChart.Analyse per series");
        return results;
    }

    private static void SchoolYear(SortedRows rows, int start, int end, int k, Buffers b, AnalyticsResults r)
    {
        // Gap: disadvantaged against everyone else, pupils with a valid score only.
        var n = 0;
        for (var i = start; i < end; i++)
        {
            var score = rows.Score[i];
            if (!double.IsNaN(score))
            {
                b.Scores[n] = score;
                b.InGroup[n] = (rows.Flags[i] & PupilFlags.Disadvantaged) != 0;
                n++;
            }
        }

        var index = GapIndex.Compute(b.Scores.AsSpan(0, n), b.InGroup.AsSpan(0, n));
        int nGroup = 0, nOthers = 0;
        for (var i = 0; i < n; i++)
        {
            if (b.InGroup[i])
            {
                b.Group[nGroup++] = b.Scores[i];
            }
            else
            {
                b.Others[nOthers++] = b.Scores[i];
            }
        }

        var diff = MeanDifference.Welch(b.Others.AsSpan(0, nOthers), b.Group.AsSpan(0, nGroup));
        r.GapN[k] = index.N;
        r.GapNDisadvantaged[k] = index.NDisadvantaged;
        r.MeanRankDisadvantaged[k] = index.MeanRankGroup ?? double.NaN;
        r.MeanRankOthers[k] = index.MeanRankOthers ?? double.NaN;
        r.GapIndex[k] = index.Index ?? double.NaN;
        r.MeanOthers[k] = diff.MeanFirst ?? double.NaN;
        r.MeanDisadvantaged[k] = diff.MeanSecond ?? double.NaN;
        r.MeanGap[k] = diff.Difference ?? double.NaN;
        r.MeanGapStandardError[k] = diff.StandardError ?? double.NaN;
        r.MeanGapDegreesOfFreedom[k] = diff.DegreesOfFreedom ?? double.NaN;
        r.MeanGapLow[k] = diff.Low ?? double.NaN;
        r.MeanGapHigh[k] = diff.High ?? double.NaN;

        // Attendance: every enrolment, in each group it belongs to.
        Span<int> counts = stackalloc int[Layout.Groups];
        counts.Clear();
        for (var i = start; i < end; i++)
        {
            var f = rows.Flags[i];
            var sessions = new PupilSessions(rows.Possible[i], rows.Absent[i]);
            b.Sessions[0][counts[0]++] = sessions;
            if ((f & PupilFlags.Disadvantaged) != 0)
            {
                b.Sessions[1][counts[1]++] = sessions;
            }

            if ((f & PupilFlags.Sen) != 0)
            {
                b.Sessions[2][counts[2]++] = sessions;
            }

            if ((f & PupilFlags.Eal) != 0)
            {
                b.Sessions[3][counts[3]++] = sessions;
            }

            var sex = (f & PupilFlags.Male) != 0 ? 4 : 5;
            b.Sessions[sex][counts[sex]++] = sessions;
        }

        for (var g = 0; g < Layout.Groups; g++)
        {
            var s = AbsenceMeasures.Summarise(b.Sessions[g].AsSpan(0, counts[g]));
            var a = k * Layout.Groups + g;
            r.Enrolments[a] = s.Enrolments;
            r.ExcludedNoSessions[a] = s.ExcludedNoPossibleSessions;
            r.PossibleSessions[a] = s.PossibleSessions;
            r.AbsentSessions[a] = s.AbsentSessions;
            r.OverallAbsenceRate[a] = s.OverallAbsenceRate ?? double.NaN;
            r.PersistentlyAbsent[a] = s.PersistentlyAbsent;
            r.PersistentAbsenceRate[a] = s.PersistentAbsenceRate ?? double.NaN;
            r.SeverelyAbsent[a] = s.SeverelyAbsent;
            r.SevereAbsenceRate[a] = s.SevereAbsenceRate ?? double.NaN;
        }
    }

    private static void Spc(int m, SpcResult spc, AnalyticsResults r)
    {
        var g = spc.Groups[0];
        r.SpcMean[m] = g.Mean;
        r.SpcMovingRangeMean[m] = g.MovingRangeMean ?? double.NaN;
        r.SpcUpperLimit[m] = g.UpperProcessLimit ?? double.NaN;
        r.SpcLowerLimit[m] = g.LowerProcessLimit ?? double.NaN;
        r.SpcUpperTwoSigma[m] = g.UpperTwoSigma ?? double.NaN;
        r.SpcLowerTwoSigma[m] = g.LowerTwoSigma ?? double.NaN;
        r.SpcScreened[m] = g.ScreenedMovingRanges;
        for (var t = 0; t < spc.Points.Count; t++)
        {
            var p = spc.Points[t];
            r.Rule[m * PupilData.Years + t] = p.Rule is { } rule ? (sbyte)rule : (sbyte)-1;
            r.Variation[m * PupilData.Years + t] = (byte)p.Variation;
        }
    }

    /// <summary>
    /// A counting sort of the rows by school-year that copies the columns the computation needs into contiguous
    /// per-school-year runs (one pass to count, one to scatter; split across threads by row range).
    /// </summary>
    internal static SortedRows GroupBySchoolYear(PupilData data, int threads, out int[] offsets)
    {
        var n = data.Count;
        var chunks = Math.Max(1, threads);
        var histograms = new int[chunks][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            var h = new int[Layout.SchoolYears];
            var (from, to) = Chunk(n, chunks, c);
            var school = data.School;
            var year = data.Year;
            for (var i = from; i < to; i++)
            {
                h[school[i] * PupilData.Years + year[i]]++;
            }

            histograms[c] = h;
        });

        // Offsets in key-major order; each chunk writes its rows for a key after the earlier chunks' rows.
        offsets = new int[Layout.SchoolYears + 1];
        var cursors = new int[chunks][];
        for (var c = 0; c < chunks; c++)
        {
            cursors[c] = new int[Layout.SchoolYears];
        }

        var position = 0;
        for (var k = 0; k < Layout.SchoolYears; k++)
        {
            offsets[k] = position;
            for (var c = 0; c < chunks; c++)
            {
                cursors[c][k] = position;
                position += histograms[c][k];
            }
        }

        offsets[Layout.SchoolYears] = position;
        var sorted = new SortedRows(n);
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            var cursor = cursors[c];
            var (from, to) = Chunk(n, chunks, c);
            var school = data.School;
            var year = data.Year;
            for (var i = from; i < to; i++)
            {
                var at = cursor[school[i] * PupilData.Years + year[i]]++;
                sorted.Score[at] = data.Score[i];
                sorted.Flags[at] = data.Flags[i];
                sorted.Possible[at] = data.Possible[i];
                sorted.Absent[at] = data.Absent[i];
            }
        });
        return sorted;
    }

    private static (int From, int To) Chunk(int n, int chunks, int c) =>
        ((int)((long)n * c / chunks), (int)((long)n * (c + 1) / chunks));

    private static int MaxSize(int[] offsets)
    {
        var max = 0;
        for (var k = 0; k + 1 < offsets.Length; k++)
        {
            max = Math.Max(max, offsets[k + 1] - offsets[k]);
        }

        return max;
    }

    /// <summary>The columns the computation needs, grouped by school-year.</summary>
    internal sealed class SortedRows(int n)
    {
        public double[] Score { get; } = GC.AllocateUninitializedArray<double>(n);
        public PupilFlags[] Flags { get; } = GC.AllocateUninitializedArray<PupilFlags>(n);
        public int[] Possible { get; } = GC.AllocateUninitializedArray<int>(n);
        public int[] Absent { get; } = GC.AllocateUninitializedArray<int>(n);
    }

    /// <summary>Per-thread scratch space, sized for the largest school-year.</summary>
    private sealed class Buffers
    {
        public Buffers(int size)
        {
            Scores = new double[size];
            InGroup = new bool[size];
            Group = new double[size];
            Others = new double[size];
            Sessions = new PupilSessions[Layout.Groups][];
            for (var g = 0; g < Layout.Groups; g++)
            {
                Sessions[g] = new PupilSessions[size];
            }
        }

        public double[] Scores { get; }
        public bool[] InGroup { get; }
        public double[] Group { get; }
        public double[] Others { get; }
        public PupilSessions[][] Sessions { get; }
    }
}
