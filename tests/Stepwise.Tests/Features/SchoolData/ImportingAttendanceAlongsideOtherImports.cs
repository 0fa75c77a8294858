using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Infrastructure;
using Progress = Stepwise.Features.Imports.ImportProgress;
using Report = Stepwise.Features.Imports.ImportReport;

namespace Stepwise.Tests.Features.SchoolData;

/// <summary>
/// An attendance import checks its file before its transaction begins (ADR 0062), so other imports of the same
/// school can run meanwhile: what each one stores, and the figures worked out from it, must not miss the other's.
/// Also the imports of two schools of a trust between which a pupil moves part way through a year.
/// </summary>
public abstract class ImportingAttendanceAlongsideOtherImports(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    private const int Urn = 990501;
    private const int SecondUrn = 990502;

    [Fact]
    public async Task Two_attendance_files_imported_at_once_keep_every_mark_of_both()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        var schoolId = await SeedAsync(services, 300);
        // Weeks 30 to 59 and weeks 50 to 79: ten weeks in both, with other figures in the second.
        var first = Task.Run(() => ImportAsync(services, SchoolFileLayout.Attendance, Attendance(300, 30, 30, absent: 0), "first.csv"));
        var second = Task.Run(() => ImportAsync(services, SchoolFileLayout.Attendance, Attendance(300, 50, 30, absent: 2), "second.csv"));
        var (a, b) = (await first, await second);

        Assert.True(a.Imported && b.Imported, string.Join("; ", a.Errors.Concat(b.Errors)));
        Assert.Equal(300 * 50, await StoredIn(services).AttendanceMarkCountAsync(schoolId));
        Assert.Equal((300 * 50, 300 * 10), (a.ValuesAdded + b.ValuesAdded, a.ValuesChanged + b.ValuesChanged));
    }

    [Fact]
    public async Task Pupils_imported_while_an_attendance_file_is_checked_are_in_the_groups_of_its_figures()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        var schoolId = await SeedAsync(services, 300);
        var moved = false;
        // While the attendance file is being checked, every pupil moves from Year 7 to Year 9.
        var progress = new Callback(p =>
        {
            if (p.Stage == "Checking" && p.Fraction is > 0 and < 1 && !moved)
            {
                moved = ImportAsync(services, SchoolFileLayout.Pupils, PupilsCsv(300, year: 9), "pupils-year-9.csv").GetAwaiter().GetResult().Imported;
            }
        });
        var report = await ImportAsync(services, SchoolFileLayout.Attendance, Attendance(300, 30, 30, absent: 1), "attendance.csv", progress);
        Assert.True(moved && report.Imported);

        Task<List<string>> YearGroupsAsync() => QueryAsync(services, db => db.MetricValues
            .Where(v => v.SchoolId == schoolId && v.MetricKey == "attendance.overall-absence" && v.Group.StartsWith("year-"))
            .Select(v => v.Group).Distinct().OrderBy(g => g).ToListAsync());
        var stored = await YearGroupsAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
            await scope.ServiceProvider.GetRequiredService<DeriveSchoolMetrics>().ForSchoolAsync(schoolId, null, CancellationToken.None);
        }
        Assert.Equal(await YearGroupsAsync(), stored);
    }

    [Fact]
    public async Task A_pupil_who_moves_to_another_school_of_the_trust_has_each_schools_weeks_kept_and_counted_by_each_school()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        var firstId = await SeedAsync(services, 20);
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Schools.Add(new School { TrustId = await db.Schools.Where(s => s.Id == firstId).Select(s => s.TrustId).SingleAsync(), Urn = SecondUrn,
                Name = "Second Academy", Phase = Phase.Secondary });
            await db.SaveChangesAsync();
        }
        // Weeks 30 to 39 of 2024 at the first school (July to September: the end of one academic year and the start of the next);
        // then all twenty pupils move, and weeks 40 to 49 (2024/25 still) are at the second.
        Assert.True((await ImportAsync(services, SchoolFileLayout.Attendance, Attendance(20, 30, 10, absent: 1), "first.csv")).Imported);
        Task<(int Pupils, double? Value, int Values)> FirstSchoolsWeek38Async() => QueryAsync(services, async db =>
        {
            var week = await db.MetricValues.SingleAsync(v => v.SchoolId == firstId && v.MetricKey == "attendance.overall-absence" && v.Group == "all" && v.Period == "2024-W38");
            return (week.Pupils, week.Value, await db.MetricValues.CountAsync(v => v.SchoolId == firstId));
        });
        var before = await FirstSchoolsWeek38Async();
        Assert.Equal((20, 10.0), (before.Pupils, before.Value));
        // An import does not move a pupil off another school's roll (issue 17, ADR 0074): they are transferred.
        Assert.False((await ImportAsync(services, SchoolFileLayout.Pupils, PupilsCsv(20, year: 7), "pupils.csv", urn: SecondUrn)).Imported);
        Assert.All(await TransferAsync(services, Enumerable.Range(0, 20).Select(Upn), SecondUrn), kind => Assert.Equal(Stepwise.Common.OutcomeKind.Ok, kind));
        var second = await ImportAsync(services, SchoolFileLayout.Attendance, Attendance(20, 40, 10, absent: 3), "second.csv", urn: SecondUrn);

        Assert.True(second.Imported, string.Join("; ", second.Errors));
        var stored = await QueryAsync(services, db => db.PupilAttendanceYears.GroupBy(y => y.SchoolId).Select(g => new { g.Key, Marks = g.Sum(y => y.Periods) })
            .ToDictionaryAsync(g => g.Key, g => g.Marks));
        Assert.Equal(2, stored.Count);
        Assert.Equal(200, stored[firstId]);
        Assert.Equal(200, stored.Single(s => s.Key != firstId).Value);

        // A joiner imported at the first school works its figures out again: the pupils who left still count in its weeks.
        Assert.True((await ImportAsync(services, SchoolFileLayout.Pupils, $"UPN,Year\n{Upn(99)},7\n", "joiner.csv")).Imported);
        Assert.Equal(before, await FirstSchoolsWeek38Async());
    }

    [Fact]
    public async Task An_import_cancelled_while_saving_leaves_nothing_and_the_file_then_imports_whole()
    {
        SkipUnlessAvailable();
        await using var services = Database.Services();
        var schoolId = await SeedAsync(services, 600);
        var csv = Attendance(600, 0, 100, absent: 1);
        using var cancel = new CancellationTokenSource();
        var progress = new Callback(p =>
        {
            if (p.Stage == "Saving" && p.Fraction > 0)
            {
                cancel.Cancel();
            }
        });

        var error = await Record.ExceptionAsync(() => ImportAsync(services, SchoolFileLayout.Attendance, csv, "attendance.csv", progress, cancel.Token));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal((0, 0), (await StoredIn(services).CountAsync<PupilAttendanceYear>(y => y.SchoolId == schoolId),
            (await StoredIn(services).ImportsAsync(schoolId, "attendance")).Count));
        Assert.Equal(60_000, (await ImportAsync(services, SchoolFileLayout.Attendance, csv, "attendance.csv")).ValuesAdded);
    }

    private sealed class Callback(Action<Progress> on) : IProgress<Progress>
    {
        public void Report(Progress value) => on(value);
    }

    private static string Upn(int i) => $"R{i:00000000000}{i % 10}";

    private static string PupilsCsv(int pupils, int year) => "UPN,Year,Gender,Pupil Premium\n"
        + string.Concat(Enumerable.Range(0, pupils).Select(i => $"{Upn(i)},{year},{(i % 2 == 0 ? "F" : "M")},{(i % 4 == 0 ? "Y" : "N")}\n"));

    /// <summary>A row per pupil per ISO week from the given week of 2024 on.</summary>
    private static string Attendance(int pupils, int fromWeek, int weeks, int absent)
    {
        var csv = new StringBuilder("UPN,Period,Possible,Present,Authorised,Unauthorised\n");
        var monday = ISOWeek.ToDateTime(2024, 1, DayOfWeek.Monday);
        for (var i = 0; i < pupils; i++)
        {
            for (var w = fromWeek; w < fromWeek + weeks; w++)
            {
                var day = monday.AddDays(7 * w);
                csv.Append(CultureInfo.InvariantCulture, $"{Upn(i)},{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00},10,{10 - absent},{absent},0\n");
            }
        }
        return csv.ToString();
    }

    private static async Task<int> SeedAsync(ServiceProvider services, int pupils)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            var trust = new Trust { Name = "Busy Trust" };
            db.Trusts.Add(trust);
            await db.SaveChangesAsync();
            db.Schools.Add(new School { TrustId = trust.Id, Urn = Urn, Name = "Busy Academy", Phase = Phase.Secondary });
            await db.SaveChangesAsync();
        }
        var report = await ImportAsync(services, SchoolFileLayout.Pupils, PupilsCsv(pupils, year: 7), "pupils.csv");
        Assert.True(report.Imported, string.Join("; ", report.Errors));
        return await StoredIn(services).SchoolIdAsync(Urn);
    }

    private static async Task<List<Stepwise.Common.OutcomeKind>> TransferAsync(ServiceProvider services, IEnumerable<string> upns, int urn)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var transfer = ActivatorUtilities.CreateInstance<Stepwise.Features.Pupils.TransferPupil>(scope.ServiceProvider);
        var outcomes = new List<Stepwise.Common.OutcomeKind>();
        foreach (var upn in upns)
        {
            outcomes.Add((await transfer.HandleAsync(urn, new Stepwise.Features.Pupils.TransferInput { Upn = upn, Confirm = true }, CancellationToken.None)).Kind);
        }
        return outcomes;
    }

    private static async Task<Report> ImportAsync(ServiceProvider services, SchoolFileLayout layout, string csv, string name,
        IProgress<Progress>? progress = null, CancellationToken ct = default, int urn = Urn)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var outcome = await scope.ServiceProvider.GetRequiredService<ImportSchoolData>()
            .HandleAsync(new ImportSchoolData.Request(urn, layout, name, AcceptValid: false), file, ct, progress);
        return outcome.Value!;
    }

}

public sealed class ImportingAttendanceAlongsideOtherImportsOnSqlite()
    : ImportingAttendanceAlongsideOtherImports(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class ImportingAttendanceAlongsideOtherImportsOnPostgres()
    : ImportingAttendanceAlongsideOtherImports(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
