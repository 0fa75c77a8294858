using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Data;

/// <summary>
/// Issue 17 defect 13: a database from before Issue17TenantUniqueness keeps every trust and school when it is upgraded,
/// and afterwards two trusts may hold the same URN (and name) while one trust still may not hold a URN twice.
/// </summary>
public abstract class UpgradingToUrnsPerTrust(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    [Fact]
    public async Task Schools_and_trusts_are_kept_and_a_urn_becomes_unique_within_its_trust()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var migrator = db.GetService<IMigrator>();
        var all = db.Database.GetMigrations().ToList();
        var ours = all.Single(m => m.EndsWith("_Issue17TenantUniqueness", StringComparison.Ordinal));
        await migrator.MigrateAsync(all[all.IndexOf(ours) - 1]);

        var secret = new byte[32];
        var now = Clock.UtcNow();
        foreach (var name in new[] { "Older Trust", "Other Trust" })
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Trusts" ("Name", "CreatedAt", "PseudonymSecret") VALUES ({name}, {now}, {secret})""");
        }
        var older = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Trusts" WHERE "Name" = 'Older Trust'""").SingleAsync();
        var other = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Trusts" WHERE "Name" = 'Other Trust'""").SingleAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Schools" ("TrustId", "Urn", "Name", "Phase", "Status") VALUES ({older}, 990501, 'Older Primary', 'Primary', 'Open')
            """);
        var refusedBefore = await Refused(() => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Schools" ("TrustId", "Urn", "Name", "Phase", "Status") VALUES ({other}, 990501, 'Claimed first', 'Primary', 'Open')
            """));
        Assert.True(refusedBefore, "Before the migration a URN was unique across trusts");

        await db.Database.MigrateAsync();

        Assert.Equal(["Older Primary"], await db.Database.SqlQuery<string>($"""SELECT "Name" AS "Value" FROM "Schools" WHERE "Urn" = 990501""").ToListAsync());
        Assert.Equal(2, await db.Database.SqlQuery<int>($"""SELECT COUNT(*) AS "Value" FROM "Trusts" WHERE "Name" IN ('Older Trust', 'Other Trust')""").SingleAsync());
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Schools" ("TrustId", "Urn", "Name", "Phase", "Status") VALUES ({other}, 990501, 'Same URN, other trust', 'Primary', 'Open')
            """);
        await db.Database.ExecuteSqlAsync($"""UPDATE "Trusts" SET "Name" = 'Older Trust' WHERE "Id" = {other}""");
        Assert.True(await Refused(() => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Schools" ("TrustId", "Urn", "Name", "Phase", "Status") VALUES ({older}, 990501, 'Twice in one trust', 'Primary', 'Open')
            """)), "A trust held the same URN twice");
    }

    private static async Task<bool> Refused(Func<Task<int>> write)
    {
        try
        {
            await write();
            return false;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            return true;
        }
    }
}

public sealed class UpgradingToUrnsPerTrustOnSqlite() : UpgradingToUrnsPerTrust(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class UpgradingToUrnsPerTrustOnPostgres() : UpgradingToUrnsPerTrust(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
