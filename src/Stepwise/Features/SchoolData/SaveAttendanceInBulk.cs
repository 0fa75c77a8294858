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

    /// <summary>
    /// Rows per SQLite statement. One row per statement pays SQLite's per-statement costs (the AUTOINCREMENT counter,
    /// the statement journal, the driver's call) a million times; a few rows per statement roughly halves the time,
    /// while more rows made it slower again in our measurements (docs/benchmarks.md).
    /// </summary>
    private const int RowsPerStatement = 8;

    public sealed record Counts(int Added, int Changed);

    /// <summary>
    /// Call before the import's transaction begins. On SQLite, keeps statement journals (the upsert needs one for each
    /// statement: it may rewrite foreign-key columns) in memory rather than in a temporary file — a few system calls
    /// per row otherwise. SQLite fixes this when a transaction begins, hence before it; restored when disposed.
    /// </summary>
    public static async Task<IAsyncDisposable> PrepareConnectionAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
        {
            return new Restore(db, null, null);
        }
        var tempStore = Convert.ToInt32(Scalar(sqlite, "PRAGMA temp_store"), System.Globalization.CultureInfo.InvariantCulture);
        Scalar(sqlite, "PRAGMA temp_store = MEMORY");
        return new Restore(db, sqlite, $"PRAGMA temp_store = {tempStore}");
    }

    private sealed class Restore(AppDbContext db, SqliteConnection? sqlite, string? sql) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (sqlite is not null && sql is not null && sqlite.State == System.Data.ConnectionState.Open)
            {
                Scalar(sqlite, sql);
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

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

    /// <summary>
    /// One prepared upsert for <see cref="RowsPerStatement"/> rows, reused with each row's parameters rebound; the last
    /// few rows go through the same statement prepared for one row.
    /// </summary>
    private static int UpsertOnSqlite(SqliteTransaction transaction, Names n, int trustId, int schoolId, int importId, List<AttendanceFigures> rows,
        IProgress<Progress>? progress, CancellationToken ct)
    {
        using var many = new SqliteUpsert(transaction, n, trustId, schoolId, importId, RowsPerStatement);
        using var one = new SqliteUpsert(transaction, n, trustId, schoolId, importId, 1);
        // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway, with more overhead per call.
        var touched = 0;
        var whole = rows.Count - rows.Count % RowsPerStatement;
        for (var i = 0; i < rows.Count;)
        {
            var upsert = i < whole ? many : one;
            for (var slot = 0; slot < upsert.Rows; slot++, i++)
            {
                upsert.Bind(slot, rows[i]);
            }
            touched += upsert.Execute();
            if (i % ProgressEvery < upsert.Rows)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new Progress("Saving", (double)i / rows.Count));
            }
        }
        progress?.Report(new Progress("Saving", 1));
        return touched;
    }

    /// <summary>A prepared <c>INSERT … VALUES (…), (…) ON CONFLICT (pupil, period) DO UPDATE … WHERE changed</c> for a fixed number of rows.</summary>
    private sealed class SqliteUpsert : IDisposable
    {
        private const int Columns = 7;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _values;

        public SqliteUpsert(SqliteTransaction transaction, Names n, int trustId, int schoolId, int importId, int rows)
        {
            Rows = rows;
            _command = transaction.Connection!.CreateCommand();
            _command.Transaction = transaction;
            var values = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
                $"($trust, $school, $pupil{r}, $period{r}, $start{r}, $possible{r}, $present{r}, $authorised{r}, $unauthorised{r}, $import)"));
            _command.CommandText = $"""
                INSERT INTO {n.Table} ({n.TrustId}, {n.SchoolId}, {n.PupilId}, {n.Period}, {n.PeriodStart}, {n.Possible}, {n.Present}, {n.Authorised}, {n.Unauthorised}, {n.DataImportId})
                VALUES {values}
                ON CONFLICT ({n.PupilId}, {n.Period}) DO UPDATE SET {n.UpdateSet}
                WHERE {n.Differs(n.Table, "IS NOT")}
                """;
            _command.Parameters.Add("$trust", SqliteType.Integer).Value = trustId;
            _command.Parameters.Add("$school", SqliteType.Integer).Value = schoolId;
            _command.Parameters.Add("$import", SqliteType.Integer).Value = importId;
            _values = new SqliteParameter[rows * Columns];
            for (var r = 0; r < rows; r++)
            {
                _values[r * Columns] = _command.Parameters.Add($"$pupil{r}", SqliteType.Integer);
                _values[r * Columns + 1] = _command.Parameters.Add($"$period{r}", SqliteType.Text);
                _values[r * Columns + 2] = _command.Parameters.Add($"$start{r}", SqliteType.Text);
                _values[r * Columns + 3] = _command.Parameters.Add($"$possible{r}", SqliteType.Integer);
                _values[r * Columns + 4] = _command.Parameters.Add($"$present{r}", SqliteType.Integer);
                _values[r * Columns + 5] = _command.Parameters.Add($"$authorised{r}", SqliteType.Integer);
                _values[r * Columns + 6] = _command.Parameters.Add($"$unauthorised{r}", SqliteType.Integer);
            }
            _command.Prepare();
        }

        public int Rows { get; }

        public void Bind(int slot, in AttendanceFigures row)
        {
            var at = slot * Columns;
            _values[at].Value = row.PupilId;
            _values[at + 1].Value = row.Period;
            _values[at + 2].Value = row.PeriodStart;
            _values[at + 3].Value = row.Possible;
            _values[at + 4].Value = row.Present;
            _values[at + 5].Value = row.Authorised;
            _values[at + 6].Value = row.Unauthorised;
        }

        public int Execute() => _command.ExecuteNonQuery();

        public void Dispose() => _command.Dispose();
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
        // No ORDER BY: the rows were copied in key order, and sorting a million again spilled to disk with the default work_mem.
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO {n.Table} AS t ({n.TrustId}, {n.SchoolId}, {n.PupilId}, {n.Period}, {n.PeriodStart}, {n.Possible}, {n.Present}, {n.Authorised}, {n.Unauthorised}, {n.DataImportId})
            SELECT @trust, @school, s.pupil_id, s.period, s.period_start, s.possible, s.present, s.authorised, s.unauthorised, @import
            FROM attendance_staging s
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
