using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// A school's attendance as pupil years (ADR 0070): read whole, as every reader needs it, and — for an import — with a
/// file's marks laid over it. A mark is matched on its natural key, the pupil and the period: a new one is added, one
/// whose sessions differ replaces the stored one and names this import, an identical one is left alone, so the same
/// rows again change nothing. The years that changed are what the import writes.
/// </summary>
public sealed class SchoolAttendance
{
    private readonly Dictionary<long, Year> _years = [];

    private SchoolAttendance()
    {
    }

    /// <summary>One pupil's year: its marks in period order, and whether this import changed them.</summary>
    public sealed class Year(long? id, int pupilId, int academicYear, List<AttendanceMark> marks)
    {
        /// <summary>The stored year's id; none for a year this import adds.</summary>
        public long? Id { get; } = id;
        public int PupilId { get; } = pupilId;
        public int AcademicYear { get; } = academicYear;
        public List<AttendanceMark> Marks { get; internal set; } = marks;
        public bool Changed { get; internal set; }
    }

    public IEnumerable<Year> Years => _years.Values;

    /// <summary>A school's attendance as stored (inside the import's transaction, when an import reads it).</summary>
    public static async Task<SchoolAttendance> ReadAsync(AppDbContext db, int schoolId, CancellationToken ct)
    {
        var attendance = new SchoolAttendance();
        var reader = new AttendanceMarks.Reader();
        var stored = db.PupilAttendanceYears.AsNoTracking().Where(a => a.SchoolId == schoolId)
            .Select(a => new { a.Id, a.PupilId, a.AcademicYear, a.Marks, a.Periods }).AsAsyncEnumerable();
        await foreach (var year in stored.WithCancellation(ct))
        {
            var marks = new List<AttendanceMark>(Math.Clamp(year.Periods, 0, 400)); // At most a mark a day, and a few for longer periods.
            reader.Read(year.Marks, marks);
            attendance._years[Key(year.PupilId, year.AcademicYear)] = new Year(year.Id, year.PupilId, year.AcademicYear, marks);
        }
        return attendance;
    }

    /// <summary>Every mark with its pupil, for the figures and the gap analysis.</summary>
    public IEnumerable<(int PupilId, AttendanceMark Mark)> Marks()
    {
        foreach (var year in _years.Values)
        {
            foreach (var mark in year.Marks)
            {
                yield return (year.PupilId, mark);
            }
        }
    }

    /// <summary>
    /// Lays checked marks from a file over the stored ones (a pupil and period appear at most once in
    /// <paramref name="marks"/>), as brought by <paramref name="importId"/>; says how many marks were added and how many changed.
    /// </summary>
    public (int Added, int Changed) LayOver(IEnumerable<(int PupilId, AttendanceMark Mark)> marks, int importId)
    {
        // The file's marks by pupil year; a MIS lists a pupil's periods together and in order, so each list is usually sorted already.
        var incoming = new Dictionary<long, List<AttendanceMark>>();
        List<AttendanceMark>? last = null;
        var lastKey = long.MinValue;
        foreach (var (pupilId, fileMark) in marks)
        {
            var mark = fileMark with { DataImportId = importId };
            var key = Key(pupilId, PupilAttendanceYear.YearOf(mark.Period));
            if (key != lastKey)
            {
                if (!incoming.TryGetValue(key, out last))
                {
                    incoming[key] = last = [];
                }
                lastKey = key;
            }
            last!.Add(mark);
        }

        var (added, changed) = (0, 0);
        foreach (var (key, list) in incoming)
        {
            SortByPeriod(list);
            if (!_years.TryGetValue(key, out var year))
            {
                _years[key] = new Year(null, (int)(key >> 32), (int)(key & 0xFFFF_FFFF), list) { Changed = true };
                added += list.Count;
                continue;
            }
            var (a, c) = Merge(year, list);
            (added, changed) = (added + a, changed + c);
        }
        return (added, changed);
    }

    /// <summary>Both lists in period order: walked together, the file's mark wins where the sessions differ.</summary>
    private static (int Added, int Changed) Merge(Year year, List<AttendanceMark> file)
    {
        var stored = year.Marks;
        var merged = new List<AttendanceMark>(stored.Count + file.Count);
        var (added, changed) = (0, 0);
        int i = 0, j = 0;
        while (i < stored.Count || j < file.Count)
        {
            var order = i == stored.Count ? 1 : j == file.Count ? -1 : AttendanceMark.Compare(stored[i].Period, file[j].Period);
            if (order < 0)
            {
                merged.Add(stored[i++]);
            }
            else if (order > 0)
            {
                merged.Add(file[j++]);
                added++;
            }
            else
            {
                if (stored[i].SameSessions(file[j]))
                {
                    merged.Add(stored[i]);
                }
                else
                {
                    merged.Add(file[j]);
                    changed++;
                }
                (i, j) = (i + 1, j + 1);
            }
        }
        if (added + changed > 0)
        {
            (year.Marks, year.Changed) = (merged, true);
        }
        return (added, changed);
    }

    private static void SortByPeriod(List<AttendanceMark> marks)
    {
        for (var k = 1; k < marks.Count; k++)
        {
            if (AttendanceMark.Compare(marks[k - 1].Period, marks[k].Period) > 0)
            {
                marks.Sort((a, b) => AttendanceMark.Compare(a.Period, b.Period));
                return;
            }
        }
    }

    private static long Key(int pupilId, int academicYear) => ((long)pupilId << 32) | (uint)academicYear;
}
