using System.Buffers;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Analysis;
using Stepwise.Features.Pupils;
using Stepwise.Features.Schools;
using Report = Stepwise.Features.Reference.ImportNationalData.Report;
using Progress = Stepwise.Features.Reference.ImportNationalData.Progress;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// A school's attendance file, the biggest kind (a row per pupil per week or day), imported as a pipeline (ADR 0053):
/// this thread reads and checks each line and hands the good rows in batches to a writer on another thread, which saves
/// them in bulk inside the import's one transaction (ADR 0050) while reading goes on. The rules are the other kinds':
/// by default any bad line refuses the whole file (the writer is stopped, the transaction rolled back, and reading goes
/// on to report every problem); with <c>acceptValid</c> the good lines are kept. The school's metric series are worked
/// out from the rows already read — the school's stored rows with the file's laid over them — while the writer
/// finishes, and saved in the same transaction.
/// </summary>
public sealed class ImportAttendance(AppDbContext db, TrustScope scope, TimeProvider clock, DeriveSchoolMetrics derive)
{
    private const int BatchSize = 2048;
    private const int BatchesQueued = 16;

    internal async Task<Report> HandleAsync(School school, ImportSchoolData.Request request, Stream file, string hash, Encoding encoding,
        IProgress<Progress>? progress, CancellationToken ct)
    {
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true);
        var secret = await db.Trusts.Where(t => t.Id == school.TrustId).Select(t => t.PseudonymSecret).SingleAsync(ct);
        var pupilIds = await db.Pupils.Where(p => p.SchoolId == school.Id).ToDictionaryAsync(p => p.Key, p => p.Id, ct);
        var reading = new Reading(school, secret, pupilIds, request, text, file, progress);

        if (await db.DataImports.AnyAsync(d => d.SchoolId == school.Id && d.Kind == request.Layout.Kind && d.Hash == hash, ct))
        {
            // The same file again: checked, so a damaged file is still reported as such, and nothing is written.
            await reading.ReadAsync(null, "Checking", ct);
            return reading.Refused ? reading.Refusal() : reading.Report(imported: false, alreadyImported: true, 0, 0);
        }

        db.AuditEachRow = false;
        await using var connection = await SaveAttendanceInBulk.PrepareConnectionAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var import = new DataImport
        {
            TrustId = school.TrustId, SchoolId = school.Id, Kind = request.Layout.Kind, FileName = Path.GetFileName(request.FileName), Hash = hash,
            Actor = scope.Actor, At = clock.GetUtcNow().UtcDateTime,
        };
        db.DataImports.Add(import);
        await db.SaveChangesAsync(ct);
        var groups = await derive.MembershipsAsync(school.Id, ct);
        reading.Merge(await StoredAsync(school.Id, ct));
        var before = await SaveAttendanceInBulk.CountAsync(db, school.Id, ct);

