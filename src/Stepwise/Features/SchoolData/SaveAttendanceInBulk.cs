using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;
using Stepwise.Data;

namespace Stepwise.Features.SchoolData;

/// <summary>One checked attendance row, ready to save: the pupil by id, the period by its canonical code.</summary>
public readonly record struct AttendanceFigures(int PupilId, string Period, DateOnly PeriodStart, int Possible, int Present, int Authorised, int Unauthorised);

/// <summary>
/// Saves a school's attendance rows (the biggest kind of school file: a row per pupil per week or day) inside the
/// import's transaction without the change tracker. Rows are matched on their natural key (pupil and period): a new
/// row is added, a row whose sessions differ is updated and stamped with this import, an identical row is left alone
/// — so the same file again changes nothing. SQLite: a prepared plain INSERT into a temporary staging table, reused for
/// every row, and a set-based upsert from it every 50,000 rows. PostgreSQL: binary COPY into a temporary staging table,
/// then one set-based upsert. The rows arrive in batches while the file is still being read (ADR 0053).
/// What was added is the growth in the school's row count; what changed is the rest of what the upsert touched.
/// Writes no audit entry per row: the import writes one for the whole file (ADR 0050).
/// </summary>
public static class SaveAttendanceInBulk
{
    /// <summary>
    /// Rows staged before each set-based upsert on SQLite: large enough that the upsert's own costs are paid rarely,
    /// small enough that the staging table stays small and the saving keeps pace with the reading (docs/benchmarks.md).
    /// </summary>
    private const int RowsPerUpsert = 50_000;

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

    /// <summary>
    /// Opens a writer for the school's attendance inside the import's transaction. Rows are given to it in batches as
    /// the file is read (on another thread than the reading: ADR 0053); <see cref="AttendanceWriter.CompleteAsync"/>
    /// says how many rows the upsert touched.
    /// </summary>
    internal static async Task<AttendanceWriter> OpenAsync(AppDbContext db, int trustId, int schoolId, int importId, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Attendance is saved in bulk only inside the import's transaction.");
        var table = new Names(db);
        return transaction switch
        {
            SqliteTransaction sqlite => new SqliteAttendanceWriter(sqlite, table, trustId, schoolId, importId),
            NpgsqlTransaction postgres => await PostgresAttendanceWriter.OpenAsync(postgres, table, trustId, schoolId, importId, ct),
            _ => throw new NotSupportedException($"No bulk path for {transaction.GetType().Name}."),
        };
    }

    /// <summary>How many attendance rows the school has, inside the import's transaction (what was added is the growth).</summary>
    internal static Task<int> CountAsync(AppDbContext db, int schoolId, CancellationToken ct) =>
        CountAsync(db.Database.CurrentTransaction!.GetDbTransaction(), new Names(db), schoolId, ct);

    /// <summary>
    /// SQLite: the rows go into a temporary staging table (in memory, no index) through one prepared plain INSERT,
    /// stepped through SQLite's own interface with each row's values bound in place (no parameter objects, no boxing);
    /// every <see cref="RowsPerUpsert"/> rows one set-based <c>INSERT … SELECT … ON CONFLICT (pupil, period) DO UPDATE
    /// … WHERE changed</c> moves them into the table and the staging table is emptied. SQLite's costs per statement
    /// (a statement journal for an upsert that may rewrite foreign-key columns, the call) are paid once per stretch
    /// instead of once per row or eight (ADR 0053). Runs on the writer's thread only; the staging table is created
    /// inside the import's transaction, so a rollback removes it, and dropped before the commit.
    /// </summary>
    private sealed class SqliteAttendanceWriter : AttendanceWriter
    {
        private const string Staging = "temp.attendance_staging";
        private readonly sqlite3 _handle;
        private readonly sqlite3_stmt _stage;
        private readonly sqlite3_stmt _upsert;
        private readonly sqlite3_stmt _empty;
        private readonly Dictionary<string, (byte[] Code, byte[] Start)> _periods = new(StringComparer.Ordinal);
        private int _staged;
        private int _touched;

