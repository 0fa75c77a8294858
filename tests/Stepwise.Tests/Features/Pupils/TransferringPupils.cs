using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Pupils;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Pupils;

/// <summary>
/// A pupil on one school's roll is never moved onto another's by an import; an explicit transfer, confirmed by someone
/// who may see both schools and audited, moves the roll and leaves what the first school recorded with it (ADR 0074).
/// </summary>
public abstract class TransferringPupils(StepwiseApp app)
{
    /// <summary>The UPN the test world made its pupil from (see <see cref="World"/>).</summary>
    private static string WorldUpn(int urn, int i) => $"A{urn:D6}{i:D5}Z";

    private static string NewUpn(char letter, int i) => $"{letter}{55500000000 + i:00000000000}{i % 10}";

    private async Task<HttpResponseMessage> ImportPupilsAsync(string email, int urn, string csv, bool acceptValid)
    {
        var client = await app.ClientForAsync(email);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new("text/csv");
        return await client.PostAsync($"/api/schools/{urn}/imports/pupils?acceptValid={acceptValid}&fileName=pupils.csv", content);
    }

    private Task<int> SchoolOfAsync(string key) => app.QueryAsync(db => db.Pupils.Where(p => p.Key == key).Select(p => p.SchoolId).SingleAsync());

    /// <summary>Issue 17 defect 7: a one-line import took another school's pupil silently; the first school then got 404 for its own pupil.</summary>
    [Fact]
    public async Task An_import_never_takes_a_pupil_from_another_schools_roll_and_reports_the_line_without_the_upn()
    {
        app.EnsureAvailable();
        var key = app.World.PupilKeys[World.NorthPrimaryUrn][4];
        var primaryId = app.World.School(World.NorthPrimaryUrn).Id;
        var upn = WorldUpn(World.NorthPrimaryUrn, 4);
        var csv = $"UPN,Year\n{upn},7\n{NewUpn('T', 1)},7\n";

        var refused = await (await ImportPupilsAsync(World.NorthDataManager, World.NorthSecondaryUrn, csv, acceptValid: false)).ReadJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, (int)refused["accepted"]!);
        var taken = await (await ImportPupilsAsync(World.NorthDataManager, World.NorthSecondaryUrn, csv, acceptValid: true)).ReadJsonAsync();

