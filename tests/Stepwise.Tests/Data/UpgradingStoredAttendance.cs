using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Pupils;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Data;

/// <summary>
/// A database holding attendance as a row per pupil per period (before ADR 0062) keeps every row when it is upgraded:
/// each pupil's rows for an academic year become that year's marks, in period order, with their sessions and imports.
/// </summary>
public abstract class UpgradingStoredAttendance(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{

    [Fact]
    public async Task Rows_stored_per_period_become_pupil_years_with_every_mark_kept()
    {
        SkipUnlessAvailable();
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.GetService<IMigrator>().MigrateAsync("Surveys");

        var trust = await TrustStoredBeforeAsync(db, "Upgrading Trust");
        var school = new School { TrustId = trust.Id, Urn = 990401, Name = "Older Academy", Phase = Phase.Secondary };
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        var (ada, ben) = (new Pupil { Key = "ada", TrustId = trust.Id, SchoolId = school.Id, YearGroup = 8 },
            new Pupil { Key = "ben", TrustId = trust.Id, SchoolId = school.Id, YearGroup = 9 });
        db.Pupils.AddRange(ada, ben);
        await db.SaveChangesAsync();
        DataImport Import(string file) => new()
        {
            TrustId = trust.Id, SchoolId = school.Id, Kind = "attendance", FileName = file, Hash = file, Actor = "test", At = Clock.UtcNow(),
        };
        var (first, second) = (Import("first.csv"), Import("second.csv"));
        db.DataImports.AddRange(first, second);
        await db.SaveChangesAsync();

        // Written out of order, as an older import may have left them: a week in August belongs to the year before.
        (int Pupil, string Period, string Start, int Possible, int Present, int Authorised, int Unauthorised, int Import)[] rows =
        [
            (ada.Id, "2024-09-10", "2024-09-10", 2, 1, 1, 0, second.Id),
            (ada.Id, "2024-W36", "2024-09-02", 10, 9, 0, 1, first.Id),
            (ada.Id, "2024-W35", "2024-08-26", 10, 10, 0, 0, first.Id),
            (ada.Id, "2024/25 HT1", "2024-09-01", 70, 64, 4, 2, first.Id),
            (ben.Id, "2024/25 HT1", "2024-09-01", 70, 70, 0, 0, first.Id),
        ];
        foreach (var r in rows)
        {
            var start = DateOnly.Parse(r.Start, System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AttendanceRecords" ("TrustId", "SchoolId", "PupilId", "Period", "PeriodStart", "Possible", "Present", "Authorised", "Unauthorised", "DataImportId")
                VALUES ({trust.Id}, {school.Id}, {r.Pupil}, {r.Period}, {start}, {r.Possible}, {r.Present}, {r.Authorised}, {r.Unauthorised}, {r.Import})
                """);
        }

        await db.Database.MigrateAsync();

        var years = await db.PupilAttendanceYears.AsNoTracking().OrderBy(y => y.PupilId).ThenBy(y => y.AcademicYear)
            .Select(y => new { y.PupilId, y.AcademicYear, y.Periods, y.DataImportId, y.SchoolId }).ToListAsync();
        Assert.Equal([(ada.Id, 2023, 1, first.Id), (ada.Id, 2024, 3, second.Id), (ben.Id, 2024, 1, first.Id)],
            years.Select(y => (y.PupilId, y.AcademicYear, y.Periods, y.DataImportId)));
        Assert.All(years, y => Assert.Equal(school.Id, y.SchoolId));

        var marks = (await SchoolAttendance.ReadAsync(db, school.Id, CancellationToken.None)).Marks()
            .Where(m => m.PupilId == ada.Id).Select(m => m.Mark).ToList();
        Assert.Equal("2024-W35", Assert.Single(marks, m => PupilAttendanceYear.YearOf(m.Period) == 2023).Period.Code);
        // In period order within the year: the half-term (1 September), the week (2 September), the day (10 September).
        Assert.Equal(["2024/25 HT1", "2024-W36", "2024-09-10"], marks.Where(m => PupilAttendanceYear.YearOf(m.Period) == 2024).Select(m => m.Period.Code));
        var week = marks.Single(m => m.Period.Code == "2024-W36");
        Assert.Equal((10, 9, 0, 1, first.Id), (week.Possible, week.Present, week.Authorised, week.Unauthorised, week.DataImportId));
        var day = marks.Single(m => m.Period.Code == "2024-09-10");
        Assert.Equal((2, 1, 1, 0, second.Id), (day.Possible, day.Present, day.Authorised, day.Unauthorised, day.DataImportId));
        Assert.Equal(new DateOnly(2024, 9, 1), marks.Single(m => m.Period.Code == "2024/25 HT1").Period.Start);
    }

    private ServiceProvider Services() => Database.Services();

}

public sealed class UpgradingStoredAttendanceOnSqlite() : UpgradingStoredAttendance(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class UpgradingStoredAttendanceOnPostgres() : UpgradingStoredAttendance(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
