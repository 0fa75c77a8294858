using Microsoft.Data.Sqlite;

namespace Stepwise.Data;

/// <summary>
/// How `restore` knows a server has the SQLite database open: every running `serve` holds a shared lock on
/// <c>stepwise.db.lock</c> beside the database (an advisory file lock the operating system drops when the process ends,
/// however it ends); `restore` needs the lock to itself and refuses while any server holds it (ADR 0080).
/// </summary>
public static class ServerLock
{
    /// <summary>The lock file for a SQLite connection string: the database file's path with <c>.lock</c> added.</summary>
    public static string PathFor(string sqliteConnectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource) + ".lock";

    /// <summary>Held by a running server, until it is disposed or the process ends; other servers may hold it too.</summary>
    public static FileStream HoldShared(string lockFile)
    {
        using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
        {
        }
        // Opened for reading and shared: a shared lock, so two servers on one database do not stop each other.
        return new FileStream(lockFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }

    /// <summary>The lock to itself, or null while a server holds it.</summary>
    public static FileStream? TryHoldAlone(string lockFile)
    {
        try
        {
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
