using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Stepwise.Data;

/// <summary>
/// Inserts many rows inside the current transaction, bypassing the change tracker (one row at a time, thousands of
/// rows took seconds: the demo's pupils, a school's metric values). SQLite: multi-row <c>INSERT … VALUES</c>
/// statements. PostgreSQL: binary <c>COPY</c>, several times faster than the same statements for a school's 4,000
/// metric values. Table, column names, store types and value conversions come from the EF Core model, so it works on
/// both alike. It does not stamp the trust or audit each row: the caller sets every row's trust and writes one
/// audit entry for the load or the import.
/// </summary>
internal static class BulkInsert
{
    // Well below SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement.
    private const int ParametersPerStatement = 2_000;

    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)).ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; it cannot be inserted in bulk.");
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");

        var sql = db.GetService<ISqlGenerationHelper>();
        var mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = columns.Select(p => p.GetGetter()).ToArray();
        var target = $"{sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))})";
        if (transaction is NpgsqlTransaction postgres)
        {
            await CopyAsync(postgres, target, mappings, getters, rows, ct);
            return;
        }
        var header = $"INSERT INTO {target} VALUES ";

        foreach (var chunk in rows.Chunk(Math.Max(1, ParametersPerStatement / columns.Count)))
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(header);
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = sql.GenerateParameterName($"p{r}_{c}");
                    text.Append(c == 0 ? "" : ", ").Append(name);
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, getters[c].GetClrValue(chunk[r]), columns[c].IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Each value converted as EF Core would (an enum to its name, say) and written as the column's store type.</summary>
    private static async Task CopyAsync<T>(NpgsqlTransaction transaction, string target, RelationalTypeMapping[] mappings, IClrPropertyGetter[] getters,
        IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var copy = await transaction.Connection!.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            for (var c = 0; c < mappings.Length; c++)
            {
                var value = getters[c].GetClrValue(row);
                if (value is not null && mappings[c].Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                await (value is null ? copy.WriteNullAsync(ct) : WriteAsync(copy, value, mappings[c].StoreTypeNameBase, ct));
            }
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>The common store types written as their own types; any other by its name (slower: resolved for each value).</summary>
    private static Task WriteAsync(NpgsqlBinaryImporter copy, object value, string storeType, CancellationToken ct) => (storeType, value) switch
    {
        ("integer", int v) => copy.WriteAsync(v, NpgsqlTypes.NpgsqlDbType.Integer, ct),
        ("bigint", long v) => copy.WriteAsync(v, NpgsqlTypes.NpgsqlDbType.Bigint, ct),
        ("text" or "character varying", string v) => copy.WriteAsync(v, NpgsqlTypes.NpgsqlDbType.Text, ct),
        ("double precision", double v) => copy.WriteAsync(v, NpgsqlTypes.NpgsqlDbType.Double, ct),
        ("date", DateOnly v) => copy.WriteAsync(v, NpgsqlTypes.NpgsqlDbType.Date, ct),
        ("boolean", bool v) => copy.WriteAsync(v, NpgsqlTypes.NpgsqlDbType.Boolean, ct),
        _ => copy.WriteAsync(value, storeType, ct),
    };
}
