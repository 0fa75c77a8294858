using System.ComponentModel.DataAnnotations;

namespace Stepwise.Data;

/// <summary>The <c>Database</c> section: which provider, where its data lives.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the default, embedded) or <c>Postgres</c>.</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file (<c>stepwise.db</c>) when no connection string is given.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations when the server starts. On by default for SQLite; use `stepwise migrate` for PostgreSQL.</summary>
    public bool? MigrateOnStart { get; set; }

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
