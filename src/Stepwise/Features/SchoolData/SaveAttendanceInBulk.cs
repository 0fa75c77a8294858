using Stepwise.Features.Imports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Stepwise.Data;
using Stepwise.Features.Reference;

namespace Stepwise.Features.SchoolData;

/// <summary>
/// Saves the pupil years an attendance import changed (ADR 0070) inside the import's transaction, without the change
/// tracker: a school's million marks are a few thousand pupil years, and only the changed ones are written. SQLite: one
/// prepared INSERT for new years and one prepared UPDATE for changed ones, reused for every year. PostgreSQL: binary
/// COPY of new years straight into the table, and of changed years into a temporary staging table that one set-based
/// UPDATE applies. Writes no audit entry per year: the import writes one for the whole file (ADR 0070).
/// </summary>
public static class SaveAttendanceInBulk
{
    /// <summary>Writes the years that changed, reporting "Saving" progress as it goes.</summary>
    internal static async Task WriteAsync(AppDbContext db, int trustId, int schoolId, int importId, IReadOnlyList<SchoolAttendance.Year> years,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Attendance is saved in bulk only inside the import's transaction.");
        var n = new Names(db);
        var done = 0;
        void Done()
        {
            if (++done % 500 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress("Saving", (double)done / years.Count));
            }
        }
        progress?.Report(new ImportProgress("Saving", 0));
        switch (transaction)
        {
            case SqliteTransaction sqlite:
                WriteSqlite(sqlite, n, trustId, schoolId, importId, years, Done);
                break;
            case NpgsqlTransaction postgres:
                await WritePostgresAsync(postgres, n, trustId, schoolId, importId, years, Done, ct);
                break;
            default:
                throw new NotSupportedException($"No bulk path for {transaction.GetType().Name}.");
        }
        progress?.Report(new ImportProgress("Saving", 1));
    }

    private static void WriteSqlite(SqliteTransaction transaction, Names n, int trustId, int schoolId, int importId,
        IReadOnlyList<SchoolAttendance.Year> years, Action done)
    {
        var connection = transaction.Connection!;
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {n.Table} ({n.TrustId}, {n.SchoolId}, {n.PupilId}, {n.AcademicYear}, {n.Marks}, {n.Periods}, {n.DataImportId}) "
            + "VALUES ($trust, $school, $pupil, $year, $marks, $periods, $import)";
        insert.Parameters.AddWithValue("$trust", trustId);
        insert.Parameters.AddWithValue("$school", schoolId);
        insert.Parameters.AddWithValue("$import", importId);
        var (pupil, year, marks, periods) = (insert.Parameters.Add("$pupil", SqliteType.Integer), insert.Parameters.Add("$year", SqliteType.Integer),
            insert.Parameters.Add("$marks", SqliteType.Text), insert.Parameters.Add("$periods", SqliteType.Integer));
        insert.Prepare();
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE {n.Table} SET {n.Marks} = $marks, {n.Periods} = $periods, {n.DataImportId} = $import WHERE {n.Id} = $id";
        update.Parameters.AddWithValue("$import", importId);
        var (id, newMarks, newPeriods) = (update.Parameters.Add("$id", SqliteType.Integer), update.Parameters.Add("$marks", SqliteType.Text),
            update.Parameters.Add("$periods", SqliteType.Integer));
        update.Prepare();
        foreach (var y in years)
        {
            if (y.Id is long stored)
            {
                (id.Value, newMarks.Value, newPeriods.Value) = (stored, AttendanceMarks.Write(y.Marks), y.Marks.Count);
                update.ExecuteNonQuery();
            }
            else
            {
                (pupil.Value, year.Value, marks.Value, periods.Value) = (y.PupilId, y.AcademicYear, AttendanceMarks.Write(y.Marks), y.Marks.Count);
                insert.ExecuteNonQuery();
            }
            done();
        }
    }

    private static async Task WritePostgresAsync(NpgsqlTransaction transaction, Names n, int trustId, int schoolId, int importId,
        IReadOnlyList<SchoolAttendance.Year> years, Action done, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        if (years.Any(y => y.Id is null))
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {n.Table} ({n.TrustId}, {n.SchoolId}, {n.PupilId}, {n.AcademicYear}, {n.Marks}, {n.Periods}, {n.DataImportId}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var y in years.Where(y => y.Id is null))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(trustId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(schoolId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(y.PupilId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(y.AcademicYear, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(AttendanceMarks.Write(y.Marks), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(y.Marks.Count, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(importId, NpgsqlDbType.Integer, ct);
                done();
            }
            await copy.CompleteAsync(ct);
        }
        if (years.Any(y => y.Id is not null))
        {
            await using (var create = new NpgsqlCommand(
                "CREATE TEMPORARY TABLE attendance_staging (id bigint NOT NULL, marks text NOT NULL, periods integer NOT NULL) ON COMMIT DROP", connection, transaction))
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            await using (var copy = await connection.BeginBinaryImportAsync("COPY attendance_staging (id, marks, periods) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var y in years.Where(y => y.Id is not null))
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(y.Id!.Value, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(AttendanceMarks.Write(y.Marks), NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(y.Marks.Count, NpgsqlDbType.Integer, ct);
                    done();
                }
                await copy.CompleteAsync(ct);
            }
            await using var apply = new NpgsqlCommand(
                $"UPDATE {n.Table} AS t SET {n.Marks} = s.marks, {n.Periods} = s.periods, {n.DataImportId} = @import FROM attendance_staging s WHERE t.{n.Id} = s.id",
                connection, transaction);
            apply.Parameters.AddWithValue("import", NpgsqlDbType.Integer, importId);
            apply.CommandTimeout = 0;
            await apply.ExecuteNonQueryAsync(ct);
            await using var drop = new NpgsqlCommand("DROP TABLE attendance_staging", connection, transaction);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The table and column names as the EF Core model maps them, quoted for the provider.</summary>
    private sealed class Names
    {
        public Names(AppDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(PupilAttendanceYear))!;
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
            Table = sql.DelimitIdentifier(store.Name, store.Schema);
            Id = Column(nameof(PupilAttendanceYear.Id));
            TrustId = Column(nameof(PupilAttendanceYear.TrustId));
            SchoolId = Column(nameof(PupilAttendanceYear.SchoolId));
            PupilId = Column(nameof(PupilAttendanceYear.PupilId));
            AcademicYear = Column(nameof(PupilAttendanceYear.AcademicYear));
            Marks = Column(nameof(PupilAttendanceYear.Marks));
            Periods = Column(nameof(PupilAttendanceYear.Periods));
            DataImportId = Column(nameof(PupilAttendanceYear.DataImportId));
        }

        public string Table { get; }
        public string Id { get; }
        public string TrustId { get; }
        public string SchoolId { get; }
        public string PupilId { get; }
        public string AcademicYear { get; }
        public string Marks { get; }
        public string Periods { get; }
        public string DataImportId { get; }
    }
}
