using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stepwise.Analytics.Attendance;
using Stepwise.Analytics.Groups;
using Stepwise.Data;
using Stepwise.Features.Pupils;
using Stepwise.Features.Reference;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// Recalculates a school's metric series from its pupil records — attendance, assessments and behaviour — for all
/// pupils and for each pupil group, in every period the records cover (and each academic year as a whole for
/// attendance). Runs inside the import's transaction; values that did not change keep their provenance, values that
/// did are stamped with the import that changed them. A group of fewer than 5 pupils gets no figure, and neither does
/// a larger group whose figure would give a smaller one away by subtraction (complementary suppression, ADR 0073).
/// </summary>
public sealed partial class DeriveSchoolMetrics(AppDbContext db, TimeProvider clock)
{
    public const int SmallestGroup = ComplementarySuppression.SmallestGroup;
    public const string FewerThanFive = "fewer-than-5";

    /// <summary>Why a group of 5 or more has no figure: with the figures shown beside it, it would give a smaller group's away.</summary>
    public const string Withheld = "withheld";

    /// <summary>Whether a stored value is hidden (<see cref="FewerThanFive"/> or <see cref="Withheld"/>): neither its figure nor its count is shown.</summary>
    public static bool IsHidden(string? missing) => missing is FewerThanFive or Withheld;
    private const string Derived = "Calculated by Stepwise from the school's own pupil records";

    public static readonly Metric OverallAbsence = Catalogue("attendance.overall-absence", "Overall absence", "% of sessions", "down");
    public static readonly Metric PersistentAbsence = Catalogue("attendance.persistent-absence", "Persistent absence (missing 10% or more)", "% of pupils", "down");
    public static readonly Metric SevereAbsence = Catalogue("attendance.severe-absence", "Severe absence (missing 50% or more)", "% of pupils", "down");
    public static readonly Metric Incidents = Catalogue("behaviour.incidents", "Behaviour incidents per 100 pupils", "per 100 pupils", "down");

    public static Metric Expected(string subject) => Catalogue($"assessment.{Slug.Of(subject)}.expected", $"{subject}: reaching the expected standard", "% of pupils", "up");

    public static Metric MeanScore(string subject) => Catalogue($"assessment.{Slug.Of(subject)}.mean-score", $"{subject}: mean score", "score", "up");

    internal sealed record Figure(string MetricKey, string Group, Period Period, double? Value, string? Missing, int Pupils);

    /// <summary>A school's attendance figures worked out in advance (by the import, from the rows it read).</summary>
    internal sealed record AttendanceFigureSet(List<Figure> Figures, PupilMemberships Groups);

    /// <summary>
    /// Recalculates every series of the school. <paramref name="attendance"/>: the attendance figures when the caller
    /// has already worked them out from the school's rows; otherwise they are worked out from the stored rows.
    /// </summary>
    public async Task ForSchoolAsync(int schoolId, int? importId, CancellationToken ct) => await ForSchoolAsync(schoolId, importId, null, ct);

