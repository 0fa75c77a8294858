using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Stepwise.Data;
using Progress = Stepwise.Features.Reference.ImportNationalData.Progress;

namespace Stepwise.Features.SchoolData;

/// <summary>One checked attendance row, ready to save: the pupil by id, the period by its canonical code.</summary>
public readonly record struct AttendanceFigures(int PupilId, string Period, DateOnly PeriodStart, int Possible, int Present, int Authorised, int Unauthorised);

/// <summary>
/// Saves a school's attendance rows (the biggest kind of school file: a row per pupil per week or day) inside the
/// import's transaction without the change tracker. Rows are matched on their natural key (pupil and period): a new
/// row is added, a row whose sessions differ is updated and stamped with this import, an identical row is left alone
/// — so the same file again changes nothing. SQLite: one prepared <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>
/// reused for every row. PostgreSQL: binary COPY into a temporary staging table, then one set-based upsert.
/// What was added is the growth in the school's row count; what changed is the rest of what the upsert touched.
/// Writes no audit entry per row: the import writes one for the whole file (ADR 0050).
/// </summary>
public static class SaveAttendanceInBulk
{
    private const int ProgressEvery = 20_000;

    public sealed record Counts(int Added, int Changed);

    public static async Task<Counts> SaveAsync(AppDbContext db, int trustId, int schoolId, int importId, List<AttendanceFigures> rows,
        IProgress<Progress>? progress, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Attendance is saved in bulk only inside the import's transaction.");
        // In key order the unique index (pupil, period) grows at its end instead of splitting pages all over.
        rows.Sort(static (a, b) => a.PupilId != b.PupilId ? a.PupilId.CompareTo(b.PupilId) : string.CompareOrdinal(a.Period, b.Period));
        var table = new Names(db);
        var before = await CountAsync(transaction, table, schoolId, ct);
        var touched = transaction switch
        {
            SqliteTransaction sqlite => UpsertOnSqlite(sqlite, table, trustId, schoolId, importId, rows, progress, ct),
            NpgsqlTransaction postgres => await UpsertOnPostgresAsync(postgres, table, trustId, schoolId, importId, rows, progress, ct),
            _ => throw new NotSupportedException($"No bulk path for {transaction.GetType().Name}."),
        };
        var added = await CountAsync(transaction, table, schoolId, ct) - before;
        return new Counts(added, touched - added);
    }