        public SqliteAttendanceWriter(SqliteTransaction transaction, Names n, int trustId, int schoolId, int importId)
        {
            _handle = transaction.Connection!.Handle!;
            Run($"CREATE TEMPORARY TABLE {Staging[5..]} (pupil_id INTEGER NOT NULL, period TEXT NOT NULL, period_start TEXT NOT NULL, "
                + "possible INTEGER NOT NULL, present INTEGER NOT NULL, authorised INTEGER NOT NULL, unauthorised INTEGER NOT NULL)");
            _stage = Prepare($"INSERT INTO {Staging} VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join in the SELECT.
            _upsert = Prepare($"""
                INSERT INTO {n.Table} ({n.TrustId}, {n.SchoolId}, {n.PupilId}, {n.Period}, {n.PeriodStart}, {n.Possible}, {n.Present}, {n.Authorised}, {n.Unauthorised}, {n.DataImportId})
                SELECT {trustId}, {schoolId}, pupil_id, period, period_start, possible, present, authorised, unauthorised, {importId} FROM {Staging} WHERE true
                ON CONFLICT ({n.PupilId}, {n.Period}) DO UPDATE SET {n.UpdateSet}
                WHERE {n.Differs(n.Table, "IS NOT")}
                """);
            _empty = Prepare($"DELETE FROM {Staging}");
        }

        public override void Write(ReadOnlySpan<AttendanceFigures> rows)
        {
            foreach (ref readonly var row in rows)
            {
                if (!_periods.TryGetValue(row.Period, out var period))
                {
                    _periods[row.Period] = period = (Encoding.UTF8.GetBytes(row.Period),
                        Encoding.UTF8.GetBytes(row.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                }
                Check(raw.sqlite3_bind_int(_stage, 1, row.PupilId));
                Check(raw.sqlite3_bind_text(_stage, 2, period.Code));
                Check(raw.sqlite3_bind_text(_stage, 3, period.Start));
                Check(raw.sqlite3_bind_int(_stage, 4, row.Possible));
                Check(raw.sqlite3_bind_int(_stage, 5, row.Present));
                Check(raw.sqlite3_bind_int(_stage, 6, row.Authorised));
                Check(raw.sqlite3_bind_int(_stage, 7, row.Unauthorised));
                Step(_stage);
                if (++_staged == RowsPerUpsert)
                {
                    Move();
                }
            }
        }

        public override Task<int> CompleteAsync(CancellationToken ct)
        {
            Move();
            Run($"DROP TABLE {Staging}");
            return Task.FromResult(_touched);
        }

        private void Move()
        {
            if (_staged == 0)
            {
                return;
            }
            Step(_upsert);
            _touched += raw.sqlite3_changes(_handle);
            Step(_empty);
            _staged = 0;
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_handle, sql, out var statement));
            return statement;
        }

        private void Run(string sql)
        {
            using var statement = Prepare(sql);
            Step(statement);
        }

        private void Step(sqlite3_stmt statement)
        {
            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _handle);
            }
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _handle);
            }
        }

        public override ValueTask DisposeAsync()
        {
            _stage.Dispose();
            _upsert.Dispose();
            _empty.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// PostgreSQL: binary COPY into a temporary staging table as the rows come (dropped at commit or rollback, so a
    /// killed import leaves nothing behind on the server either), then one set-based upsert.
    /// </summary>
    private sealed class PostgresAttendanceWriter : AttendanceWriter
    {
        private readonly NpgsqlTransaction _transaction;
        private readonly Names _n;
        private readonly int _trustId;
        private readonly int _schoolId;
        private readonly int _importId;
        private NpgsqlBinaryImporter? _copy;

        private PostgresAttendanceWriter(NpgsqlTransaction transaction, Names n, int trustId, int schoolId, int importId) =>
            (_transaction, _n, _trustId, _schoolId, _importId) = (transaction, n, trustId, schoolId, importId);

        public static async Task<PostgresAttendanceWriter> OpenAsync(NpgsqlTransaction transaction, Names n, int trustId, int schoolId, int importId, CancellationToken ct)
        {
            var connection = transaction.Connection!;
            await using (var create = new NpgsqlCommand("""
                CREATE TEMPORARY TABLE attendance_staging (pupil_id integer NOT NULL, period varchar(20) NOT NULL, period_start date NOT NULL,
                    possible integer NOT NULL, present integer NOT NULL, authorised integer NOT NULL, unauthorised integer NOT NULL) ON COMMIT DROP
                """, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            var writer = new PostgresAttendanceWriter(transaction, n, trustId, schoolId, importId);
            writer._copy = await connection.BeginBinaryImportAsync(
                "COPY attendance_staging (pupil_id, period, period_start, possible, present, authorised, unauthorised) FROM STDIN (FORMAT BINARY)", ct);
            return writer;
        }

        public override void Write(ReadOnlySpan<AttendanceFigures> rows)
        {
            var copy = _copy ?? throw new InvalidOperationException("The staging copy is already complete.");
            // Synchronous writes on the writer's own thread: Npgsql buffers them and the async calls cost more per value.
            foreach (ref readonly var r in rows)
            {
                copy.StartRow();
                copy.Write(r.PupilId, NpgsqlDbType.Integer);
                copy.Write(r.Period, NpgsqlDbType.Varchar);
                copy.Write(r.PeriodStart, NpgsqlDbType.Date);
                copy.Write(r.Possible, NpgsqlDbType.Integer);
                copy.Write(r.Present, NpgsqlDbType.Integer);
                copy.Write(r.Authorised, NpgsqlDbType.Integer);
                copy.Write(r.Unauthorised, NpgsqlDbType.Integer);
            }
        }

        public override async Task<int> CompleteAsync(CancellationToken ct)
        {
            if (_copy is { } copy)
            {
                await copy.CompleteAsync(ct);
                await copy.DisposeAsync();
                _copy = null;
            }
            var n = _n;
            // No ORDER BY: a MIS writes a pupil's periods together, and sorting a million rows spilled to disk with the default work_mem.
            await using var upsert = new NpgsqlCommand($"""
                INSERT INTO {n.Table} AS t ({n.TrustId}, {n.SchoolId}, {n.PupilId}, {n.Period}, {n.PeriodStart}, {n.Possible}, {n.Present}, {n.Authorised}, {n.Unauthorised}, {n.DataImportId})
                SELECT @trust, @school, s.pupil_id, s.period, s.period_start, s.possible, s.present, s.authorised, s.unauthorised, @import
                FROM attendance_staging s
                ON CONFLICT ({n.PupilId}, {n.Period}) DO UPDATE SET {n.UpdateSet}
                WHERE {n.Differs("t", "IS DISTINCT FROM")}
                """, _transaction.Connection, _transaction);
            upsert.Parameters.AddWithValue("trust", NpgsqlDbType.Integer, _trustId);
            upsert.Parameters.AddWithValue("school", NpgsqlDbType.Integer, _schoolId);
            upsert.Parameters.AddWithValue("import", NpgsqlDbType.Integer, _importId);
            upsert.CommandTimeout = 0; // A million rows may take longer than the default 30 s on a small server.
            return await upsert.ExecuteNonQueryAsync(ct);
        }

        public override async ValueTask DisposeAsync()
        {
            if (_copy is { } copy)
            {
                // Abandoned mid-copy (a bad file, a cancelled import): the transaction is rolled back anyway.
                try
                {
                    await copy.DisposeAsync();
                }
                catch (NpgsqlException)
                {
                }
            }
        }
    }

    private static async Task<int> CountAsync(DbTransaction transaction, Names n, int schoolId, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {n.Table} WHERE {n.SchoolId} = {schoolId}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The table and column names as the EF Core model maps them, quoted for the provider.</summary>
    internal sealed class Names
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

/// <summary>Writes attendance rows as they come, on one thread; <see cref="CompleteAsync"/> finishes and says how many rows were touched.</summary>
internal abstract class AttendanceWriter : IAsyncDisposable
{
    public abstract void Write(ReadOnlySpan<AttendanceFigures> rows);

    public abstract Task<int> CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}
