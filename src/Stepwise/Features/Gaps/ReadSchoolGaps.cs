using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Attendance;
using Stepwise.Analytics.Gaps;
using Stepwise.Analytics.Groups;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Pupils;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.Units;

namespace Stepwise.Features.Gaps;

/// <summary>
/// How each group of pupils — disadvantaged, SEN, EAL, girls and boys — compares with the rest of the school, year by
/// year: in attainment (the difference in mean score with its 95% confidence interval, the DfE's rank-based gap
/// index, and the spread) and in attendance (absence and persistent absence rates). A group of fewer than 5 pupils
/// shows no figure, nor does a comparison that would give one away by subtraction from the others shown (complementary
/// suppression, ADR 0073). Whether the school is "raising the bar and narrowing the gap" reads the latest year against the
/// one before. Narrowed to a unit: a year group's pupils, a subject's results, or for an SEN area the SEN comparison.
/// </summary>
public sealed partial class ReadSchoolGaps(AppDbContext db, AccessControl access, TimeProvider clock)
{
    /// <summary>
    /// One group against the rest: the gap is the rest's mean minus the group's, so positive means the group is behind
    /// (as the gap index). When either side has fewer than 5 pupils, or its figures with the others shown would give a
    /// hidden group's away, it is <see cref="Suppressed"/> and carries no figure (<see cref="Of"/>); its counts are not
    /// shown either: with the whole cohort beside them, one count gives the other away by subtraction.
    /// </summary>
    public sealed record Comparison(string Group, string Name, string OthersName, [property: JsonIgnore] int NGroup, [property: JsonIgnore] int NOthers,
        [property: JsonIgnore] bool Withheld, double? MeanGroup, double? MeanOthers, double? Gap, double? Low, double? High, double? GapIndex)
    {
        public bool Suppressed => Withheld || IsSmall(NGroup, NOthers);

        /// <summary>Why there is no figure: "fewer-than-5", "withheld" (it would give a smaller group's away), or null.</summary>
        public string? Missing => MissingOf(NGroup, NOthers, Withheld);

        /// <summary>Pupils in the group, as shown: none when the comparison is suppressed (with the total it would give the rest's count back).</summary>
        public int? GroupPupils => Suppressed ? null : NGroup;

        /// <summary>Pupils in the rest of the school, as shown: none when the comparison is suppressed (with the total it would give the group's count back).</summary>
        public int? OthersPupils => Suppressed ? null : NOthers;

        public static Comparison Of(string group, string name, string othersName, int nGroup, int nOthers, GroupSuppression hidden, double? meanGroup, double? meanOthers,
            double? gap, double? low, double? high, double? gapIndex) =>
            IsSmall(nGroup, nOthers) || IsHidden(hidden, group)
                ? new(group, name, othersName, nGroup, nOthers, IsHidden(hidden, group), null, null, null, null, null, null)
                : new(group, name, othersName, nGroup, nOthers, false, meanGroup, meanOthers, gap, low, high, gapIndex);
    }

    /// <summary>How the page, its chart and the API name the gap index: the DfE's method, but not the DfE's figure.</summary>
    public const string GapIndexLabel = "Stepwise's school-level analogue of the DfE's disadvantage gap index (the DfE's method on this school's pupils, not a DfE figure)";

    private static bool IsSmall(int nGroup, int nOthers) => nGroup < DeriveSchoolMetrics.SmallestGroup || nOthers < DeriveSchoolMetrics.SmallestGroup;

    private static string? MissingOf(int nGroup, int nOthers, bool withheld) =>
        IsSmall(nGroup, nOthers) ? DeriveSchoolMetrics.FewerThanFive : withheld ? DeriveSchoolMetrics.Withheld : null;

    /// <summary>The rest of the school beside a comparison's group, as complementary suppression names it.</summary>
    private static string Rest(string group) => group + " rest";

    private static bool IsHidden(GroupSuppression hidden, string group) => hidden.IsHidden(group) || hidden.IsHidden(Rest(group));

