using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Imports;
using Stepwise.Features.Pupils;
using Stepwise.Features.Reference;
using Stepwise.Features.Schools;
using Report = Stepwise.Features.Imports.ImportReport;
using Progress = Stepwise.Features.Imports.ImportProgress;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// Imports one of a school's MIS exports (pupils, assessments, attendance, behaviour). Same rules as national files:
/// every line is checked first and, by default, a file with any bad line is refused whole with every problem reported;
/// with <c>acceptValid</c> the good lines are imported and the rest reported. One transaction: the rows, the
/// provenance and the recalculated metric series are written together or not at all. The same file again changes
/// nothing; a corrected file updates only what changed (rows are matched by their natural keys).
/// </summary>
public sealed class ImportSchoolData(AppDbContext db, AccessControl access, TrustScope scope, TimeProvider clock, DeriveSchoolMetrics derive,
    ImportAttendance attendance)
{
    public sealed record Request(int Urn, SchoolFileLayout Layout, string FileName, bool AcceptValid, HeaderMapping? Mapping = null);

    public async Task<Outcome<Report>> HandleAsync(Request request, Stream file, CancellationToken ct, IProgress<Progress>? progress = null)
    {
        var school = await access.FindSchoolAsync(request.Urn, ct);
        if (school is null)
        {
            return Outcome<Report>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPupils, school.Id, ct))
        {
            return Outcome<Report>.Forbidden();
        }
        var inspection = await ImportFile.InspectAsync(file, ct);
        if (request.Layout == SchoolFileLayout.Attendance)
        {
            return Outcome<Report>.Ok(await attendance.HandleAsync(school, request, file, inspection, progress, ct));
        }
        using var text = new StreamReader(file, inspection.Encoding, detectEncodingFromByteOrderMarks: true);
        var secret = await db.Trusts.Where(t => t.Id == school.TrustId).Select(t => t.PseudonymSecret).SingleAsync(ct);
        var pupilIds = await db.Pupils.Where(p => p.SchoolId == school.Id).ToDictionaryAsync(p => p.Key, p => p.Id, ct);

        var rows = new List<(SchoolRow Row, string Key)>();
        var problems = new RowProblems();
        var seen = new Dictionary<(string, string), int>();
        // A UPN appears on many lines (a row per period): its keyed hash is worked out once.
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = 0;
        foreach (var (row, rowProblems) in SchoolFileReader.Read(text, request.Layout, request.Mapping))
        {
            if (++lines % 5000 == 0 && file.CanSeek && file.Length > 0)
            {
                progress?.Report(new Progress("Checking", (double)file.Position / file.Length));
            }
            problems.AddLine(rowProblems);
            if (row is null)
            {
                continue;
            }
            if (!keys.TryGetValue(row.Upn, out var key))
            {
                keys[row.Upn] = key = PupilKey.FromUpn(row.Upn, secret);
            }
            var problem = row is PupilRow || pupilIds.ContainsKey(key)
                ? null
                : new RowProblem(row.Line, "UPN", row.Upn, $"no pupil with this UPN is on roll at {school.Name}: import pupils first");
            var naturalKey = NaturalKey(row, key);
            if (problem is null && seen.TryGetValue(naturalKey, out var earlier))
            {
                problem = new RowProblem(row.Line, "UPN", row.Upn, $"repeats line {earlier} ({Describe(row)})");
            }
            if (problem is not null)
            {
                problems.AddLine([problem]);
                continue;
            }
            seen[naturalKey] = row.Line;
            rows.Add((row, key));
        }
        if (request.Layout == SchoolFileLayout.Pupils)
        {
            rows = await LeaveOtherSchoolsPupilsAsync(school, rows, problems, ct);
        }
        progress?.Report(new Progress("Checking", 1));
        var read = rows.Count + problems.RejectedLines;
        if (Report.RefusesWhole(problems, rows.Count, request.AcceptValid))
        {
            return Outcome<Report>.Ok(Report.Refusal(read, problems));
        }
        var checkedReport = Report.Of(read, rows.Count, problems, imported: false, alreadyImported: false, 0, 0);
        if (await AlreadyImportedAsync(db, school.Id, request.Layout, inspection.Hash, ct))
        {
            return Outcome<Report>.Ok(checkedReport.AsAlreadyImported());
        }

        db.AuditEachRow = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockSchoolAsync(db, school.Id, ct);
        var import = new DataImport
        {
            TrustId = school.TrustId, SchoolId = school.Id, Kind = request.Layout.Kind, FileName = Path.GetFileName(request.FileName), Hash = inspection.Hash,
            Actor = scope.Actor, At = clock.UtcNow(), Read = read, Accepted = rows.Count, Rejected = problems.RejectedLines,
        };
        db.DataImports.Add(import);
        await db.SaveChangesAsync(ct);
        var save = new Saver(db, import, progress, rows.Count);
        PupilsImported? pupils = null;
        switch (request.Layout.Kind)
        {
            case "pupils":
                pupils = await SavePupilsAsync(school, rows, save, ct);
                break;
            case "assessments":
                await SaveAssessmentsAsync(school, rows, pupilIds, save, ct);
                break;
            default:
                await SaveBehaviourAsync(school, rows, pupilIds, save, ct);
                break;
        }
        db.DataImports.Update(import);
        db.Audit(school.TrustId, "Imported", nameof(DataImport), import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{request.Layout.Kind} for {school.Name} ({school.Urn}) from {import.FileName}: {import.Accepted:N0} rows, {import.Added:N0} added, {import.Changed:N0} changed");
        pupils?.Audit(db, school, import);
        await db.SaveChangesAsync(ct);
        progress?.Report(new Progress("Calculating", 0));
        await derive.ForSchoolAsync(school.Id, import.Id, ct);
        await transaction.CommitAsync(ct);
        progress?.Report(new Progress("Calculating", 1));
        return Outcome<Report>.Ok(checkedReport with { Imported = true, ValuesAdded = import.Added, ValuesChanged = import.Changed });
    }

    private static (string, string) NaturalKey(SchoolRow row, string key) => row switch
    {
        AssessmentRow a => (key, $"{a.Subject.ToUpperInvariant()}|{a.Period.Code}"),
        BehaviourRow b => ("ref", b.Reference),
        _ => (key, ""),
    };

    private static string Describe(SchoolRow row) => row switch
    {
        AssessmentRow a => $"the same pupil, subject and period",
        BehaviourRow => "the same incident",
        _ => "the same pupil",
    };

    /// <summary>
    /// A pupil on another school's roll in the trust is never moved by an import (ADR 0074): their lines are reported,
    /// without the UPN, and left; a transfer, confirmed by someone who may see both schools, moves them.
    /// </summary>
    private async Task<List<(SchoolRow Row, string Key)>> LeaveOtherSchoolsPupilsAsync(School school, List<(SchoolRow Row, string Key)> rows,
        RowProblems problems, CancellationToken ct)
    {
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keys in rows.Select(r => r.Key).Chunk(QueryChunk))
        {
            elsewhere.UnionWith(await db.Pupils.Where(p => keys.Contains(p.Key) && p.SchoolId != school.Id).Select(p => p.Key).ToListAsync(ct));
        }
        if (elsewhere.Count == 0)
        {
            return rows;
        }
        foreach (var (row, _) in rows.Where(r => elsewhere.Contains(r.Key)))
        {
            problems.AddLine([new RowProblem(row.Line, "UPN", "",
                "this pupil is on the roll of another school in your trust: an import does not move them; someone who can see both schools can transfer them")]);
        }
        return rows.Where(r => !elsewhere.Contains(r.Key)).ToList();
    }

    /// <summary>Keys looked up at a time: SQLite allows 32,766 values in one statement, and a list of keys is one value each.</summary>
    internal const int QueryChunk = 1000;

    /// <summary>Which pupils a pupils import added and which it changed, by key, for the audit log.</summary>
    private sealed class PupilsImported
    {
        /// <summary>Keys named in one audit entry (its summary holds 4,000 characters).</summary>
        private const int KeysPerEntry = 150;

        public List<string> Added { get; } = [];
        public List<string> Changed { get; } = [];

        public void Audit(AppDbContext db, School school, DataImport import)
        {
            var id = import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (what, keys) in new[] { ("added", Added), ("updated", Changed) })
            {
                var parts = keys.Chunk(KeysPerEntry).ToList();
                for (var i = 0; i < parts.Count; i++)
                {
                    db.Audit(school.TrustId, "Imported", nameof(Pupil), id,
                        $"Pupils {what} at {school.Name} ({school.Urn}) by import {id} ({keys.Count:N0} in all; part {i + 1} of {parts.Count}): {string.Join(" ", parts[i])}");
                }
            }
        }
    }

    /// <summary>
    /// Pupils a thousand at a time: the chunk's pupils are read, changed and saved, and the change tracker emptied, so
    /// neither a statement's values nor the tracker grow with the file.
    /// </summary>
    private async Task<PupilsImported> SavePupilsAsync(School school, List<(SchoolRow Row, string Key)> rows, Saver save, CancellationToken ct)
    {
        var today = clock.Today();
        var imported = new PupilsImported();
        foreach (var chunk in rows.Chunk(QueryChunk))
        {
            var keys = chunk.Select(r => r.Key).ToList();
            var existing = await db.Pupils.Include(p => p.Characteristics).Where(p => keys.Contains(p.Key) && p.SchoolId == school.Id)
                .ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, ct);
            foreach (var (row, key) in chunk)
            {
                var p = (PupilRow)row;
                var isNew = !existing.TryGetValue(key, out var pupil);
                if (isNew)
                {
                    pupil = new Pupil { Key = key, TrustId = school.TrustId, SchoolId = school.Id, YearGroup = p.YearGroup };
                    db.Pupils.Add(pupil);
                }
                var changed = pupil!.YearGroup != p.YearGroup || pupil.LeftOn != p.LeftOn;
                (pupil.YearGroup, pupil.LeftOn) = (p.YearGroup, p.LeftOn);
                changed |= Set(pupil, Characteristic.Disadvantaged, p.Disadvantaged, today);
                changed |= Set(pupil, Characteristic.FreeSchoolMeals, p.FreeSchoolMeals, today);
                changed |= p.Sen is not null && pupil.SetFrom(Characteristic.Sen, p.Sen, today);
                changed |= Set(pupil, Characteristic.EnglishAdditionalLanguage, p.Eal, today);
                changed |= p.Sex is not null && pupil.SetFrom(Characteristic.Sex, p.Sex, today);
                (isNew ? imported.Added : changed ? imported.Changed : null)?.Add(key);
                await save.CountAsync(isNew, changed && !isNew, clear: false, ct);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return imported;
    }

    private static bool Set(Pupil pupil, Characteristic kind, bool? value, DateOnly day) =>
        value is bool v && pupil.SetFrom(kind, v ? "yes" : "no", day);

    private async Task SaveAssessmentsAsync(School school, List<(SchoolRow Row, string Key)> rows, Dictionary<string, int> pupilIds, Saver save, CancellationToken ct)
    {
        var existing = await db.Assessments.AsNoTracking().Where(a => a.SchoolId == school.Id)
            .ToDictionaryAsync(a => (a.PupilId, a.Subject.ToUpper(), a.Period), ct);
        foreach (var (row, key) in rows)
        {
            var a = (AssessmentRow)row;
            var pupilId = pupilIds[key];
            if (existing.TryGetValue((pupilId, a.Subject.ToUpperInvariant(), a.Period.Code), out var known))
            {
                var changed = known.Result != a.Result || known.ResultType != a.ResultType || known.Score != a.Score || known.Expected != a.Expected;
                if (changed)
                {
                    (known.Result, known.ResultType, known.Score, known.Expected, known.DataImportId) = (a.Result, a.ResultType, a.Score, a.Expected, save.ImportId);
                    db.Assessments.Update(known);
                }
                await save.CountAsync(false, changed, clear: true, ct);
                continue;
            }
            db.Assessments.Add(new Assessment
            {
                TrustId = school.TrustId, SchoolId = school.Id, PupilId = pupilId, Subject = a.Subject, Period = a.Period.Code, PeriodStart = a.Period.Start,
                ResultType = a.ResultType, Result = a.Result, Score = a.Score, Expected = a.Expected, DataImportId = save.ImportId,
            });
            await save.CountAsync(true, false, clear: true, ct);
        }
    }

    private async Task SaveBehaviourAsync(School school, List<(SchoolRow Row, string Key)> rows, Dictionary<string, int> pupilIds, Saver save, CancellationToken ct)
    {
        var existing = await db.BehaviourIncidents.AsNoTracking().Where(b => b.SchoolId == school.Id).ToDictionaryAsync(b => b.Reference, ct);
        foreach (var (row, key) in rows)
        {
            var b = (BehaviourRow)row;
            var pupilId = pupilIds[key];
            if (existing.TryGetValue(b.Reference, out var known))
            {
                var changed = known.PupilId != pupilId || known.Date != b.Date || known.Category != b.Category || known.Points != b.Points;
                if (changed)
                {
                    (known.PupilId, known.Date, known.Category, known.Points, known.DataImportId) = (pupilId, b.Date, b.Category, b.Points, save.ImportId);
                    db.BehaviourIncidents.Update(known);
                }
                await save.CountAsync(false, changed, clear: true, ct);
                continue;
            }
            db.BehaviourIncidents.Add(new BehaviourIncident
            {
                TrustId = school.TrustId, SchoolId = school.Id, PupilId = pupilId, Reference = b.Reference, Date = b.Date, Category = b.Category,
                Points = b.Points, DataImportId = save.ImportId,
            });
            await save.CountAsync(true, false, clear: true, ct);
        }
    }

    /// <summary>Counts what was added and changed, and saves in batches inside the one transaction so the change tracker stays small.</summary>
    private sealed class Saver(AppDbContext db, DataImport import, IProgress<Progress>? progress, int total)
    {
        private int _done;

        public int ImportId => import.Id;

        public async Task CountAsync(bool added, bool changed, bool clear, CancellationToken ct)
        {
            import.Added += added ? 1 : 0;
            import.Changed += changed ? 1 : 0;
            if (++_done % 2000 == 0)
            {
                await db.SaveChangesAsync(ct);
                if (clear)
                {
                    db.ChangeTracker.Clear();
                }
                progress?.Report(new Progress("Saving", (double)_done / total));
            }
        }
    }

    /// <summary>
    /// One import of a school's own data at a time, from reading what is stored to the commit: each import works out
    /// the school's series again from its pupils and records, so two at once could save figures that miss the other's
    /// rows, and two attendance imports could lay their marks over the same stored years. SQLite's transactions take
    /// the write lock when they begin (<c>BEGIN IMMEDIATE</c>); PostgreSQL takes an advisory lock for the school, which
    /// the transaction's end releases.
    /// </summary>
    internal static async Task LockSchoolAsync(AppDbContext db, int schoolId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction transaction)
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@kind, @school)", transaction.Connection, transaction);
            command.Parameters.AddWithValue("kind", NpgsqlDbType.Integer, SchoolDataLock);
            command.Parameters.AddWithValue("school", NpgsqlDbType.Integer, schoolId);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The already-imported rule (<see cref="SameFile"/>) for a school's file of one kind.</summary>
    internal static Task<bool> AlreadyImportedAsync(AppDbContext db, int schoolId, SchoolFileLayout layout, string hash, CancellationToken ct) =>
        SameFile.AlreadyImportedAsync(db.DataImports.Where(d => d.SchoolId == schoolId), layout.Kind, hash, newestOnly: false, ct);

    /// <summary>The first key of the school-data imports' advisory lock (the second is the school).</summary>
    private const int SchoolDataLock = 0x5354_4154; // "STAT"

}
