using System.Globalization;
using System.Text;

namespace Stepwise.Benchmarks;

/// <summary>
/// Where each figure lives. School-year k = school × Years + year. Attendance row = k × Groups + group. SPC series
/// m = school × SeriesPerSchool + measure, with measure 0 = gap index, 1 = mean gap, then 2 + group × 3 + (0 overall
/// absence rate, 1 persistent absence rate, 2 severe absence rate); point = m × Years + year.
/// </summary>
public static class Layout
{
    /// <summary>Pupil groups for the attendance measures: all, disadvantaged, SEN, EAL, boys, girls.</summary>
    public static readonly string[] GroupNames = ["all", "disadvantaged", "SEN", "EAL", "boys", "girls"];

    /// <summary>Number of groups.</summary>
    public const int Groups = 6;

    /// <summary>SPC series per school.</summary>
    public const int SeriesPerSchool = 2 + Groups * 3;

    /// <summary>School-years.</summary>
    public const int SchoolYears = PupilData.Schools * PupilData.Years;

    /// <summary>SPC series.</summary>
    public const int Series = PupilData.Schools * SeriesPerSchool;

    /// <summary>True when a pupil with <paramref name="f"/> belongs to group <paramref name="group"/>.</summary>
    public static bool InGroup(PupilFlags f, int group) => group switch
    {
        0 => true,
        1 => (f & PupilFlags.Disadvantaged) != 0,
        2 => (f & PupilFlags.Sen) != 0,
        3 => (f & PupilFlags.Eal) != 0,
        4 => (f & PupilFlags.Male) != 0,
        _ => (f & PupilFlags.Male) == 0,
    };

    /// <summary>The name of SPC measure <paramref name="measure"/>.</summary>
    public static string MeasureName(int measure) => measure switch
    {
        0 => "gap index",
        1 => "mean gap",
        _ => $"{GroupNames[(measure - 2) / 3]} {((measure - 2) % 3) switch { 0 => "overall absence", 1 => "persistent absence", _ => "severe absence" }}",
    };
}

/// <summary>
/// Every figure either side computes, in flat arrays indexed as <see cref="Layout"/> says. A null figure is NaN.
/// Rules: −1 none, otherwise <see cref="Stepwise.Analytics.Spc.SpcRule"/> as an integer; variations as
/// <see cref="Stepwise.Analytics.Spc.Variation"/>.
/// </summary>
public sealed class AnalyticsResults
{
    // Gaps, per school-year (disadvantaged against everyone else with a valid score).
    public int[] GapN { get; } = new int[Layout.SchoolYears];
    public int[] GapNDisadvantaged { get; } = new int[Layout.SchoolYears];
    public double[] MeanRankDisadvantaged { get; } = new double[Layout.SchoolYears];
    public double[] MeanRankOthers { get; } = new double[Layout.SchoolYears];
    public double[] GapIndex { get; } = new double[Layout.SchoolYears];
    public double[] MeanOthers { get; } = new double[Layout.SchoolYears];
    public double[] MeanDisadvantaged { get; } = new double[Layout.SchoolYears];
    public double[] MeanGap { get; } = new double[Layout.SchoolYears];
    public double[] MeanGapStandardError { get; } = new double[Layout.SchoolYears];
    public double[] MeanGapDegreesOfFreedom { get; } = new double[Layout.SchoolYears];
    public double[] MeanGapLow { get; } = new double[Layout.SchoolYears];
    public double[] MeanGapHigh { get; } = new double[Layout.SchoolYears];

    // Attendance, per school-year-group.
    public int[] Enrolments { get; } = new int[Layout.SchoolYears * Layout.Groups];
    public int[] ExcludedNoSessions { get; } = new int[Layout.SchoolYears * Layout.Groups];
    public long[] PossibleSessions { get; } = new long[Layout.SchoolYears * Layout.Groups];
    public long[] AbsentSessions { get; } = new long[Layout.SchoolYears * Layout.Groups];
    public double[] OverallAbsenceRate { get; } = new double[Layout.SchoolYears * Layout.Groups];
    public int[] PersistentlyAbsent { get; } = new int[Layout.SchoolYears * Layout.Groups];
    public double[] PersistentAbsenceRate { get; } = new double[Layout.SchoolYears * Layout.Groups];
    public int[] SeverelyAbsent { get; } = new int[Layout.SchoolYears * Layout.Groups];
    public double[] SevereAbsenceRate { get; } = new double[Layout.SchoolYears * Layout.Groups];