    internal async Task ForSchoolAsync(int schoolId, int? importId, AttendanceFigureSet? attendance, CancellationToken ct)
    {
        var groups = attendance?.Groups ?? await MembershipsAsync(schoolId, ct);
        var pupils = groups.Pupils;
        var figures = new List<Figure>();
        var metrics = new List<Metric>();

        if ((attendance?.Figures ?? await AttendanceFiguresAsync(schoolId, groups, ct)) is { Count: > 0 } attendanceFigures)
        {
            metrics.AddRange([OverallAbsence, PersistentAbsence, SevereAbsence]);
            figures.AddRange(attendanceFigures);
        }

        var assessments = await db.Assessments.AsNoTracking().Where(a => a.SchoolId == schoolId)
            .Select(a => new { a.PupilId, a.Subject, a.Period, a.Score, a.Expected, a.ResultType }).ToListAsync(ct);
        foreach (var subject in assessments.GroupBy(a => a.Subject, StringComparer.OrdinalIgnoreCase))
        {
            var expected = Expected(subject.First().Subject);
            var mean = MeanScore(subject.First().Subject);
            var hasScores = subject.Any(a => a.Score is not null);
            metrics.Add(expected);
            if (hasScores)
            {
                metrics.Add(mean);
            }
            foreach (var period in subject.GroupBy(a => Period.Parse(a.Period)!))
            {
                // Each figure hides its own small groups: the pupils with a standard and those with a score may differ.
                var hiddenExpected = Suppress(period.Where(a => a.Expected is not null).Select(a => groups.Of(a.PupilId, period.Key.Start)));
                var hiddenMean = Suppress(period.Where(a => a.Score is not null).Select(a => groups.Of(a.PupilId, period.Key.Start)));
                foreach (var group in ByGroup(period, period.Key, groups, a => a.PupilId))
                {
                    var withStandard = group.Items.Where(a => a.Expected is not null).ToList();
                    figures.Add(Make(expected, group.Name, period.Key,
                        withStandard.Count == 0 ? null : 100.0 * withStandard.Count(a => a.Expected == true) / withStandard.Count, withStandard.Count, hiddenExpected));
                    if (hasScores)
                    {
                        var scores = group.Items.Where(a => a.Score is not null).Select(a => a.Score!.Value).ToList();
                        figures.Add(Make(mean, group.Name, period.Key, scores.Count == 0 ? null : scores.Average(), scores.Count, hiddenMean));
                    }
                }
            }
        }

        var incidents = await db.BehaviourIncidents.AsNoTracking().Where(b => b.SchoolId == schoolId).Select(b => new { b.PupilId, b.Date }).ToListAsync(ct);
        if (incidents.Count > 0)
        {
            metrics.Add(Incidents);
            foreach (var period in incidents.GroupBy(i => Period.HalfTermOf(i.Date)))
            {
                // Per 100 pupils on roll when the half-term started, in each group: this school's roll, not a school a pupil has moved to.
                var onRoll = pupils.Values.Where(p => p.SchoolId == schoolId && (p.LeftOn is null || p.LeftOn >= period.Key.Start)).ToList();
                var hidden = Suppress(onRoll.Select(p => groups.Of(p.Id, period.Key.Start)));
                foreach (var group in ByGroup(onRoll, period.Key, groups, p => p.Id))
                {
                    var members = group.Items.Select(p => p.Id).ToHashSet();
                    var count = period.Count(i => members.Contains(i.PupilId));
                    figures.Add(Make(Incidents, group.Name, period.Key, 100.0 * count / members.Count, members.Count, hidden));
                }
            }
        }

        // Saved whole: in the import's transaction, or in one of its own when called outside an import.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await EnsureCatalogueAsync(metrics, ct);
        await SaveAsync(schoolId, importId, figures, ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
    }

    /// <summary>The school's pupils and the groups each is in over time, for working out figures by group.</summary>
    internal async Task<PupilMemberships> MembershipsAsync(int schoolId, CancellationToken ct)
    {
        var pupils = await WithRecordsAt(db, schoolId).AsNoTracking().Include(p => p.Characteristics.Where(c => c.SchoolId == schoolId)).AsSplitQuery().ToDictionaryAsync(p => p.Id, ct);
        return new PupilMemberships(pupils, clock.Today());
    }

    /// <summary>
    /// The pupils whose records a school's figures count: those on its roll, and those who have since moved to another
    /// school of the trust but whose attendance, results or incidents this school recorded (ADR 0070).
    /// </summary>
    internal static IQueryable<Pupil> WithRecordsAt(AppDbContext db, int schoolId)
    {
        var ids = db.Pupils.Where(p => p.SchoolId == schoolId).Select(p => p.Id)
            .Union(db.PupilAttendanceYears.Where(y => y.SchoolId == schoolId).Select(y => y.PupilId))
            .Union(db.Assessments.Where(a => a.SchoolId == schoolId).Select(a => a.PupilId))
            .Union(db.BehaviourIncidents.Where(b => b.SchoolId == schoolId).Select(b => b.PupilId));
        return db.Pupils.Where(p => ids.Contains(p.Id));
    }

    private async Task<List<Figure>> AttendanceFiguresAsync(int schoolId, PupilMemberships groups, CancellationToken ct) =>
        CalculateAttendance(await SchoolAttendance.ReadAsync(db, schoolId, ct), groups).Figures;

    /// <summary>
    /// Attendance for each period as recorded and for each academic year as a whole (a pupil's sessions summed over
    /// the year), for all pupils and each group. Written as plain loops over the marks: a school's attendance can be a
    /// million marks (a pupil's sessions per week), and each mark's groups come from <see cref="PupilMemberships"/>,
    /// numbered once for each distinct set. Each group's enrolments are tallied as they come (<see cref="AbsenceTally"/>),
    /// not kept in lists: the same sums and counts as <see cref="AbsenceMeasures.Summarise"/>. Pure: the import works these out from the school's attendance as it is
    /// being written (ADR 0070).
    /// </summary>
    internal static AttendanceFigureSet CalculateAttendance(SchoolAttendance attendance, PupilMemberships groups)
    {
        // Periods by code: a school names each period for thousands of pupils, and equal periods may be different objects.
        var periods = new Dictionary<string, PeriodSlot>(StringComparer.Ordinal);
        var slots = new List<PeriodSlot>();
        PeriodSlot SlotOf(Period period)
        {
            if (!periods.TryGetValue(period.Code, out var slot))
            {
                periods[period.Code] = slot = new PeriodSlot(period, slots.Count);
                slots.Add(slot);
            }
            return slot;
        }
        foreach (var year in attendance.Years)
        {
            // A pupil's year is held together: its sum is taken here, over every period shorter than the year.
            var (possible, absent) = (0, 0);
            PeriodSlot? whole = null;
            foreach (var mark in year.Marks)
            {
                var slot = SlotOf(mark.Period);
                slot.Items.Add((year.PupilId, new PupilSessions(mark.Possible, mark.Absent)));
                if (mark.Period.Kind != PeriodKind.Year)
                {
                    whole ??= slot.Year ??= SlotOf(Period.Parse(mark.Period.AcademicYearCode)!);
                    (possible, absent) = (possible + mark.Possible, absent + mark.Absent);
                }
            }
            whole?.Items.Add((year.PupilId, new PupilSessions(possible, absent)));
        }

        // Each distinct set of groups (PupilMemberships hands out one array per pupil's stretch of days) numbered once.
        var names = new List<string>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbered = new Dictionary<string[], int[]>(ReferenceEqualityComparer.Instance);
        var tallies = new List<AbsenceTally>();
        int[] Numbers(string[] set)
        {
            if (!numbered.TryGetValue(set, out var known))
            {
                numbered[set] = known = new int[set.Length];
                for (var i = 0; i < set.Length; i++)
                {
                    if (!numbers.TryGetValue(set[i], out known[i]))
                    {
                        numbers[set[i]] = known[i] = names.Count;
                        names.Add(set[i]);
                        tallies.Add(default);
                    }
                }
            }
            return known;
        }
        var figures = new List<Figure>();
        var cells = new Dictionary<string[], int>(ReferenceEqualityComparer.Instance);
        foreach (var slot in slots)
        {
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tallies).Clear();
            cells.Clear();
            foreach (var (pupilId, sessions) in slot.Items)
            {
                var set = groups.Of(pupilId, slot.Period.Start);
                if (sessions.Possible > 0) // As the tally counts enrolments: one with no possible sessions is in no figure.
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cells, set, out _)++;
                }
                var pupilGroups = Numbers(set);
                var tally = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tallies); // After Numbers, which may add a group.
                foreach (var group in pupilGroups)
                {
                    tally[group].Add(sessions);
                }
            }
            var hidden = Suppress(cells.Select(c => new GroupCell(c.Key, c.Value)));
            for (var group = 0; group < tallies.Count; group++)
            {
                if (tallies[group].IsEmpty)
                {
                    continue;
                }
                var summary = tallies[group].Summary();
                figures.Add(Make(OverallAbsence, names[group], slot.Period, summary.OverallAbsenceRate, summary.Enrolments, hidden));
                figures.Add(Make(PersistentAbsence, names[group], slot.Period, summary.PersistentAbsenceRate, summary.Enrolments, hidden));
                figures.Add(Make(SevereAbsence, names[group], slot.Period, summary.SevereAbsenceRate, summary.Enrolments, hidden));
            }
            slot.Items.Clear(); // Done with: a million marks need not stay in memory twice.
        }
        return new AttendanceFigureSet(figures, groups);
    }

    private sealed class PeriodSlot(Period period, int index)
    {
        public Period Period { get; } = period;
        public int Index { get; } = index;
        public PeriodSlot? Year { get; set; }
        public List<(int PupilId, PupilSessions Sessions)> Items { get; } = [];
    }

    private static IEnumerable<(string Name, List<T> Items)> ByGroup<T>(IEnumerable<T> items, Period period, PupilMemberships memberships, Func<T, int> pupilOf)
    {
        var groups = new Dictionary<string, List<T>>();
        foreach (var item in items)
        {
            foreach (var group in memberships.Of(pupilOf(item), period.Start))
            {
                if (!groups.TryGetValue(group, out var list))
                {
                    groups[group] = list = [];
                }
                list.Add(item);
            }
        }
        return groups.Select(g => (g.Key, g.Value));
    }

    /// <summary>A figure as shown: none for a small group (<see cref="FewerThanFive"/>) or one withheld to protect it (<see cref="Withheld"/>).</summary>
    private static Figure Make(Metric metric, string group, Period period, double? value, int pupils, GroupSuppression hidden) =>
        pupils < SmallestGroup || hidden.Small.Contains(group)
            ? new Figure(metric.Key, group, period, null, FewerThanFive, pupils)
            : hidden.Withheld.Contains(group)
                ? new Figure(metric.Key, group, period, null, Withheld, pupils)
                : new Figure(metric.Key, group, period, value is double v ? Math.Round(v, 6) : null, value is null ? "no-data" : null, pupils);

    /// <summary>The groups to hide among the counted pupils, from each one's groups (ADR 0073).</summary>
    internal static GroupSuppression Suppress(IEnumerable<string[]> pupils) =>
        Suppress(pupils.GroupBy(g => g, ReferenceEqualityComparer.Instance).Select(g => new GroupCell((string[])g.Key!, g.Count())));

    private static GroupSuppression Suppress(IEnumerable<GroupCell> cells) => ComplementarySuppression.Decide(cells.ToList(), PupilGroups.PartitionOf);

    private async Task EnsureCatalogueAsync(List<Metric> metrics, CancellationToken ct)
    {
        var keys = metrics.Select(m => m.Key).ToList();
        var known = await db.Metrics.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct);
        foreach (var metric in metrics.Where(m => !known.Contains(m.Key)).DistinctBy(m => m.Key))
        {
            db.Metrics.Add(new Metric { Key = metric.Key, Name = metric.Name, Unit = metric.Unit, Polarity = metric.Polarity, Source = metric.Source, Level = metric.Level });
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task SaveAsync(int schoolId, int? importId, List<Figure> figures, CancellationToken ct)
    {
        var existing = await db.MetricValues.Where(v => v.SchoolId == schoolId).ToDictionaryAsync(v => (v.MetricKey, v.Group, v.Period), ct);
        var trustId = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TrustId).SingleAsync(ct);
        var added = new List<MetricValue>();
        foreach (var f in figures)
        {
            if (existing.Remove((f.MetricKey, f.Group, f.Period.Code), out var known))
            {
                if (known.Value != f.Value || known.Missing != f.Missing || known.Pupils != f.Pupils)
                {
                    (known.Value, known.Missing, known.Pupils, known.DataImportId) = (f.Value, f.Missing, f.Pupils, importId);
                }
                continue;
            }
            added.Add(new MetricValue
            {
                TrustId = trustId, SchoolId = schoolId, MetricKey = f.MetricKey, Group = f.Group, Period = f.Period.Code, PeriodKind = f.Period.Kind,
                PeriodStart = f.Period.Start, Value = f.Value, Missing = f.Missing, Pupils = f.Pupils, DataImportId = importId,
            });
        }
        // A figure no longer supported by the records (a group that emptied) goes.
        db.MetricValues.RemoveRange(existing.Values);
        await db.SaveChangesAsync(ct);
        // New values without the change tracker: a first import of a year's weekly attendance adds thousands.
        await BulkInsert.InsertAsync(db, added, ct);
    }

    private static Metric Catalogue(string key, string name, string unit, string polarity) =>
        new() { Key = key, Name = name, Unit = unit, Polarity = polarity, Source = Derived, Level = "pupil-group" };
}
