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
/// — so the same file again changes nothing. SQLite: one prepared <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>
/// reused for every row. PostgreSQL: binary COPY into a temporary staging table, then one set-based upsert.
/// What was added is the growth in the school's row count; what changed is the rest of what the upsert touched.
/// Writes no audit entry per row: the import writes one for the whole file (ADR 0050).
/// </summary>
public static class SaveAttendanceInBulk
{
    /// <summary>
    /// Rows per SQLite statement. One row per statement pays SQLite's per-statement costs (the AUTOINCREMENT counter,
    /// the statement journal, the driver's call) a million times; a few rows per statement roughly halves the time,
    /// while more rows made it slower again in our measurements (docs/benchmarks.md).
    /// </summary>
    private const int RowsPerStatement = 8;

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
    /// SQLite: one prepared <c>INSERT … VALUES (…), (…) ON CONFLICT (pupil, period) DO UPDATE … WHERE changed</c> for
    /// <see cref="RowsPerStatement"/> rows, stepped through SQLite's own interface with each row's values bound in place
    /// (no parameter objects, no boxing: half the time of binding through ADO.NET, measured); the last few rows of the
    /// file go through the same statement prepared for one row. Runs on the writer's thread only.
    /// </summary>
    private sealed class SqliteAttendanceWriter : AttendanceWriter
    {
        private const int Columns = 7;
        private readonly SqliteConnection _connection;
        private readonly sqlite3 _handle;
        private readonly sqlite3_stmt _many;
        private readonly sqlite3_stmt _one;
        private readonly AttendanceFigures[] _pending = new AttendanceFigures[RowsPerStatement];
        private readonly Dictionary<string, (byte[] Code, byte[] Start)> _periods = new(StringComparer.Ordinal);
        private int _waiting;
        private int _touched;

        public SqliteAttendanceWriter(SqliteTransaction transaction, Names n, int trustId, int schoolId, int importId)
        {
            _connection = transaction.Connection!;
            _handle = _connection.Handle!;
            _many = Prepare(n, RowsPerStatement, trustId, schoolId, importId);
            _one = Prepare(n, 1, trustId, schoolId, importId);
        }

        private sqlite3_stmt Prepare(Names n, int rows, int trustId, int schoolId, int importId)
        {
            // ?1 trust, ?2 school, ?3 import; then seven values a row from ?4.
            var values = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
                $"(?1, ?2, {string.Join(", ", Enumerable.Range(4 + r * Columns, Columns).Select(p => $"?{p}"))}, ?3)"));
            var sql = $"""
                INSERT INTO {n.Table} ({n.TrustId}, {n.SchoolId}, {n.PupilId}, {n.Period}, {n.PeriodStart}, {n.Possible}, {n.Present}, {n.Authorised}, {n.Unauthorised}, {n.DataImportId})
                VALUES {values}
                ON CONFLICT ({n.PupilId}, {n.Period}) DO UPDATE SET {n.UpdateSet}
                WHERE {n.Differs(n.Table, "IS NOT")}
                """;
            Check(raw.sqlite3_prepare_v2(_handle, sql, out var statement));
            Check(raw.sqlite3_bind_int(statement, 1, trustId));
            Check(raw.sqlite3_bind_int(statement, 2, schoolId));
            Check(raw.sqlite3_bind_int(statement, 3, importId));
            return statement;
        }

        public override void Write(ReadOnlySpan<AttendanceFigures> rows)
        {
            foreach (ref readonly var row in rows)
            {
                _pending[_waiting++] = row;
                if (_waiting == RowsPerStatement)
                {
                    Step(_many, _pending);
                    _waiting = 0;
                }
            }
        }

        public override Task<int> CompleteAsync(CancellationToken ct)
        {
            for (var i = 0; i < _waiting; i++)
            {
                Step(_one, _pending.AsSpan(i, 1));
            }
            _waiting = 0;
            return Task.FromResult(_touched);
        }

        private void Step(sqlite3_stmt statement, ReadOnlySpan<AttendanceFigures> rows)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                ref readonly var row = ref rows[r];
                if (!_periods.TryGetValue(row.Period, out var period))
                {
                    _periods[row.Period] = period = (Encoding.UTF8.GetBytes(row.Period),
                        Encoding.UTF8.GetBytes(row.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                }
                var at = 4 + r * Columns;
                Check(raw.sqlite3_bind_int(statement, at, row.PupilId));
                Check(raw.sqlite3_bind_text(statement, at + 1, period.Code));
                Check(raw.sqlite3_bind_text(statement, at + 2, period.Start));
                Check(raw.sqlite3_bind_int(statement, at + 3, row.Possible));
                Check(raw.sqlite3_bind_int(statement, at + 4, row.Present));
                Check(raw.sqlite3_bind_int(statement, at + 5, row.Authorised));
                Check(raw.sqlite3_bind_int(statement, at + 6, row.Unauthorised));
            }
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                raw.sqlite3_reset(statement);
                SqliteException.ThrowExceptionForRC(rc, _handle);
            }
            _touched += raw.sqlite3_changes(_handle);
            Check(raw.sqlite3_reset(statement));
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
            _many.Dispose();
            _one.Dispose();
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
