using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stepwise.Data;

namespace Stepwise.Cli;

/// <summary>`stepwise migrate`, `stepwise backup FILE` and `stepwise restore FILE`.</summary>
internal static class DatabaseCommands
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Bring the database schema up to date (run before starting a new version on PostgreSQL)");
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var pending = await DatabaseUpgrade.MigrateAsync(services, token);
            Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return CliError.Ok;
        }, ct));
        return command;
    }

    public static Command Backup()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the backup (a SQLite database file)" };
        var command = new Command("backup", "Copy the live SQLite database to FILE (safe while the server runs). For PostgreSQL, use pg_dump.") { file };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var target = parsed.GetValue(file)!;
            var source = SqliteConnectionOrExplain(services, "backup");
            if (target.Exists)
            {
                throw new CliError($"{target.FullName} already exists: choose a new file name.");
            }
            target.Directory?.Create();
            await using var from = new SqliteConnection(source);
            await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target.FullName, Pooling = false }.ToString());
            await from.OpenAsync(token);
            await to.OpenAsync(token);
            from.BackupDatabase(to);
            Console.WriteLine($"Backed up to {target.FullName} ({new FileInfo(target.FullName).Length:N0} bytes).");
            return CliError.Ok;
        }, ct));
        return command;
    }

    public static Command Restore()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A backup made with `stepwise backup`" };
        var command = new Command("restore", "Replace the SQLite database with a backup (refused while a server runs on it). For PostgreSQL, use pg_restore.") { file };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed.GetValue(StepwiseCommandLine.Data), "command line", async (services, token) =>
        {
            var backup = parsed.GetValue(file)!;
            var target = SqliteConnectionOrExplain(services, "restore");
            if (!backup.Exists)
            {
                throw new CliError($"{backup.FullName} does not exist.");
            }
            var lockFile = ServerLock.PathFor(target);
            await using var alone = ServerLock.TryHoldAlone(lockFile)
                ?? throw new CliError($"A Stepwise server is running on this database (it holds {lockFile}): stop it, then restore. Nothing was changed.");
            var backupConnection = new SqliteConnectionStringBuilder { DataSource = backup.FullName, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            await using var from = new SqliteConnection(backupConnection);
            try
            {
                await from.OpenAsync(token);
                await using var check = from.CreateCommand();
                check.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
                await check.ExecuteScalarAsync(token);
            }
            catch (SqliteException)
            {
                throw new CliError($"{backup.FullName} is not a Stepwise backup (it is not a SQLite database with Stepwise's tables).");
            }
            await using var to = new SqliteConnection(target);
            await to.OpenAsync(token);
            from.BackupDatabase(to);
            Console.WriteLine($"Restored from {backup.FullName}.");
            return CliError.Ok;
        }, ct));
        return command;
    }

    private static string SqliteConnectionOrExplain(IServiceProvider services, string verb)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            throw new CliError(verb == "backup"
                ? "This installation uses PostgreSQL: back it up with `pg_dump --format=custom --file=stepwise.dump <database>` (see the README)."
                : "This installation uses PostgreSQL: restore with `pg_restore --clean --if-exists --dbname=<database> stepwise.dump` (see the README).");
        }
        return services.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
    }
}
