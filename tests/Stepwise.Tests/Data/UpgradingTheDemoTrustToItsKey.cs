using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Data;

/// <summary>
/// A database whose demo trust was found by its name (before ADR 0080) gives that trust the demo key when it is
/// upgraded, so renaming it afterwards does not lose it; no other trust gets the key.
/// </summary>
public abstract class UpgradingTheDemoTrustToItsKey(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    [Fact]
    public async Task The_trust_named_as_the_demo_becomes_the_demo_trust_by_key_and_others_keep_no_key()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.GetService<IMigrator>().MigrateAsync("PupilGroupFiguresDerivedAgain");

        var secret = new byte[32];
        var created = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var name in new[] { "A Real Trust", "Larkhaven Learning Trust" })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Trusts" ("Name", "CompanyNumber", "PseudonymSecret", "CreatedAt") VALUES ({name}, {null as string}, {secret}, {created})
                """);
        }

        await db.Database.MigrateAsync();

        var keys = await db.Trusts.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Name, t.Key }).ToListAsync();
        Assert.Equal([("A Real Trust", (string?)null), ("Larkhaven Learning Trust", Trust.DemoKey)], keys.Select(k => (k.Name, k.Key)));
    }
}

public sealed class UpgradingTheDemoTrustToItsKeyOnSqlite() : UpgradingTheDemoTrustToItsKey(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class UpgradingTheDemoTrustToItsKeyOnPostgres() : UpgradingTheDemoTrustToItsKey(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