        var touched = 0;
        DeriveSchoolMetrics.AttendanceFigureSet? figures = null;
        await using (var writer = await SaveAttendanceInBulk.OpenAsync(db, school.TrustId, school.Id, import.Id, ct))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var pipe = new Pipe(writer, stop.Token);
            var complete = false;
            try
            {
                await reading.ReadAsync(pipe, "Checking and saving", ct);
                if (!reading.Refused)
                {
                    await pipe.FlushAsync(ct);
                    complete = true;
                }
                pipe.Finish(complete);
                if (complete)
                {
                    // The writer is still saving the last batches (and on PostgreSQL upserting them all): work out the figures meanwhile.
                    progress?.Report(new Progress("Calculating", 0));
                    figures = DeriveSchoolMetrics.CalculateAttendance(reading.SchoolRows(), groups);
                    touched = await pipe.Written;
                }
            }
            finally
            {
                // Whatever happened here (a refused file, a failure, a cancelled import), the writer's thread has stopped
                // before the writer is disposed and the transaction is rolled back.
                if (!pipe.Written.IsCompleted)
                {
                    pipe.Finish(commit: false);
                    await stop.CancelAsync();
                    await pipe.AbandonAsync();
                }
            }
            if (!complete)
            {
                return reading.Refusal(); // The transaction is rolled back when it is disposed: nothing is kept.
            }
        }

        var added = await SaveAttendanceInBulk.CountAsync(db, school.Id, ct) - before;
        (import.Read, import.Accepted, import.Rejected, import.Added, import.Changed) = (reading.Read, reading.Accepted, reading.Rejected, added, touched - added);
        db.DataImports.Update(import);
        db.Audit(school.TrustId, "Imported", nameof(DataImport), import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{request.Layout.Kind} for {school.Name} ({school.Urn}) from {import.FileName}: {import.Accepted:N0} rows, {import.Added:N0} added, {import.Changed:N0} changed");
        await db.SaveChangesAsync(ct);
        await derive.ForSchoolAsync(school.Id, import.Id, figures, ct);
        await transaction.CommitAsync(ct);
        progress?.Report(new Progress("Calculating", 1));
        return reading.Report(imported: true, alreadyImported: false, import.Added, import.Changed);
    }

    /// <summary>The school's attendance as stored before this import, for the figures: the file's rows are laid over it.</summary>
    private async Task<List<PupilPeriodSessions>> StoredAsync(int schoolId, CancellationToken ct)
    {
        var rows = await db.AttendanceRecords.AsNoTracking().Where(a => a.SchoolId == schoolId)
            .Select(a => new { a.PupilId, a.Period, a.Possible, Absent = a.Authorised + a.Unauthorised }).ToListAsync(ct);
        return [.. rows.Select(r => new PupilPeriodSessions(r.PupilId, Period.Parse(r.Period)!, r.Possible, r.Absent))];
    }

    /// <summary>
    /// Hands batches of checked rows to the writer's thread. If the writer fails, the reading side learns at its next
    /// batch (the queue is closed with the writer's error); if reading fails or refuses the file, the writer stops
    /// after what is queued and does not finish (no upsert on PostgreSQL), and the transaction is rolled back.
    /// </summary>
    private sealed class Pipe
    {
        private readonly Channel<(AttendanceFigures[] Rows, int Count)> _queue =
            Channel.CreateBounded<(AttendanceFigures[] Rows, int Count)>(new BoundedChannelOptions(BatchesQueued) { SingleReader = true, SingleWriter = true });
        private readonly TaskCompletionSource<bool> _commit = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private AttendanceFigures[] _batch = ArrayPool<AttendanceFigures>.Shared.Rent(BatchSize);
        private int _count;

        public Pipe(AttendanceWriter writer, CancellationToken ct) => Written = Task.Run(() => WriteAsync(writer, ct), ct);

        /// <summary>How many rows the writer touched, once it has finished.</summary>
        public Task<int> Written { get; }

        public async ValueTask AddAsync(AttendanceFigures row, CancellationToken ct)
        {
            _batch[_count++] = row;
            if (_count == BatchSize)
            {
                await _queue.Writer.WriteAsync((_batch, _count), ct);
                (_batch, _count) = (ArrayPool<AttendanceFigures>.Shared.Rent(BatchSize), 0);
            }
        }

        /// <summary>Queues the last, part-full batch.</summary>
        public async ValueTask FlushAsync(CancellationToken ct)
        {
            if (_count > 0)
            {
                await _queue.Writer.WriteAsync((_batch, _count), ct);
                _count = 0;
            }
        }

        /// <summary>No more rows: the writer finishes (commit) or stops after what is queued.</summary>
        public void Finish(bool commit)
        {
            _queue.Writer.TryComplete();
            _commit.TrySetResult(commit);
        }

        /// <summary>Waits for the writer to stop after a refused or failed import; its own errors no longer matter, the transaction is rolled back.</summary>
        public async Task AbandonAsync()
        {
            try
            {
                await Written;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
            }
        }

        private async Task<int> WriteAsync(AttendanceWriter writer, CancellationToken ct)
        {
            try
            {
                await foreach (var (rows, count) in _queue.Reader.ReadAllAsync(ct))
                {
                    writer.Write(rows.AsSpan(0, count));
                    ArrayPool<AttendanceFigures>.Shared.Return(rows);
                }
                if (!await _commit.Task)
                {
                    return 0;
                }
                ct.ThrowIfCancellationRequested();
                return await writer.CompleteAsync(ct);
            }
            catch (Exception e)
            {
                _queue.Writer.TryComplete(e);
                throw;
            }
        }
    }

    /// <summary>The reading and checking side: every line checked as the other kinds are, the problems and counts kept for the report.</summary>
    private sealed class Reading(School school, byte[] secret, Dictionary<string, int> pupilIds, ImportSchoolData.Request request, TextReader text,
        Stream file, IProgress<Progress>? progress)
    {
        private readonly List<CsvProblem> _problems = [];
        private readonly HashSet<int> _badLines = [];
        // A UPN appears on many lines (a row per period): its keyed hash and pupil are worked out once.
        private readonly Dictionary<string, int?> _pupils = new(StringComparer.Ordinal);
        // Each pupil and period once, by the pupil's id and the period's number: a million lines, so no strings hashed twice.
        private readonly Dictionary<long, int> _seen = new(Expected(file));
        private readonly List<PupilPeriodSessions> _rows = new(Expected(file));
        private Dictionary<(int PupilId, string Period), PupilPeriodSessions>? _stored;

        public int Accepted { get; private set; }
        public int Rejected => _badLines.Count;
        public int Read => Accepted + Rejected;

        /// <summary>Refused whole: a problem with the header, any problem without "accept valid", or no rows at all.</summary>
        public bool Refused => _problems.Any(p => p.Line == 1) || (_problems.Count > 0 && !request.AcceptValid) || Accepted == 0;

        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

        private int NumberOf(string code) => _codes.TryGetValue(code, out var n) ? n : _codes[code] = _codes.Count;

        /// <summary>
        /// About how many lines a file has (a line of attendance is about 30 bytes), to size the tables once; at most a
        /// million, so a large upload does not reserve memory before its first line is checked.
        /// </summary>
        private static int Expected(Stream file) => file.CanSeek ? (int)Math.Clamp(file.Length / 30, 16, 1_000_000) : 16;

        public void Merge(List<PupilPeriodSessions> stored)
        {
            if (stored.Count > 0)
            {
                _stored = stored.ToDictionary(s => (s.PupilId, s.Period.Code));
            }
        }

        /// <summary>The school's rows as they will be once saved: the stored ones with this file's laid over them.</summary>
        public IEnumerable<PupilPeriodSessions> SchoolRows()
        {
            if (_stored is null)
            {
                return _rows;
            }
            foreach (var row in _rows)
            {
                _stored[(row.PupilId, row.Period.Code)] = row;
            }
            return _stored.Values;
        }

        public async Task ReadAsync(Pipe? pipe, string stage, CancellationToken ct)
        {
            var lines = 0;
            progress?.Report(new Progress(stage, 0));
            foreach (var (parsed, rowProblems) in SchoolFileReader.Read(text, request.Layout, request.Mapping))
            {
                if (++lines % 5000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    if (file.CanSeek && file.Length > 0)
                    {
                        progress?.Report(new Progress(stage, (double)file.Position / file.Length));
                    }
                }
                if (rowProblems.Count > 0)
                {
                    Problem(rowProblems);
                }
                if (parsed is not AttendanceRow row)
                {
                    continue;
                }
                if (!_pupils.TryGetValue(row.Upn, out var pupilId))
                {
                    _pupils[row.Upn] = pupilId = pupilIds.TryGetValue(PupilKey.FromUpn(row.Upn, secret), out var id) ? id : null;
                }
                if (pupilId is not int pupil)
                {
                    Problem([new CsvProblem(row.Line, "UPN", row.Upn, $"no pupil with this UPN is on roll at {school.Name}: import pupils first")]);
                    continue;
                }
                var number = NumberOf(row.Period.Code);
                var key = ((long)pupil << 32) | (uint)number;
                if (!_seen.TryAdd(key, row.Line))
                {
                    Problem([new CsvProblem(row.Line, "UPN", row.Upn, $"repeats line {_seen[key]} (the same pupil and period)")]);
                    continue;
                }
                Accepted++;
                _rows.Add(new PupilPeriodSessions(pupil, row.Period, row.Possible, row.Authorised + row.Unauthorised));
                if (pipe is not null && (request.AcceptValid || _problems.Count == 0))
                {
                    await pipe.AddAsync(new AttendanceFigures(pupil, row.Period.Code, row.Period.Start, row.Possible, row.Present, row.Authorised, row.Unauthorised), ct);
                }
            }
            progress?.Report(new Progress(stage, 1));
        }

        private void Problem(IReadOnlyList<CsvProblem> problems)
        {
            _problems.AddRange(problems);
            foreach (var p in problems)
            {
                _badLines.Add(p.Line);
            }
        }

        public Report Refusal()
        {
            var problems = _problems;
            if (Accepted == 0 && problems.Count == 0)
            {
                problems = [new CsvProblem(2, "", "", "the file has a header but no rows")];
            }
            return new Report(Read, 0, Read, problems, Imported: false, AlreadyImported: false, 0, 0);
        }

        public Report Report(bool imported, bool alreadyImported, int added, int changed) =>
            new(Read, Accepted, Rejected, _problems, imported, alreadyImported, added, changed);
    }
}

/// <summary>A pupil's sessions in a period, as the figures need them.</summary>
internal readonly record struct PupilPeriodSessions(int PupilId, Period Period, int Possible, int Absent);