    // SPC, per series.
    public double[] SpcMean { get; } = new double[Layout.Series];
    public double[] SpcMovingRangeMean { get; } = new double[Layout.Series];
    public double[] SpcUpperLimit { get; } = new double[Layout.Series];
    public double[] SpcLowerLimit { get; } = new double[Layout.Series];
    public double[] SpcUpperTwoSigma { get; } = new double[Layout.Series];
    public double[] SpcLowerTwoSigma { get; } = new double[Layout.Series];
    public int[] SpcScreened { get; } = new int[Layout.Series];

    // SPC, per point.
    public sbyte[] Rule { get; } = new sbyte[Layout.Series * PupilData.Years];
    public byte[] Variation { get; } = new byte[Layout.Series * PupilData.Years];

    /// <summary>The value of series <paramref name="m"/> in year <paramref name="year"/>, read from this side's own results.</summary>
    public double SeriesValue(int m, int year)
    {
        var school = m / Layout.SeriesPerSchool;
        var measure = m % Layout.SeriesPerSchool;
        var k = school * PupilData.Years + year;
        if (measure == 0)
        {
            return GapIndex[k];
        }

        if (measure == 1)
        {
            return MeanGap[k];
        }

        var a = k * Layout.Groups + (measure - 2) / 3;
        return ((measure - 2) % 3) switch
        {
            0 => OverallAbsenceRate[a],
            1 => PersistentAbsenceRate[a],
            _ => SevereAbsenceRate[a],
        };
    }

    /// <summary>Counts of what was found, to show that the data exercise every rule.</summary>
    public string DescribeSignals()
    {
        var rules = new int[4];
        int improvement = 0, concern = 0;
        for (var p = 0; p < Rule.Length; p++)
        {
            if (Rule[p] >= 0)
            {
                rules[Rule[p]]++;
            }

            improvement += Variation[p] == 1 ? 1 : 0;
            concern += Variation[p] == 2 ? 1 : 0;
        }

        var screened = SpcScreened.Count(s => s > 0);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Layout.Series:N0} series, {Rule.Length:N0} points: outside limits {rules[0]:N0}, trend {rules[1]:N0}, two of three {rules[2]:N0}, shift {rules[3]:N0}; improvement {improvement:N0}, concern {concern:N0}; {screened:N0} series with a screened moving range");
    }
}

/// <summary>Compares two sets of results figure by figure.</summary>
public static class ResultComparer
{
    /// <summary>Tolerance: |a − b| ≤ Tolerance × max(1, |a|, |b|).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// Compares every figure. Counts, sums, rules and variations must be identical; real numbers must agree within
    /// <see cref="Tolerance"/> (relative, absolute below 1) and NaN (null) only with NaN.
    /// </summary>
    /// <returns>A report; <paramref name="equal"/> says whether everything agreed.</returns>
    public static string Compare(AnalyticsResults a, AnalyticsResults b, out bool equal)
    {
        var report = new StringBuilder();
        var ok = true;
        long figures = 0, identical = 0;

        void Ints<T>(string name, T[] x, T[] y)
            where T : IEquatable<T>
        {
            var bad = 0;
            var first = -1;
            for (var i = 0; i < x.Length; i++)
            {
                if (!x[i].Equals(y[i]))
                {
                    bad++;
                    first = first < 0 ? i : first;
                }
            }

            figures += x.Length;
            identical += x.Length - bad;
            if (bad > 0)
            {
                ok = false;
                report.AppendLine(CultureInfo.InvariantCulture, $"  MISMATCH {name}: {bad} of {x.Length} differ, first at {first}: {x[first]} vs {y[first]}");
            }
        }

        void Reals(string name, double[] x, double[] y)
        {
            var bad = 0;
            var first = -1;
            var worst = 0.0;
            var same = 0;
            for (var i = 0; i < x.Length; i++)
            {
                if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
                {
                    if (double.IsNaN(x[i]) && double.IsNaN(y[i]))
                    {
                        same++;
                        continue;
                    }

                    bad++;
                    first = first < 0 ? i : first;
                    continue;
                }

                if (x[i] == y[i])
                {
                    same++;
                    continue;
                }

                var rel = Math.Abs(x[i] - y[i]) / Math.Max(1, Math.Max(Math.Abs(x[i]), Math.Abs(y[i])));
                worst = Math.Max(worst, rel);
                if (rel > Tolerance)
                {
                    bad++;
                    first = first < 0 ? i : first;
                }
            }

            figures += x.Length;
            identical += same;
            if (bad > 0)
            {
                ok = false;
                report.AppendLine(CultureInfo.InvariantCulture, $"  MISMATCH {name}: {bad} of {x.Length} differ, first at {first}: {x[first]:R} vs {y[first]:R}");
            }
            else if (worst > 0)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {name}: {x.Length - same} of {x.Length} not bit-identical, largest relative difference {worst:E1}");
            }
        }

