using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.SchoolData;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Data;

/// <summary>
/// Figures stored before the small-group rule of ADR 0073 (issue 17 defect 8) are worked out again when the database
/// is upgraded, not left until the school's next import: a boys' figure shown beside 3 girls is withheld after it.
/// </summary>
public abstract class DerivingFiguresAgainOnUpgrade(StepwiseApp app)
{
    private const int Urn = World.NorthSecondaryUrn;

    [Fact]
    public async Task Upgrading_works_out_stored_figures_again_under_the_small_group_rule()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.NorthDataManager);
        var pupils = new StringBuilder("UPN,Year,Gender\n");
        var attendance = new StringBuilder("UPN,Period,Possible Sessions,Present,Authorised Absences,Unauthorised Absences\n");
        var period = $"{app.Today.Year}/{(app.Today.Year + 1) % 100:00} HT1";
        for (var i = 0; i < 13; i++)
        {
            var upn = $"U{i:00000000000}{i % 10}";
            pupils.Append($"{upn},8,{(i < 3 ? "F" : "M")}\n");
            attendance.Append($"{upn},{period},70,{66 - i},{4 + i},0\n");
        }
        foreach (var (kind, csv) in new[] { ("pupils", pupils), ("attendance", attendance) })
        {
            var response = await client.PostAsync($"/api/schools/{Urn}/imports/{kind}?fileName={kind}.csv", new StringContent(csv.ToString()));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var schoolId = await db.Schools.Where(s => s.Urn == Urn).Select(s => s.Id).SingleAsync();
        var boys = db.MetricValues.Where(v => v.SchoolId == schoolId && v.MetricKey == "attendance.overall-absence" && v.Group == "boys");
        Assert.All(await boys.ToListAsync(), v => Assert.Equal("withheld", v.Missing));

        // As the rule before ADR 0073 stored it: the boys shown beside all pupils, which gives the girls away.
        await boys.ExecuteUpdateAsync(s => s.SetProperty(v => v.Missing, (string?)null).SetProperty(v => v.Value, 7.5));
        var migrator = db.GetService<IMigrator>();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var marker = applied.Single(m => m.EndsWith("_" + new DeriveFiguresAgain().AfterMigration, StringComparison.Ordinal));
        await migrator.MigrateAsync(applied[applied.IndexOf(marker) - 1]);

        await DatabaseUpgrade.MigrateAsync(scope.ServiceProvider, CancellationToken.None);

        db.ChangeTracker.Clear();
        var after = await boys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(after);
        Assert.All(after, v => Assert.Equal(("withheld", (double?)null), (v.Missing, v.Value)));
    }
}

public sealed class DerivingFiguresAgainOnUpgradeOnSqlite(SqliteApp app) : DerivingFiguresAgainOnUpgrade(app), IClassFixture<SqliteApp>;

public sealed class DerivingFiguresAgainOnUpgradeOnPostgres(PostgresApp app) : DerivingFiguresAgainOnUpgrade(app), IClassFixture<PostgresApp>;