        Assert.Equal((2, 1, 1), ((int)taken["read"]!, (int)taken["accepted"]!, (int)taken["rejected"]!));
        var problem = Assert.Single(taken["errors"]!.AsArray())!;
        Assert.Equal((2, "UPN", ""), ((int)problem["line"]!, (string)problem["column"]!, (string)problem["value"]!));
        Assert.Contains("on the roll of another school in your trust", (string)problem["reason"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(upn, taken.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(primaryId, await SchoolOfAsync(key));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(World.PrimaryHead)).GetAsync($"/api/pupils/{key}")).StatusCode);
    }

    /// <summary>Issue 17 defect 7: the receiving school saw the SEN, FSM and EAL history the first school recorded.</summary>
    [Fact]
    public async Task A_transfer_confirmed_by_someone_who_may_see_both_schools_moves_the_roll_and_leaves_the_history_with_the_first_school()
    {
        app.EnsureAvailable();
        var key = app.World.PupilKeys[World.NorthPrimaryUrn][3]; // disadvantaged, as the primary school recorded
        var (primaryId, secondaryId) = (app.World.School(World.NorthPrimaryUrn).Id, app.World.School(World.NorthSecondaryUrn).Id);
        var transfers = $"/api/schools/{World.NorthSecondaryUrn}/pupils/transfers";
        var upn = WorldUpn(World.NorthPrimaryUrn, 3);

        var notBoth = await (await (await app.ClientForAsync(World.SecondaryHead)).PostJsonAsync(transfers, new { upn, confirm = true })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("both schools", (string)notBoth["errors"]!["upn"]![0]!, StringComparison.Ordinal);
        Assert.DoesNotContain("Northgate Primary", notBoth.ToJsonString(), StringComparison.Ordinal);
        var manager = await app.ClientForAsync(World.NorthDataManager);
        var unconfirmed = await (await manager.PostJsonAsync(transfers, new { upn })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Northgate Primary School", (string)unconfirmed["errors"]!["confirm"]![0]!, StringComparison.Ordinal);
        Assert.Equal(primaryId, await SchoolOfAsync(key));

        var moved = await (await manager.PostJsonAsync(transfers, new { upn, confirm = true })).ReadJsonAsync();
        Assert.Equal((World.NorthSecondaryUrn, false), ((int)moved["urn"]!, (bool)moved["disadvantaged"]!));
        Assert.Equal(secondaryId, await SchoolOfAsync(key));
        var seen = await (await (await app.ClientForAsync(World.SecondaryHead)).GetAsync($"/api/pupils/{key}")).ReadJsonAsync();
        Assert.False((bool)seen["disadvantaged"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(World.PrimaryHead)).GetAsync($"/api/pupils/{key}")).StatusCode);

        // The history stays the primary school's, ended the day before the transfer.
        var history = await app.QueryAsync(db => db.PupilCharacteristics.Where(c => db.Pupils.Any(p => p.Id == c.PupilId && p.Key == key))
            .Select(c => new { SchoolId = EF.Property<int>(c, "SchoolId"), c.Value, c.To }).ToListAsync());
        var kept = Assert.Single(history);
        Assert.Equal((primaryId, "yes", app.Today.AddDays(-1)), (kept.SchoolId, kept.Value, kept.To));
        var audit = Assert.Single(await app.Stored.AuditEntriesAsync(entity: "Pupil", key: key, action: "Transferred"));
        Assert.Equal(app.World.Person(World.NorthDataManager).Id, audit.PersonId);
        Assert.Contains("from Northgate Primary School (990101) to Northgate Academy (990102)", audit.Summary, StringComparison.Ordinal);
        Assert.Contains(key, audit.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(upn, audit.Summary, StringComparison.Ordinal);

        // Nor does the receiving school count the pupil in a group by what the first school recorded (ADR 0074),
        // not even for days before it has recorded anything itself.
        var pupilId = await app.QueryAsync(db => db.Pupils.Where(p => p.Key == key).Select(p => p.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Stepwise.Data.TrustScope>().ActAsSystem("test");
        var derive = scope.ServiceProvider.GetRequiredService<Stepwise.Features.SchoolData.DeriveSchoolMetrics>();
        var groups = (await derive.MembershipsAsync(secondaryId, CancellationToken.None)).Of(pupilId, app.Today.AddDays(-30));
        Assert.Contains("not-disadvantaged", groups);
        Assert.DoesNotContain("disadvantaged", groups);
    }

    /// <summary>Issue 17 defect 7: the transfer has a page as well as the API, and shares its rule.</summary>
    [Fact]
    public async Task A_trust_data_manager_transfers_a_pupil_on_the_page()
    {
        app.EnsureAvailable();
        var key = app.World.PupilKeys[World.NorthPrimaryUrn][5];
        var manager = await app.ClientForAsync(World.NorthDataManager);
        var url = $"/schools/{World.NorthSecondaryUrn}/pupils/transfer";
        var page = await manager.GetPageAsync(url);

        var unconfirmed = await (await manager.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Upn"] = WorldUpn(World.NorthPrimaryUrn, 5) }, url)).ReadPageAsync();
        Assert.Contains(unconfirmed.Errors(), e => e.Contains("Northgate Primary School", StringComparison.Ordinal));
        var done = await manager.SubmitAsync(unconfirmed.Form(), new Dictionary<string, string>
        {
            ["Input.Upn"] = WorldUpn(World.NorthPrimaryUrn, 5), ["Input.Confirm"] = "true",
        }, url);

        Assert.Equal($"/pupils/{key}", await done.AssertRedirectAsync());
        Assert.Equal(app.World.School(World.NorthSecondaryUrn).Id, await SchoolOfAsync(key));
    }

    /// <summary>Issue 17 defect 13: the audit showed counts only, not which pupils an import added or changed.</summary>
    [Fact]
    public async Task A_pupils_import_names_the_pupils_it_added_and_updated_by_key_and_never_by_upn()
    {
        app.EnsureAvailable();
        var (first, second) = (NewUpn('U', 1), NewUpn('U', 2));
        (await ImportPupilsAsync(World.NorthDataManager, World.NorthSecondaryUrn, $"UPN,Year\n{first},7\n{second},8\n", acceptValid: false)).EnsureSuccessStatusCode();
        (await ImportPupilsAsync(World.NorthDataManager, World.NorthSecondaryUrn, $"UPN,Year\n{first},7\n{second},9\n", acceptValid: false)).EnsureSuccessStatusCode();

        var secret = app.World.North.PseudonymSecret;
        var entries = await app.Stored.AuditEntriesAsync(entity: "Pupil", action: "Imported");
        Assert.Contains(entries, e => e.Summary.Contains("added", StringComparison.Ordinal)
            && e.Summary.Contains(PupilKey.FromUpn(first, secret), StringComparison.Ordinal) && e.Summary.Contains(PupilKey.FromUpn(second, secret), StringComparison.Ordinal));
        var updated = Assert.Single(entries, e => e.Summary.Contains("updated", StringComparison.Ordinal) && e.Summary.Contains(PupilKey.FromUpn(second, secret), StringComparison.Ordinal));
        Assert.DoesNotContain(PupilKey.FromUpn(first, secret), updated.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Summary.Contains(first, StringComparison.Ordinal) || e.Summary.Contains(second, StringComparison.Ordinal));
    }

    /// <summary>Issue 17 defect 13: a pupils import over 32,766 rows gave 500 on SQLite (too many SQL variables).</summary>
    [Fact]
    public async Task A_pupils_import_of_more_than_32766_rows_is_imported()
    {
        app.EnsureAvailable();
        const int rows = 33_000;
        var csv = new StringBuilder("UPN,Year\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(NewUpn('V', i)).Append(',').Append(7 + i % 5).Append('\n');
        }
        var report = await (await ImportPupilsAsync(World.NorthDataManager, World.NorthSecondaryUrn, csv.ToString(), acceptValid: false)).ReadJsonAsync();
        Assert.Equal((rows, rows), ((int)report["accepted"]!, (int)report["added"]!));
        var again = await (await ImportPupilsAsync(World.NorthDataManager, World.NorthSecondaryUrn, csv.ToString().Replace("UPN,Year", "UPN,NC Year", StringComparison.Ordinal), acceptValid: false)).ReadJsonAsync();
        Assert.Equal((rows, 0, 0), ((int)again["accepted"]!, (int)again["added"]!, (int)again["changed"]!));
    }
}

public sealed class TransferringPupilsOnSqlite(SqliteApp app) : TransferringPupils(app), IClassFixture<SqliteApp>;

public sealed class TransferringPupilsOnPostgres(PostgresApp app) : TransferringPupils(app), IClassFixture<PostgresApp>;