        Ints("gap n", a.GapN, b.GapN);
        Ints("gap n disadvantaged", a.GapNDisadvantaged, b.GapNDisadvantaged);
        Reals("mean rank disadvantaged", a.MeanRankDisadvantaged, b.MeanRankDisadvantaged);
        Reals("mean rank others", a.MeanRankOthers, b.MeanRankOthers);
        Reals("gap index", a.GapIndex, b.GapIndex);
        Reals("mean others", a.MeanOthers, b.MeanOthers);
        Reals("mean disadvantaged", a.MeanDisadvantaged, b.MeanDisadvantaged);
        Reals("mean gap", a.MeanGap, b.MeanGap);
        Reals("mean gap standard error", a.MeanGapStandardError, b.MeanGapStandardError);
        Reals("mean gap degrees of freedom", a.MeanGapDegreesOfFreedom, b.MeanGapDegreesOfFreedom);
        Reals("mean gap low", a.MeanGapLow, b.MeanGapLow);
        Reals("mean gap high", a.MeanGapHigh, b.MeanGapHigh);
        Ints("enrolments", a.Enrolments, b.Enrolments);
        Ints("excluded (no possible sessions)", a.ExcludedNoSessions, b.ExcludedNoSessions);
        Ints("possible sessions", a.PossibleSessions, b.PossibleSessions);
        Ints("absent sessions", a.AbsentSessions, b.AbsentSessions);
        Reals("overall absence rate", a.OverallAbsenceRate, b.OverallAbsenceRate);
        Ints("persistently absent", a.PersistentlyAbsent, b.PersistentlyAbsent);
        Reals("persistent absence rate", a.PersistentAbsenceRate, b.PersistentAbsenceRate);
        Ints("severely absent", a.SeverelyAbsent, b.SeverelyAbsent);
        Reals("severe absence rate", a.SevereAbsenceRate, b.SevereAbsenceRate);
        Reals("SPC mean", a.SpcMean, b.SpcMean);
        Reals("SPC mean moving range", a.SpcMovingRangeMean, b.SpcMovingRangeMean);
        Reals("SPC upper process limit", a.SpcUpperLimit, b.SpcUpperLimit);
        Reals("SPC lower process limit", a.SpcLowerLimit, b.SpcLowerLimit);
        Reals("SPC upper 2σ", a.SpcUpperTwoSigma, b.SpcUpperTwoSigma);
        Reals("SPC lower 2σ", a.SpcLowerTwoSigma, b.SpcLowerTwoSigma);
        Ints("SPC screened moving ranges", a.SpcScreened, b.SpcScreened);
        Ints("SPC rule per point", a.Rule, b.Rule);
        Ints("SPC variation per point", a.Variation, b.Variation);

        report.Insert(0, string.Create(
            CultureInfo.InvariantCulture,
            $"{(ok ? "EQUAL" : "NOT EQUAL")}: {figures:N0} figures compared, {identical:N0} bit-identical, tolerance {Tolerance:E0} relative{Environment.NewLine}"));
        equal = ok;
        return report.ToString();
    }
}