    /// <summary>
    /// Which comparisons to hide among these pupils (ADR 0073): all pupils, and each comparison's group and the rest,
    /// as the page shows them. <paramref name="inGroup"/>[k][i]: whether pupil i is in comparison k's group.
    /// </summary>
    private static GroupSuppression Suppress(IReadOnlyList<(string Group, string Others, string Name, string OthersName)> comparisons, bool[][] inGroup, int pupils) =>
        ComplementarySuppression.Decide(Enumerable.Range(0, pupils)
            .Select(i => new GroupCell([PupilGroups.All, .. comparisons.Select((c, k) => inGroup[k][i] ? c.Group : Rest(c.Group))], 1)).ToList(),
            g => g.Split(' ')[0]);

    public sealed record AttainmentYear(string Year, string Period, SpreadResult All, IReadOnlyList<Comparison> Comparisons);

    public sealed record Subject(string Name, string ResultType, IReadOnlyList<AttainmentYear> Years)
    {
        public Verdict? Verdict => Years.Count < 2 ? null : Verdict.Of(Years[^2], Years[^1]);
    }

    /// <summary>A group's absence against the rest's; suppressed as <see cref="Comparison"/>.</summary>
    public sealed record AbsenceComparison(string Group, string Name, string OthersName, [property: JsonIgnore] int NGroup, [property: JsonIgnore] int NOthers,
        [property: JsonIgnore] bool Withheld, double? RateGroup, double? RateOthers, double? PersistentGroup, double? PersistentOthers)
    {
        public bool Suppressed => Withheld || IsSmall(NGroup, NOthers);

        /// <summary>Why there is no figure: "fewer-than-5", "withheld" (it would give a smaller group's away), or null.</summary>
        public string? Missing => MissingOf(NGroup, NOthers, Withheld);

        /// <summary>Pupils in the group, as shown: none when the comparison is suppressed (with the total it would give the rest's count back).</summary>
        public int? GroupPupils => Suppressed ? null : NGroup;

        /// <summary>Pupils in the rest of the school, as shown: none when the comparison is suppressed.</summary>
        public int? OthersPupils => Suppressed ? null : NOthers;

        public static AbsenceComparison Of(string group, string name, string othersName, int nGroup, int nOthers, GroupSuppression hidden, double? rateGroup, double? rateOthers,
            double? persistentGroup, double? persistentOthers) =>
            IsSmall(nGroup, nOthers) || IsHidden(hidden, group)
                ? new(group, name, othersName, nGroup, nOthers, IsHidden(hidden, group), null, null, null, null)
                : new(group, name, othersName, nGroup, nOthers, false, rateGroup, rateOthers, persistentGroup, persistentOthers);
    }

    public sealed record AttendanceYear(string Year, AttendanceSummary All, IReadOnlyList<AbsenceComparison> Comparisons);

    /// <summary>Raising the bar (the mean went up) and narrowing the gap (the disadvantaged gap and the spread went down).</summary>
    public sealed record Verdict(bool? RaisingBar, bool? NarrowingGap, bool? SpreadDown, string Sentence)
    {
        public static Verdict Of(AttainmentYear before, AttainmentYear after)
        {
            bool? Compare(double? a, double? b, bool up) => a is double x && b is double y ? (up ? y > x : y < x) : null;
            var bar = Compare(before.All.Mean, after.All.Mean, up: true);
            var gapBefore = before.Comparisons.FirstOrDefault(c => c.Group == "disadvantaged" && !c.Suppressed)?.Gap;
            var gapAfter = after.Comparisons.FirstOrDefault(c => c.Group == "disadvantaged" && !c.Suppressed)?.Gap;
            var narrowing = gapBefore is double g0 && gapAfter is double g1 ? Math.Abs(g1) < Math.Abs(g0) : (bool?)null;
            var spread = Compare(before.All.StandardDeviation, after.All.StandardDeviation, up: false);
            var first = bar switch { true => "The bar is rising: the mean is up", false => "The bar is not rising: the mean is down or level", _ => "Too few results to compare the means" };
            var second = narrowing switch
            {
                true => "the disadvantaged gap is narrowing",
                false => "the disadvantaged gap is not narrowing",
                _ => "the disadvantaged gap cannot be compared (fewer than 5 pupils in a group)",
            };
            var third = spread switch { true => "and the spread is smaller", false => "and the spread is wider", _ => "" };
            return new Verdict(bar, narrowing, spread, $"{first} since {before.Year}, {second}{(third.Length > 0 ? ", " + third : "")}.");
        }
    }

