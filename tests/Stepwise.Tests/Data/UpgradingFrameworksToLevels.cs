using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Frameworks;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Data;

/// <summary>
/// A database from before issue 22 holds frameworks with no level: upgraded, every one of them is school-level (schools
/// have always judged themselves against them), keeps its versions, and none is offered to the trust's self-evaluation.
/// </summary>
public abstract class UpgradingFrameworksToLevels(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    [Fact]
    public async Task Frameworks_stored_before_levels_existed_become_school_level_with_their_versions_kept()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.GetService<IMigrator>().MigrateAsync("RoundsPeerReviewsAndCoaching");

        var trust = await TrustStoredBeforeAsync(db, "Upgrading Trust");
        var created = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (key, name, origin) in new[] { ("ofsted-2025", "Ofsted renewed framework for schools", "library"), ("our-review", "Our review", "trust") })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Frameworks" ("TrustId", "Key", "Name", "Description", "Origin", "CreatedAt") VALUES ({trust.Id}, {key}, {name}, {null as string}, {origin}, {created})
                """);
            var id = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Frameworks" WHERE "Key" = {key}""").SingleAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "FrameworkVersions" ("TrustId", "FrameworkId", "Number", "Notes", "CreatedAt", "CreatedBy") VALUES ({trust.Id}, {id}, {1}, {null as string}, {created}, {"test"})
                """);
        }

        await db.Database.MigrateAsync();

        var frameworks = await db.Frameworks.AsNoTracking().OrderBy(f => f.Key).Select(f => new { f.Key, f.Level, f.Origin }).ToListAsync();
        Assert.Equal([("ofsted-2025", FrameworkLevel.School, "library"), ("our-review", FrameworkLevel.School, "trust")],
            frameworks.Select(f => (f.Key, f.Level, f.Origin)));
        Assert.Equal(2, await db.FrameworkVersions.CountAsync());
        Assert.Equal(["ofsted-2025", "our-review"], (await new FrameworkCatalogue(db).ListAsync(FrameworkLevel.School, CancellationToken.None)).Select(f => f.Key).Order());
        Assert.Empty(await new FrameworkCatalogue(db).ListAsync(FrameworkLevel.Trust, CancellationToken.None));
    }
}

public sealed class UpgradingFrameworksToLevelsOnSqlite() : UpgradingFrameworksToLevels(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class UpgradingFrameworksToLevelsOnPostgres() : UpgradingFrameworksToLevels(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
