using System.Buffers;
using System.Globalization;

namespace Stepwise.Features.SchoolData;

/// <summary>A pupil's sessions (half days) in one period, as the register recorded them, and the import that brought them.</summary>
public readonly record struct AttendanceMark(Period Period, int Possible, int Present, int Authorised, int Unauthorised, int DataImportId)
{
    public int Absent => Authorised + Unauthorised;

    /// <summary>Periods in the order of their starts (a week and a day may start together: then by code).</summary>
    public static int Compare(Period a, Period b)
    {
        var byStart = a.Start.CompareTo(b.Start);
        return byStart != 0 ? byStart : string.CompareOrdinal(a.Code, b.Code);
    }

    public bool SameSessions(in AttendanceMark other) =>
        Possible == other.Possible && Present == other.Present && Authorised == other.Authorised && Unauthorised == other.Unauthorised;
}

/// <summary>
/// A pupil's marks for a year as stored in <see cref="PupilAttendanceYear.Marks"/> (ADR 0070): one entry per period in
/// period order, <c>period,possible,present,authorised,unauthorised,import</c>, entries separated by semicolons, e.g.
/// <c>2024-W36,10,9,1,0,12;2024-W37,10,10,0,0,12</c>. Plain text, so a database browser shows what is stored and the
/// migration from one row per period could build it in SQL. Period codes never hold a comma or a semicolon.
/// </summary>
public static class AttendanceMarks
{
    /// <summary>The marks as stored text; they are written in the order given (callers keep period order).</summary>
    public static string Write(IReadOnlyList<AttendanceMark> marks)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(64, marks.Count * 40));
        try
        {
            var length = 0;
            for (var i = 0; i < marks.Count; i++)
            {
                var m = marks[i];
                if (i > 0)
                {
                    buffer[length++] = ';';
                }
                m.Period.Code.CopyTo(buffer.AsSpan(length));
                length += m.Period.Code.Length;
                length += Number(buffer.AsSpan(length), m.Possible);
                length += Number(buffer.AsSpan(length), m.Present);
                length += Number(buffer.AsSpan(length), m.Authorised);
                length += Number(buffer.AsSpan(length), m.Unauthorised);
                length += Number(buffer.AsSpan(length), m.DataImportId);
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static int Number(Span<char> into, int value)
    {
        into[0] = ',';
        if (!value.TryFormat(into[1..], out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("An attendance mark did not fit its buffer.");
        }
        return written + 1;
    }

    /// <summary>
    /// Reads stored marks, many years at a time: a school's periods are few, so each period code is looked up once
    /// (<see cref="Period.Parse"/>) and then found again without making a string.
    /// </summary>
    public sealed class Reader
    {
        private readonly Dictionary<string, Period> _periods = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Period>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

        public Reader() => _bySpan = _periods.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>Adds a year's marks to <paramref name="into"/>, in period order.</summary>
        public void Read(string marks, List<AttendanceMark> into)
        {
            var first = into.Count;
            var rest = marks.AsSpan();
            var sorted = true;
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOf(';');
                var entry = end < 0 ? rest : rest[..end];
                rest = end < 0 ? default : rest[(end + 1)..];
                var comma = entry.IndexOf(',');
                if (comma <= 0)
                {
                    throw Damaged(marks);
                }
                var period = PeriodOf(entry[..comma], marks);
                entry = entry[(comma + 1)..];
                var mark = new AttendanceMark(period, Next(ref entry, marks), Next(ref entry, marks), Next(ref entry, marks),
                    Next(ref entry, marks), Next(ref entry, marks));
                if (!entry.IsEmpty)
                {
                    throw Damaged(marks);
                }
                if (into.Count > first && AttendanceMark.Compare(into[^1].Period, period) is var order && order >= 0)
                {
                    sorted = false;
                    if (order == 0)
                    {
                        throw Damaged(marks); // A period twice in one year would be counted twice.
                    }
                }
                into.Add(mark);
            }
            if (!sorted)
            {
                // Written in period order by Stepwise; a year moved across by a migration may order ties otherwise.
                into.Sort(first, into.Count - first, Comparer<AttendanceMark>.Create((a, b) => AttendanceMark.Compare(a.Period, b.Period)));
                for (var i = first + 1; i < into.Count; i++)
                {
                    if (AttendanceMark.Compare(into[i - 1].Period, into[i].Period) == 0)
                    {
                        throw Damaged(marks);
                    }
                }
            }
        }

        private Period PeriodOf(ReadOnlySpan<char> code, string marks)
        {
            if (_bySpan.TryGetValue(code, out var known))
            {
                return known;
            }
            var text = code.ToString();
            var period = Period.Parse(text) ?? throw Damaged(marks);
            _periods[text] = period;
            return period;
        }

        private static int Next(ref ReadOnlySpan<char> entry, string marks)
        {
            var comma = entry.IndexOf(',');
            var digits = comma < 0 ? entry : entry[..comma];
            entry = comma < 0 ? default : entry[(comma + 1)..];
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Damaged(marks);
        }

        private static InvalidDataException Damaged(string marks) =>
            new($"Stored attendance marks could not be read: \"{(marks.Length > 80 ? marks[..80] + "…" : marks)}\".");
    }
}