    public sealed record View([property: JsonIgnore] School School, [property: JsonIgnore] Unit? Unit, [property: JsonIgnore] IReadOnlyList<Unit> Units,
        IReadOnlyList<Subject> Subjects, IReadOnlyList<AttendanceYear> Attendance)
    {
        public int Urn => School.Urn;
        public string SchoolName => School.Name;

        /// <summary>What each comparison's gap index is: Stepwise's own school-level analogue of the DfE's measure, not a DfE figure.</summary>
        public string GapIndexMeasure => GapIndexLabel;

        /// <summary>The unit the figures are narrowed to (?unit=), or null for the whole school.</summary>
        public UnitChoice? NarrowedTo => Unit is null ? null : UnitChoice.Of(Unit);

        /// <summary>The units the figures can be narrowed to.</summary>
        public IReadOnlyList<UnitChoice> UnitChoices => Units.Select(UnitChoice.Of).ToList();
    }

    public sealed record UnitChoice(int Id, string Name, string Kind)
    {
        public static UnitChoice Of(Unit unit) => new(unit.Id, unit.Name, Stepwise.Common.Codes.Of(unit.Kind));
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    public async Task<View?> HandleAsync(int urn, int? unitId, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        if (school is null)
        {
            return null;
        }
        var units = await db.Units.AsNoTracking().Where(u => u.SchoolId == school.Id && u.ArchivedAt == null).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        var unit = units.FirstOrDefault(u => u.Id == unitId && u.Kind != UnitKind.WholeSchool);
        var today = clock.Today();
        var pupils = await DeriveSchoolMetrics.WithRecordsAt(db, school.Id).AsNoTracking().Include(p => p.Characteristics.Where(c => c.SchoolId == school.Id)).AsSplitQuery()
            .ToDictionaryAsync(p => p.Id, ct);

        // A year-group unit narrows to its pupils (by their year group then); a subject unit to its subject (English
        // includes reading and writing); an SEN area to the SEN comparison.
        int? year = unit?.Kind == UnitKind.YearGroup && Digits().Match(unit.Name) is { Success: true } m ? int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)
            : unit?.Kind == UnitKind.YearGroup && unit.Name.Contains("Reception", StringComparison.OrdinalIgnoreCase) ? 0 : null;
        string[]? subjects = unit?.Kind == UnitKind.Subject
            ? unit.Name.Equals("English", StringComparison.OrdinalIgnoreCase) ? ["English", "Reading", "Writing"] : [unit.Name]
            : null;
        var comparisons = unit?.Kind == UnitKind.Area && unit.Name.Contains("SEN", StringComparison.OrdinalIgnoreCase)
            ? PupilGroups.Comparisons.Where(c => c.Group == "sen").ToList()
            : PupilGroups.Comparisons.ToList();
        bool InUnit(Pupil pupil, DateOnly day) => year is null || PupilGroups.Of(pupil, day, today).Contains(PupilGroups.YearGroup(year.Value));

