using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Pupils;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Data;

/// <summary>
/// Issue 17 defect 7: characteristics stored before they named the school that recorded them keep every row when the
/// database is upgraded, each given the school whose roll its pupil is on (ADR 0074).
/// </summary>
public abstract class UpgradingPupilCharacteristics(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    [Fact]
    public async Task Characteristics_stored_before_transfers_are_attributed_to_their_pupils_school_and_none_is_lost()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.GetService<IMigrator>().MigrateAsync("MeasureUnitsReadAsPublished");

        var trust = await TrustStoredBeforeAsync(db, "Upgrading Trust");
        var (first, second) = (new School { TrustId = trust.Id, Urn = 990501, Name = "First Primary", Phase = Phase.Primary },
            new School { TrustId = trust.Id, Urn = 990502, Name = "Second Primary", Phase = Phase.Primary });
        db.Schools.AddRange(first, second);
        await db.SaveChangesAsync();
        var (ada, ben) = (new Pupil { Key = "ada", TrustId = trust.Id, SchoolId = first.Id, YearGroup = 3 },
            new Pupil { Key = "ben", TrustId = trust.Id, SchoolId = second.Id, YearGroup = 4 });
        db.Pupils.AddRange(ada, ben);
        await db.SaveChangesAsync();
        (int Pupil, string Kind, string Value, DateOnly From, DateOnly? To)[] rows =
        [
            (ada.Id, "Disadvantaged", "no", new DateOnly(2024, 9, 1), new DateOnly(2025, 1, 5)),
            (ada.Id, "Disadvantaged", "yes", new DateOnly(2025, 1, 6), null),
            (ben.Id, "Sen", "ehc-plan", new DateOnly(2024, 9, 1), null),
        ];
        foreach (var r in rows)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "PupilCharacteristics" ("TrustId", "PupilId", "Kind", "Value", "From", "To") VALUES ({trust.Id}, {r.Pupil}, {r.Kind}, {r.Value}, {r.From}, {r.To})
                """);
        }

        await db.Database.MigrateAsync();

        var stored = await db.PupilCharacteristics.AsNoTracking().OrderBy(c => c.PupilId).ThenBy(c => c.From)
            .Select(c => new { c.PupilId, c.SchoolId, Kind = c.Kind.ToString(), c.Value, c.From, c.To }).ToListAsync();
        Assert.Equal(rows.Select(r => (r.Pupil, r.Pupil == ada.Id ? first.Id : second.Id, r.Kind, r.Value, r.From, r.To)),
            stored.Select(c => (c.PupilId, c.SchoolId, c.Kind, c.Value, c.From, c.To)));
    }
}

public sealed class UpgradingPupilCharacteristicsOnSqlite() : UpgradingPupilCharacteristics(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class UpgradingPupilCharacteristicsOnPostgres() : UpgradingPupilCharacteristics(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
