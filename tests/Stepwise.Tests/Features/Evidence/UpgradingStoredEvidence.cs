using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Evidence;
using Stepwise.Features.Frameworks;
using Stepwise.Features.Plans;
using Stepwise.Features.Schools;
using Stepwise.Features.SelfEvaluation;
using Stepwise.Features.Trusts;
using Stepwise.Features.Units;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Evidence;

/// <summary>
/// A database holding evidence in the two tables that came before the one model (JudgementEvidence and PlanEvidence)
/// keeps every row when it is upgraded: each lands in the one evidence table, attached to the same judgement or
/// priority, with the same content, who added it and when.
/// </summary>
public abstract class UpgradingStoredEvidence(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    [Fact]
    public async Task Judgement_and_plan_evidence_move_into_the_one_evidence_table_with_their_content()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.GetService<IMigrator>().MigrateAsync("AttendanceYearAtItsSchool");

        var trust = await TrustStoredBeforeAsync(db, "Upgrading Trust");
        var school = new School { TrustId = trust.Id, Urn = 990402, Name = "Evidence Academy", Phase = Phase.Primary };
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        var unit = new Unit { TrustId = trust.Id, SchoolId = school.Id, Kind = UnitKind.WholeSchool, Name = "Whole school" };
        db.Add(unit);
        await db.SaveChangesAsync();
        // The framework is written as that schema had it (later migrations add columns the model now has).
        var frameworkCreatedAt = new DateTime(2025, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        var frameworkId = (await db.Database.SqlQuery<int>(
            $"INSERT INTO \"Frameworks\" (\"TrustId\", \"Key\", \"Name\", \"Origin\", \"CreatedAt\") VALUES ({trust.Id}, 'review', 'Review', 'trust', {frameworkCreatedAt}) RETURNING \"Id\" AS \"Value\"")
            .ToListAsync()).Single();
        var version = new FrameworkVersion { TrustId = trust.Id, FrameworkId = frameworkId, Number = 1, CreatedAt = frameworkCreatedAt };
        db.FrameworkVersions.Add(version);
        await db.SaveChangesAsync();
        var area = new FrameworkArea { TrustId = trust.Id, FrameworkVersionId = version.Id, Key = "quality", Name = "Quality", Scale = "review" };
        db.FrameworkAreas.Add(area);
        await db.SaveChangesAsync();
        var recordedAt = new DateTime(2025, 10, 6, 14, 30, 0, DateTimeKind.Utc);
        var judgement = new Judgement
        {
            TrustId = trust.Id, SchoolId = school.Id, UnitId = unit.Id, FrameworkAreaId = area.Id, Grade = "secure", Source = JudgementSource.Self,
            JudgedOn = new DateOnly(2025, 10, 6), By = "Ada Head", RecordedAt = recordedAt,
        };
        var plan = new Plan
        {
            TrustId = trust.Id, SchoolId = school.Id, Kind = PlanKind.Year, Title = "Plan", AcademicYear = "2025/26",
            StartsOn = new DateOnly(2025, 9, 1), EndsOn = new DateOnly(2026, 8, 31), CreatedAt = recordedAt, CreatedBy = "Ada Head",
        };
        db.AddRange(judgement, plan);
        await db.SaveChangesAsync();
        var priority = new Priority { TrustId = trust.Id, SchoolId = school.Id, PlanId = plan.Id, Title = "Attendance" };
        db.Priorities.Add(priority);
        await db.SaveChangesAsync();

        (string Kind, string Title, string? Url, string? MetricKey, string? Group, string? Note)[] judged =
        [
            ("Metric", "Overall absence", null, "attendance.overall-absence", "disadvantaged", null),
            ("Observation", "Learning walks", null, null, null, "Twelve lessons seen."),
            ("Link", "Governors' minutes", "https://example.org/minutes", null, null, null),
        ];
        foreach (var e in judged)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "JudgementEvidence" ("TrustId", "JudgementId", "Kind", "Title", "Url", "MetricKey", "Group", "Note")
                VALUES ({trust.Id}, {judgement.Id}, {e.Kind}, {e.Title}, {e.Url}, {e.MetricKey}, {e.Group}, {e.Note})
                """);
        }
        (string Title, string? Url, string? Note, DateOnly AddedOn, string By)[] planned =
        [
            ("Attendance action plan", null, "Shared with governors.", new DateOnly(2025, 10, 20), "Ben Lead"),
            ("Attendance clinic notes", "/schools/990402/metrics/attendance.overall-absence", null, new DateOnly(2025, 11, 3), "Cara Deputy"),
        ];
        foreach (var e in planned)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "PlanEvidence" ("TrustId", "SchoolId", "PriorityId", "Title", "Url", "Note", "AddedOn", "By")
                VALUES ({trust.Id}, {school.Id}, {priority.Id}, {e.Title}, {e.Url}, {e.Note}, {e.AddedOn}, {e.By})
                """);
        }

        await db.Database.MigrateAsync();

        var moved = await db.Evidence.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var forJudgement = moved.Where(e => e.OwnerKind == EvidenceOwner.Judgement).ToList();
        Assert.Equal(judged.Select(e => (e.Kind, e.Title, e.Url, e.MetricKey, e.Group, e.Note)),
            forJudgement.Select(e => (e.Kind.ToString(), e.Title, e.Url, e.MetricKey, e.Group, e.Note)));
        Assert.All(forJudgement, e => Assert.Equal((judgement.Id, trust.Id, (int?)school.Id, recordedAt, "Ada Head"), (e.OwnerId, e.TrustId, e.SchoolId, e.AddedAt, e.By)));

        var forPriority = moved.Where(e => e.OwnerKind == EvidenceOwner.Priority).ToList();
        Assert.Equal(planned.Select(e => (e.Title, e.Url, e.Note, e.AddedOn, e.By)),
            forPriority.Select(e => (e.Title, e.Url, e.Note, DateOnly.FromDateTime(e.AddedAt), e.By)));
        Assert.Equal([EvidenceKind.Note, EvidenceKind.Link], forPriority.Select(e => e.Kind));
        Assert.All(forPriority, e => Assert.Equal((priority.Id, trust.Id, (int?)school.Id, (string?)null, (string?)null), (e.OwnerId, e.TrustId, e.SchoolId, e.MetricKey, e.Group)));
        Assert.Equal(5, moved.Count);

        // And the read the pages use finds them where they were, with the measure's group.
        var read = new ReadEvidence(db, new EvidenceOwners([]));
        Assert.Equal(planned.Select(e => e.Title), (await read.ForAsync(EvidenceOwner.Priority, [priority.Id], CancellationToken.None))[priority.Id].Select(e => e.Title));
        Assert.Equal("disadvantaged", (await read.ForAsync(EvidenceOwner.Judgement, [judgement.Id], CancellationToken.None))[judgement.Id][0].Group);
    }
}

public sealed class UpgradingStoredEvidenceOnSqlite() : UpgradingStoredEvidence(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class UpgradingStoredEvidenceOnPostgres() : UpgradingStoredEvidence(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