        var assessments = await db.Assessments.AsNoTracking().Where(a => a.SchoolId == school.Id && a.Score != null)
            .Select(a => new { a.PupilId, a.Subject, a.Period, a.PeriodStart, a.Score, a.ResultType }).ToListAsync(ct);
        var subjectGaps = new List<Subject>();
        foreach (var subject in assessments.Where(a => subjects is null || subjects.Contains(a.Subject, StringComparer.OrdinalIgnoreCase))
                     .GroupBy(a => a.Subject, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key))
        {
            var years = new List<AttainmentYear>();
            // Each academic year by its latest assessment period (the summer, or the latest so far this year).
            foreach (var byYear in subject.GroupBy(a => Period.Parse(a.Period)!.AcademicYearCode).OrderBy(g => g.Key))
            {
                var latest = byYear.MaxBy(a => a.PeriodStart)!.Period;
                var results = byYear.Where(a => a.Period == latest && pupils.ContainsKey(a.PupilId)).ToList();
                var start = results.Count > 0 ? results[0].PeriodStart : default;
                results = results.Where(a => InUnit(pupils[a.PupilId], start)).ToList();
                if (results.Count == 0)
                {
                    continue;
                }
                var scores = results.Select(r => r.Score!.Value).ToArray();
                var groupsOf = results.Select(r => PupilGroups.Of(pupils[r.PupilId], start, today).ToHashSet()).ToArray();
                var flagsOf = comparisons.Select(c => groupsOf.Select(g => g.Contains(c.Group)).ToArray()).ToArray();
                var hidden = Suppress(comparisons, flagsOf, results.Count);
                var figures = comparisons.Select((c, k) =>
                {
                    var flags = flagsOf[k];
                    var inGroup = flags.Count(f => f);
                    var gap = GroupGap.Compare(scores, flags);
                    return Comparison.Of(c.Group, c.Name, c.OthersName, inGroup, flags.Length - inGroup, hidden, gap.MeanDifference.MeanSecond, gap.MeanDifference.MeanFirst,
                        gap.MeanGap, gap.MeanGapLow, gap.MeanGapHigh, gap.GapIndex);
                }).ToList();
                years.Add(new AttainmentYear(byYear.Key, latest, Spread.Describe(scores), figures));
            }
            if (years.Count > 0)
            {
                subjectGaps.Add(new Subject(subject.First().Subject, subject.First().ResultType, years));
            }
        }

        var attendance = (await SchoolAttendance.ReadAsync(db, school.Id, ct)).Marks()
            .Select(m => new { m.PupilId, m.Mark.Period, PeriodStart = m.Mark.Period.Start, m.Mark.Possible, m.Mark.Absent });
        var attendanceYears = new List<AttendanceYear>();
        foreach (var byYear in attendance.Where(a => pupils.ContainsKey(a.PupilId)).GroupBy(a => a.Period.AcademicYearCode).OrderBy(g => g.Key))
        {
            var start = byYear.Min(a => a.PeriodStart);
            var perPupil = byYear.GroupBy(a => a.PupilId)
                .Where(g => InUnit(pupils[g.Key], start))
                .Select(g => (Pupil: pupils[g.Key], Sessions: new PupilSessions(g.Sum(a => a.Possible), g.Sum(a => a.Absent)))).ToList();
            if (perPupil.Count == 0)
            {
                continue;
            }
            var all = AbsenceMeasures.Summarise(perPupil.Select(p => p.Sessions).ToArray());
            // As the measures count enrolments: a pupil with no possible sessions is in no figure.
            var counted = perPupil.Where(p => p.Sessions.Possible > 0).Select(p => PupilGroups.Of(p.Pupil, start, today).ToHashSet()).ToList();
            var hidden = Suppress(comparisons, comparisons.Select(c => counted.Select(g => g.Contains(c.Group)).ToArray()).ToArray(), counted.Count);
            var figures = comparisons.Select(c =>
            {
                var inGroup = perPupil.Where(p => PupilGroups.Of(p.Pupil, start, today).Contains(c.Group)).Select(p => p.Sessions).ToArray();
                var others = perPupil.Where(p => !PupilGroups.Of(p.Pupil, start, today).Contains(c.Group)).Select(p => p.Sessions).ToArray();
                var (g, o) = (AbsenceMeasures.Summarise(inGroup), AbsenceMeasures.Summarise(others));
                return AbsenceComparison.Of(c.Group, c.Name, c.OthersName, g.Enrolments, o.Enrolments, hidden, g.OverallAbsenceRate, o.OverallAbsenceRate,
                    g.PersistentAbsenceRate, o.PersistentAbsenceRate);
            }).ToList();
            attendanceYears.Add(new AttendanceYear(byYear.Key, all, figures));
        }
        return new View(school, unit, units.Where(u => u.Kind != UnitKind.WholeSchool).ToList(), subjectGaps, attendanceYears);
    }
}
