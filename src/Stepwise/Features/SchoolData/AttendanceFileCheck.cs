using System.Globalization;
using System.Text;
using Stepwise.Features.Imports;
using Stepwise.Features.Pupils;
using Stepwise.Features.Schools;
using Report = Stepwise.Features.Imports.ImportReport;
using Progress = Stepwise.Features.Imports.ImportProgress;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// Reads and checks an attendance file whole, before anything is written (<see cref="ImportAttendance"/>): every line
/// checked as the other kinds are, the problems and counts kept for the report, the good lines kept as marks.
/// <para>
/// A file with no quotation marks, which is how MIS exports attendance, is read line by line without a string per
/// cell (ADR 0070): a line passes only if every check passes, and any line that fails one is read again the general
/// way (<see cref="RowCells"/> and <see cref="SchoolFileLayout.Attendance"/>), so its problems are found and worded
/// exactly as for any other file. The first quotation mark sends the whole file back to the general reader.
/// </para>
/// </summary>
internal sealed class AttendanceFileCheck(School school, byte[] secret, Dictionary<string, int> pupilIds, ImportSchoolData.Request request,
    Stream file, Encoding encoding, IProgress<Progress>? progress)
{
    private const string Stage = "Checking";
    private const int ProgressEvery = 5000;

    // The first problems of each kind and exact counts (ADR 0074): a file of bad lines costs no more memory than a good one.
    private RowProblems _problems = new();
    // A UPN appears on many lines (a row per period): its keyed hash and pupil are worked out once.
    private readonly Dictionary<string, int?> _pupils = new(StringComparer.Ordinal);
    private readonly List<(int PupilId, AttendanceMark Mark)> _marks = new(Expected(file));
    // Each pupil and period once. The periods are numbered, and each pupil's are a few bits: a table of a million
    // pupils and periods, looked up on every line, took half the time of checking (ADR 0070). A MIS lists a pupil's
    // lines together, so the last pupil's bits are at hand.
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ulong[]> _periodsOf = [];
    private (int PupilId, ulong[] Periods) _last = (0, []);
    // The line of each mark taken, and, from the first line that repeats one, the line of each pupil and period.
    private readonly List<int> _lines = new(Expected(file));
    private Dictionary<long, int>? _lineOf;

    public int Accepted { get; private set; }
    public int Rejected => _problems.RejectedLines;
    public int Read => Accepted + Rejected;

    /// <summary>Refused whole: a problem with the header, any problem without "accept valid", or no rows at all.</summary>
    public bool Refused => ImportReport.RefusesWhole(_problems, Accepted, request.AcceptValid);

    /// <summary>Whether the file was read the plain way (no quotation marks), not the general way.</summary>
    public bool ReadPlainly { get; private set; }

    /// <summary>The file's good rows as marks (their import is named when they are laid over the stored ones).</summary>
    public IReadOnlyList<(int PupilId, AttendanceMark Mark)> Marks => _marks;

    /// <summary>
    /// About how many lines a file has (a line of attendance is about 30 bytes), to size the tables once; at most a
    /// million, so a large upload does not reserve memory before its first line is checked.
    /// </summary>
    private static int Expected(Stream file) => file.CanSeek ? (int)Math.Clamp(file.Length / 30, 16, 1_000_000) : 16;

    public void CheckAll(CancellationToken ct)
    {
        progress?.Report(new Progress(Stage, 0));
        ReadPlainly = new PlainLines(this).TryCheck(file, encoding, request, ct);
        if (!ReadPlainly)
        {
            Forget();
            CheckEveryLine(ct);
        }
        progress?.Report(new Progress(Stage, 1));
    }

    /// <summary>The general way: every line through CsvHelper and <see cref="SchoolFileReader"/>, quoted cells and all.</summary>
    private void CheckEveryLine(CancellationToken ct)
    {
        file.Position = 0;
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var lines = 0;
        foreach (var (parsed, rowProblems) in SchoolFileReader.Read(text, request.Layout, request.Mapping))
        {
            if (++lines % ProgressEvery == 0)
            {
                Progressed(ct);
            }
            Consider(parsed, rowProblems);
        }
    }

    private void Progressed(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (file.Length > 0)
        {
            progress?.Report(new Progress(Stage, (double)file.Position / file.Length));
        }
    }

    /// <summary>A line read the general way: its problems kept, or its mark taken.</summary>
    private void Consider(SchoolRow? parsed, IReadOnlyList<RowProblem> problems)
    {
        if (problems.Count > 0)
        {
            Problem(problems);
        }
        if (parsed is AttendanceRow row)
        {
            Take(row.Line, row.Upn, PupilOf(row.Upn), row.Period, NumberOf(row.Period.Code), row.Possible, row.Present, row.Authorised, row.Unauthorised);
        }
    }

    /// <summary>The pupil on roll with this UPN (upper case, well formed), if any.</summary>
    private int? PupilOf(string upn)
    {
        if (!_pupils.TryGetValue(upn, out var pupilId))
        {
            _pupils[upn] = pupilId = pupilIds.TryGetValue(PupilKey.FromUpn(upn, secret), out var id) ? id : null;
        }
        return pupilId;
    }

    /// <summary>A line whose cells all passed: kept, unless its pupil is not on roll or it repeats an earlier line's pupil and period.</summary>
    private void Take(int line, string upn, int? pupilId, Period period, int periodNumber, int possible, int present, int authorised, int unauthorised)
    {
        if (pupilId is not int pupil)
        {
            Problem([new RowProblem(line, "UPN", upn, $"no pupil with this UPN is on roll at {school.Name}: import pupils first")]);
            return;
        }
        if (!FirstTime(pupil, periodNumber))
        {
            Problem([new RowProblem(line, "UPN", upn, $"repeats line {LineOf(pupil, periodNumber)} (the same pupil and period)")]);
            return;
        }
        Accepted++;
        _marks.Add((pupil, new AttendanceMark(period, possible, present, authorised, unauthorised, DataImportId: 0)));
        _lines.Add(line);
        _lineOf?.Add(Key(pupil, periodNumber), line);
    }

    /// <summary>The number of a period (by its code), for <see cref="FirstTime"/>.</summary>
    private int NumberOf(string code) => _codes.TryGetValue(code, out var n) ? n : _codes[code] = _codes.Count;

    /// <summary>Notes the pupil and period as seen; false if they were already.</summary>
    private bool FirstTime(int pupil, int period)
    {
        if (_last.PupilId != pupil || _last.Periods.Length == 0)
        {
            _last = (pupil, _periodsOf.TryGetValue(pupil, out var known) ? known : _periodsOf[pupil] = new ulong[2]);
        }
        var (word, bit) = (period >> 6, 1UL << (period & 63));
        if (word >= _last.Periods.Length)
        {
            var wider = _last.Periods;
            Array.Resize(ref wider, Math.Max(word + 1, wider.Length * 2));
            _last = (pupil, _periodsOf[pupil] = wider);
        }
        if ((_last.Periods[word] & bit) != 0)
        {
            return false;
        }
        _last.Periods[word] |= bit;
        return true;
    }

    /// <summary>The line that first had this pupil and period; the table is made at the first repeat, and kept up from then on.</summary>
    private int LineOf(int pupil, int period)
    {
        if (_lineOf is null)
        {
            _lineOf = new Dictionary<long, int>(_marks.Count);
            for (var i = 0; i < _marks.Count; i++)
            {
                _lineOf.Add(Key(_marks[i].PupilId, NumberOf(_marks[i].Mark.Period.Code)), _lines[i]);
            }
        }
        return _lineOf[Key(pupil, period)];
    }

    private static long Key(int pupil, int period) => ((long)pupil << 32) | (uint)period;

    /// <summary>The problems of one line, all at once.</summary>
    private void Problem(IReadOnlyList<RowProblem> problems) => _problems.AddLine(problems);

    /// <summary>Everything learnt from a reading given up part way, before the file is read again the general way.</summary>
    private void Forget()
    {
        _problems = new RowProblems();
        _marks.Clear();
        _lines.Clear();
        _periodsOf.Clear();
        _last = (0, []);
        _lineOf = null;
        Accepted = 0;
    }

    public Report Refusal() => ImportReport.Refusal(Read, _problems);

    public Report Report(bool imported, bool alreadyImported, int added, int changed) =>
        ImportReport.Of(Read, Accepted, _problems, imported, alreadyImported, added, changed);

    /// <summary>
    /// The plain way, for a file without quotation marks: each line split on the delimiter CsvHelper finds in the
    /// header, the cells checked as spans, and each distinct UPN and period text looked at once.
    /// </summary>
    private sealed class PlainLines
    {
        // A UPN's text as written (it may differ from another line's in case) and what it stands for: not well formed
        // (null), or the UPN in upper case and its pupil on roll, if any.
        private readonly Dictionary<string, (string Upn, int? PupilId)?> _upns = new(StringComparer.Ordinal);
        // A period's text as written and the period it names with its number, or null when it names none.
        private readonly Dictionary<string, (Period Period, int Number)?> _periods = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Upn, int? PupilId)?>.AlternateLookup<ReadOnlySpan<char>> _upnsBySpan;
        private readonly Dictionary<string, (Period Period, int Number)?>.AlternateLookup<ReadOnlySpan<char>> _periodsBySpan;

        private readonly AttendanceFileCheck check;

        public PlainLines(AttendanceFileCheck check)
        {
            this.check = check;
            _upnsBySpan = _upns.GetAlternateLookup<ReadOnlySpan<char>>();
            _periodsBySpan = _periods.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>False when the file has a quotation mark, or its header is not one this way reads: then nothing it learnt is kept.</summary>
        public bool TryCheck(Stream file, Encoding encoding, ImportSchoolData.Request request, CancellationToken ct)
        {
            file.Position = 0;
            if (SchoolFileReader.PlainHeader(file, encoding) is not var (header, delimiter))
            {
                return false;
            }
            var (columns, headerProblems) = SchoolFileReader.MatchHeader(header, request.Layout, request.Mapping ?? HeaderMapping.None);
            if (headerProblems.Count > 0)
            {
                return false; // The general way reports them.
            }
            var at = new Columns(columns["UPN"], columns["Period"], columns["Possible"], columns["Present"], columns["Authorised"], columns["Unauthorised"]);
            var cells = new Range[header.Length + 1];

            file.Position = 0;
            using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            text.ReadLine(); // The header, read above.
            var number = 1;
            while (text.ReadLine() is { } line)
            {
                if (++number % ProgressEvery == 0)
                {
                    check.Progressed(ct);
                }
                var span = line.AsSpan();
                if (span.Contains('"'))
                {
                    return false;
                }
                if (Blank(span, delimiter))
                {
                    continue;
                }
                var count = span.Split(cells, delimiter);
                if (count >= header.Length && Upn(span[cells[at.Upn]]) is (string upn, var pupilId) && PeriodOf(span[cells[at.Period]]) is var (period, periodNumber)
                    && Sessions(span[cells[at.Possible]], out var possible) && Sessions(span[cells[at.Present]], out var present)
                    && Sessions(span[cells[at.Authorised]], out var authorised) && Sessions(span[cells[at.Unauthorised]], out var unauthorised)
                    && present + authorised + unauthorised <= possible)
                {
                    check.Take(number, upn, pupilId, period, periodNumber, possible, present, authorised, unauthorised);
                    continue;
                }
                // Something is wrong with the line: read again the general way, which finds and words every problem.
                ReadGenerally(number, header, columns, request.Layout, span, cells, count);
            }
            return true;
        }

        private readonly record struct Columns(int Upn, int Period, int Possible, int Present, int Authorised, int Unauthorised);

        /// <summary>Skipped, as the general reader skips a line of empty cells.</summary>
        private static bool Blank(ReadOnlySpan<char> line, char delimiter)
        {
            foreach (var c in line)
            {
                if (c != delimiter && !char.IsWhiteSpace(c))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>A UPN cell: the UPN in upper case and its pupil on roll, if any; null when the cell holds no well-formed UPN.</summary>
        private (string Upn, int? PupilId)? Upn(ReadOnlySpan<char> cell)
        {
            cell = cell.Trim();
            if (_upnsBySpan.TryGetValue(cell, out var known))
            {
                return known;
            }
            var text = cell.ToString();
            known = text.Length > 0 && PupilKey.IsWellFormedUpn(text) && text.ToUpperInvariant() is var upper ? (upper, check.PupilOf(upper)) : null;
            if (_upns.Count < 100_000) // Bounded, so a file of odd text cannot fill memory.
            {
                _upns[text] = known;
            }
            return known;
        }

        /// <summary>A period cell: the period it names and its number, or null.</summary>
        private (Period Period, int Number)? PeriodOf(ReadOnlySpan<char> cell)
        {
            cell = cell.Trim();
            if (_periodsBySpan.TryGetValue(cell, out var known))
            {
                return known;
            }
            var text = cell.ToString();
            known = text.Length > 0 && Period.Parse(text) is { } period ? (period, check.NumberOf(period.Code)) : null;
            if (_periods.Count < 10_000)
            {
                _periods[text] = known;
            }
            return known;
        }

        /// <summary>The same test as the general reader's: a whole number, no sign, at most 1,000.</summary>
        private static bool Sessions(ReadOnlySpan<char> cell, out int sessions) =>
            int.TryParse(cell.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out sessions) && sessions <= 1000;

        private void ReadGenerally(int number, string[] header, Dictionary<string, int> columns, SchoolFileLayout layout, ReadOnlySpan<char> line,
            Range[] cells, int count)
        {
            if (count < header.Length)
            {
                check.Problem([SchoolFileReader.CutShort(number, header, count)]);
                return;
            }
            var record = new string[count];
            for (var i = 0; i < count; i++)
            {
                record[i] = line[cells[i]].ToString();
            }
            var row = new RowCells(number, record, columns);
            var parsed = layout.Parse(row);
            check.Consider(row.Ok ? parsed : null, row.Problems);
        }
    }
}
