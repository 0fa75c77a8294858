using System.Text;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Analysis;
using Stepwise.Features.Pupils;
using Stepwise.Features.Schools;
using Report = Stepwise.Features.Reference.ImportNationalData.Report;
using Progress = Stepwise.Features.Reference.ImportNationalData.Progress;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// A school's attendance file, the biggest kind (a row per pupil per week or day). The file is read and checked whole
/// first, outside any transaction, so a refused file holds no lock and writes nothing: by default any bad line refuses
/// it, and with <c>acceptValid</c> the good lines are kept. Then, in one transaction (ADR 0050), the school's stored
/// attendance is read, the file's marks are laid over it (<see cref="SchoolAttendance"/>), the pupil years that changed
/// are written (ADR 0062), and the school's metric series are worked out from the result and saved.
/// </summary>
public sealed class ImportAttendance(AppDbContext db, TrustScope scope, TimeProvider clock, DeriveSchoolMetrics derive)
{
    internal async Task<Report> HandleAsync(School school, ImportSchoolData.Request request, Stream file, string hash, Encoding encoding,
        IProgress<Progress>? progress, CancellationToken ct)
    {
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true);
        var secret = await db.Trusts.Where(t => t.Id == school.TrustId).Select(t => t.PseudonymSecret).SingleAsync(ct);
        var pupilIds = await db.Pupils.Where(p => p.SchoolId == school.Id).ToDictionaryAsync(p => p.Key, p => p.Id, ct);
        var reading = new Reading(school, secret, pupilIds, request, text, file, progress);
        reading.CheckAll(ct);
        if (reading.Refused)
        {
            return reading.Refusal();
        }
        if (await db.DataImports.AnyAsync(d => d.SchoolId == school.Id && d.Kind == request.Layout.Kind && d.Hash == hash, ct))
        {
            // The same file again: checked, so a damaged file is still reported as such, and nothing is written.
            return reading.Report(imported: false, alreadyImported: true, 0, 0);
        }

        db.AuditEachRow = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ImportSchoolData.LockSchoolAsync(db, school.Id, ct);
        if (await db.DataImports.AnyAsync(d => d.SchoolId == school.Id && d.Kind == request.Layout.Kind && d.Hash == hash, ct))
        {
            // The same file, imported by someone else while this one was being checked.
            return reading.Report(imported: false, alreadyImported: true, 0, 0);
        }
        var import = new DataImport
        {
            TrustId = school.TrustId, SchoolId = school.Id, Kind = request.Layout.Kind, FileName = Path.GetFileName(request.FileName), Hash = hash,
            Actor = scope.Actor, At = clock.GetUtcNow().UtcDateTime,
        };
        db.DataImports.Add(import);
        await db.SaveChangesAsync(ct);
        // Read under the lock, so no other import of the school's data changes them before the commit.
        var groups = await derive.MembershipsAsync(school.Id, ct);
        var attendance = await SchoolAttendance.ReadAsync(db, school.Id, ct);
        var (added, changed) = attendance.LayOver(reading.Marks, import.Id);

        // The changed pupil years are written on another thread while this one works out the figures from them: the
        // writing waits mostly on the database, the figures only on this processor. Neither changes the years.
        var years = attendance.Years.Where(y => y.Changed).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writing = Task.Run(() => SaveAttendanceInBulk.WriteAsync(db, school.TrustId, school.Id, import.Id, years, progress, stop.Token), stop.Token);
        DeriveSchoolMetrics.AttendanceFigureSet figures;
        try
        {
            figures = DeriveSchoolMetrics.CalculateAttendance(attendance, groups);
        }
        catch
        {
            await stop.CancelAsync(); // Nothing will be kept: the writer need not finish.
            throw;
        }
        finally
        {
            // Whatever happens here, the writer has stopped before the context is used again or the transaction rolled back.
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await writing;

        progress?.Report(new Progress("Calculating", 0));
        (import.Read, import.Accepted, import.Rejected, import.Added, import.Changed) = (reading.Read, reading.Accepted, reading.Rejected, added, changed);
        db.DataImports.Update(import);
        db.Audit(school.TrustId, "Imported", nameof(DataImport), import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{request.Layout.Kind} for {school.Name} ({school.Urn}) from {import.FileName}: {import.Accepted:N0} rows, {import.Added:N0} added, {import.Changed:N0} changed");
        await db.SaveChangesAsync(ct);
        await derive.ForSchoolAsync(school.Id, import.Id, figures, ct);
        await transaction.CommitAsync(ct);
        progress?.Report(new Progress("Calculating", 1));
        return reading.Report(imported: true, alreadyImported: false, import.Added, import.Changed);
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
        private readonly List<(int PupilId, AttendanceMark Mark)> _marks = new(Expected(file));

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

        /// <summary>The file's good rows as marks (their import is named when they are laid over the stored ones).</summary>
        public IReadOnlyList<(int PupilId, AttendanceMark Mark)> Marks => _marks;

        public void CheckAll(CancellationToken ct)
        {
            const string stage = "Checking";
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
                _marks.Add((pupil, new AttendanceMark(row.Period, row.Possible, row.Present, row.Authorised, row.Unauthorised, DataImportId: 0)));
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

