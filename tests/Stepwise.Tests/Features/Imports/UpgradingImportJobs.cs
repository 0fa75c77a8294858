using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Imports;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Imports;

/// <summary>
/// Upload jobs stored before every kind of import had jobs keep their school, file, status and report when the
/// database is upgraded, and become school-data jobs; none is claimed yet.
/// </summary>
public abstract class UpgradingImportJobs(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    [Fact]
    public async Task Jobs_stored_before_the_kernel_are_school_data_jobs_with_everything_kept()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.GetService<IMigrator>().MigrateAsync("AttendanceYearAtItsSchool");

        var trust = await TrustStoredBeforeAsync(db, "Upgrading Jobs Trust");
        var school = new School { TrustId = trust.Id, Urn = 990411, Name = "Queued Academy", Phase = Phase.Primary };
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        var created = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ImportJobs" ("TrustId", "SchoolId", "PersonId", "Actor", "Kind", "FileName", "StoredPath", "AcceptValid", "Status", "CreatedAt", "Report")
            VALUES ({trust.Id}, {school.Id}, 7, {"manager@example.org"}, {"attendance"}, {"weeks.csv"}, {"/data/uploads/a.csv"}, {true}, {"Done"}, {created}, {"{\"read\":3}"})
            """);

        await db.Database.MigrateAsync();

        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.TrustId == trust.Id);
        Assert.Equal(("school-data", school.Id, 7, "manager@example.org", "attendance", "weeks.csv", "/data/uploads/a.csv", true, ImportJobStatus.Done),
            (job.Importer, job.SchoolId!.Value, job.PersonId, job.Actor, job.Kind, job.FileName, job.StoredPath, job.AcceptValid, job.Status));
        Assert.Equal((created, "{\"read\":3}"), (job.CreatedAt, job.Report));
        Assert.Equal((null, null, false, (string?)null), (job.ClaimedBy, job.Year, job.Replace, job.Stage));
    }
}

public sealed class UpgradingImportJobsOnSqlite() : UpgradingImportJobs(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class UpgradingImportJobsOnPostgres() : UpgradingImportJobs(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