    private static int UpsertOnSqlite(SqliteTransaction transaction, Names n, int trustId, int schoolId, int importId, List<AttendanceFigures> rows,
        IProgress<Progress>? progress, CancellationToken ct)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO {n.Table} ({n.TrustId}, {n.SchoolId}, {n.PupilId}, {n.Period}, {n.PeriodStart}, {n.Possible}, {n.Present}, {n.Authorised}, {n.Unauthorised}, {n.DataImportId})
            VALUES ($trust, $school, $pupil, $period, $start, $possible, $present, $authorised, $unauthorised, $import)
            ON CONFLICT ({n.PupilId}, {n.Period}) DO UPDATE SET {n.UpdateSet}
            WHERE {n.Differs(n.Table, "IS NOT")}
            """;
        command.Parameters.Add("$trust", SqliteType.Integer).Value = trustId;
        command.Parameters.Add("$school", SqliteType.Integer).Value = schoolId;
        command.Parameters.Add("$import", SqliteType.Integer).Value = importId;
        var pupil = command.Parameters.Add("$pupil", SqliteType.Integer);
        var period = command.Parameters.Add("$period", SqliteType.Text);
        var start = command.Parameters.Add("$start", SqliteType.Text);
        var possible = command.Parameters.Add("$possible", SqliteType.Integer);
        var present = command.Parameters.Add("$present", SqliteType.Integer);
        var authorised = command.Parameters.Add("$authorised", SqliteType.Integer);
        var unauthorised = command.Parameters.Add("$unauthorised", SqliteType.Integer);
        command.Prepare();
        // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway, with more overhead per call.
        var touched = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            pupil.Value = r.PupilId;
            period.Value = r.Period;
            start.Value = r.PeriodStart;
            possible.Value = r.Possible;
            present.Value = r.Present;
            authorised.Value = r.Authorised;
            unauthorised.Value = r.Unauthorised;
            touched += command.ExecuteNonQuery();
            if ((i + 1) % ProgressEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new Progress("Saving", (double)(i + 1) / rows.Count));
            }
        }
        progress?.Report(new Progress("Saving", 1));
        return touched;
    }

    private static async Task<int> UpsertOnPostgresAsync(NpgsqlTransaction transaction, Names n, int trustId, int schoolId, int importId,
        List<AttendanceFigures> rows, IProgress<Progress>? progress, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        // Dropped at commit or rollback; a killed import leaves nothing behind on the server either.
        await using (var create = new NpgsqlCommand("""
            CREATE TEMPORARY TABLE attendance_staging (pupil_id integer NOT NULL, period varchar(20) NOT NULL, period_start date NOT NULL,
                possible integer NOT NULL, present integer NOT NULL, authorised integer NOT NULL, unauthorised integer NOT NULL) ON COMMIT DROP
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY attendance_staging (pupil_id, period, period_start, possible, present, authorised, unauthorised) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.PupilId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Period, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.PeriodStart, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(r.Possible, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Present, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Authorised, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Unauthorised, NpgsqlDbType.Integer, ct);
                if ((i + 1) % ProgressEvery == 0)
                {
                    // The copy is most of the work; the upsert that follows is one statement.
                    progress?.Report(new Progress("Saving", 0.8 * (i + 1) / rows.Count));
                }
            }
            await copy.CompleteAsync(ct);
        }
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO {n.Table} AS t ({n.TrustId}, {n.SchoolId}, {n.PupilId}, {n.Period}, {n.PeriodStart}, {n.Possible}, {n.Present}, {n.Authorised}, {n.Unauthorised}, {n.DataImportId})
            SELECT @trust, @school, s.pupil_id, s.period, s.period_start, s.possible, s.present, s.authorised, s.unauthorised, @import
            FROM attendance_staging s
            ORDER BY s.pupil_id, s.period
            ON CONFLICT ({n.PupilId}, {n.Period}) DO UPDATE SET {n.UpdateSet}
            WHERE {n.Differs("t", "IS DISTINCT FROM")}
            """, connection, transaction);
        upsert.Parameters.AddWithValue("trust", NpgsqlDbType.Integer, trustId);
        upsert.Parameters.AddWithValue("school", NpgsqlDbType.Integer, schoolId);
        upsert.Parameters.AddWithValue("import", NpgsqlDbType.Integer, importId);
        upsert.CommandTimeout = 0; // A million rows may take longer than the default 30 s on a small server.
        var touched = await upsert.ExecuteNonQueryAsync(ct);
        progress?.Report(new Progress("Saving", 1));
        return touched;
    }

    private static async Task<int> CountAsync(DbTransaction transaction, Names n, int schoolId, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {n.Table} WHERE {n.SchoolId} = {schoolId}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The table and column names as the EF Core model maps them, quoted for the provider.</summary>
    private sealed class Names
    {
        public Names(AppDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(AttendanceRecord))!;
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
            Table = sql.DelimitIdentifier(store.Name, store.Schema);
            TrustId = Column(nameof(AttendanceRecord.TrustId));
            SchoolId = Column(nameof(AttendanceRecord.SchoolId));
            PupilId = Column(nameof(AttendanceRecord.PupilId));
            Period = Column(nameof(AttendanceRecord.Period));
            PeriodStart = Column(nameof(AttendanceRecord.PeriodStart));
            Possible = Column(nameof(AttendanceRecord.Possible));
            Present = Column(nameof(AttendanceRecord.Present));
            Authorised = Column(nameof(AttendanceRecord.Authorised));
            Unauthorised = Column(nameof(AttendanceRecord.Unauthorised));
            DataImportId = Column(nameof(AttendanceRecord.DataImportId));
            _compared = [SchoolId, PeriodStart, Possible, Present, Authorised, Unauthorised];
            string[] written = [TrustId, .. _compared, DataImportId];
            UpdateSet = string.Join(", ", written.Select(c => $"{c} = excluded.{c}"));
        }

        private readonly string[] _compared;

        /// <summary>
        /// A pupil's row for a period is "changed" only when its figures differ (or it was another school's, for a pupil
        /// who moved): an identical row keeps the import that last changed it. SQLite says "IS NOT", PostgreSQL "IS
        /// DISTINCT FROM"; the existing row is named by the table (SQLite) or its alias (PostgreSQL).
        /// </summary>
        public string Differs(string target, string distinct) => string.Join(" OR ", _compared.Select(c => $"{target}.{c} {distinct} excluded.{c}"));

        public string Table { get; }
        public string TrustId { get; }
        public string SchoolId { get; }
        public string PupilId { get; }
        public string Period { get; }
        public string PeriodStart { get; }
        public string Possible { get; }
        public string Present { get; }
        public string Authorised { get; }
        public string Unauthorised { get; }
        public string DataImportId { get; }
        public string UpdateSet { get; }
    }
}
