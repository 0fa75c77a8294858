using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Tests.Cli;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.SchoolData;

/// <summary>
/// `stepwise import attendance` is one transaction: a process killed while it is saving leaves no attendance and no
/// record of the import, and the same file then imports whole. The kill comes when the import itself says it has begun
/// writing pupil years (`--progress` writes "Saving: 10%" as it happens), so it lands mid-transaction, with the import's
/// record and some years written, not at a guessed moment.
/// </summary>
public abstract class KillingASchoolImport(Func<Task<TestDatabase>> create, string? unavailableReason) : OwnDatabase(create, unavailableReason)
{
    private const int Urn = 990301;
    private const int Pupils = 4_000;
    private const int Weeks = 100;
    private const int Rows = Pupils * Weeks;

    private readonly string _files = Directory.CreateTempSubdirectory("stepwise-kill-school-").FullName;

    [Fact]
    public async Task A_killed_attendance_import_leaves_nothing_and_the_file_then_imports_whole()
    {
        SkipUnlessAvailable();
        await using var services = Services();
        var schoolId = await SeedSchoolWithPupilsAsync(services);
        var attendance = WriteAttendance();

        using (var import = StepwiseProcess.Start(Environment(), Arguments(attendance, "--progress")))
        {
            var said = new StringBuilder();
            Assert.True(await StepwiseProcess.WaitUntilSavingAsync(import, TimeSpan.FromSeconds(90), said), $"The import did not report saving before it ended or timed out:\n{said}");
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
            Assert.True(import.ExitCode != 0, $"The import finished before it could be killed (make the file bigger):\n{said}");
        }

        Assert.Equal((0, 0), await CountAsync(services, schoolId));

        var whole = await StepwiseProcess.RunWithAsync(Environment(), Arguments(attendance, "--json"));
        Assert.True(whole.ExitCode == 0, whole.ToString());
        var report = JsonNode.Parse(whole.Out)!;
        Assert.Equal((Rows, Rows, 0), ((int)report["read"]!, (int)report["accepted"]!, (int)report["rejected"]!));
        Assert.Equal((Rows, 1), await CountAsync(services, schoolId));
        var provenance = Assert.Single(await StoredIn(services).ImportsAsync(schoolId, "attendance"));
        Assert.Equal((Rows, 0, "attendance.csv"), (provenance.Added, provenance.Changed, provenance.FileName));
    }

    private string[] Arguments(string attendance, string option) =>
        ["import", "attendance", attendance, "--school", Urn.ToString(CultureInfo.InvariantCulture), "--data", DataFolder, option];

    private string DataFolder => Database is SqliteTestDatabase sqlite ? sqlite.Folder : _files;

    /// <summary>The command line reads its database from --data (SQLite) or from the environment (PostgreSQL).</summary>
    private Dictionary<string, string> Environment() => Database.Provider == "Postgres"
        ? new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Stepwise"] = Database.ConnectionString }
        : [];

    private ServiceProvider Services() => Database.Services();

    /// <summary>A trust, a school and its pupils, imported the ordinary way.</summary>
    private async Task<int> SeedSchoolWithPupilsAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var trust = new Trust { Name = "Killing Trust" };
        db.Trusts.Add(trust);
        await db.SaveChangesAsync();
        var school = new School { TrustId = trust.Id, Urn = Urn, Name = "Interrupted Academy", Phase = Phase.Secondary };
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        var csv = "UPN,Year,Gender,Pupil Premium\n" + string.Concat(Enumerable.Range(0, Pupils).Select(i => $"{Upn(i)},{7 + i % 5},{(i % 2 == 0 ? "F" : "M")},{(i % 4 == 0 ? "Y" : "N")}\n"));
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var outcome = await scope.ServiceProvider.GetRequiredService<ImportSchoolData>()
            .HandleAsync(new ImportSchoolData.Request(Urn, SchoolFileLayout.Pupils, "pupils.csv", AcceptValid: false), file, CancellationToken.None);
        Assert.True(outcome.Value is { Imported: true }, string.Join("; ", outcome.Value?.Errors ?? []));
        return school.Id;
    }

    private static string Upn(int i) => $"K{i:00000000000}{i % 10}";

    /// <summary>A row per pupil per week: 400,000 rows, so that saving takes long enough to be interrupted.</summary>
    private string WriteAttendance()
    {
        var path = Path.Combine(_files, "attendance.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("UPN,Period,Possible,Present,Authorised,Unauthorised\n");
        var monday = ISOWeek.ToDateTime(2024, 1, DayOfWeek.Monday);
        for (var i = 0; i < Pupils; i++)
        {
            for (var w = 0; w < Weeks; w++)
            {
                var day = monday.AddDays(7 * w);
                var absent = (i + w) % 7 == 0 ? 2 : 0;
                writer.Write($"{Upn(i)},{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00},10,{10 - absent},{absent},0\n");
            }
        }
        return path;
    }

    private static async Task<(int Rows, int Imports)> CountAsync(ServiceProvider services, int schoolId) => (await StoredIn(services).AttendanceMarkCountAsync(schoolId), (await StoredIn(services).ImportsAsync(schoolId, "attendance")).Count);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_files, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class KillingASchoolImportOnSqlite() : KillingASchoolImport(() => Task.FromResult<TestDatabase>(new SqliteTestDatabase()), null);

public sealed class KillingASchoolImportOnPostgres() : KillingASchoolImport(async () => await PostgresTestDatabase.CreateAsync(), TestDatabase.PostgresUnavailableReason);
