using System.Net;
using Stepwise.Features.Reference;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Benchmarking;

/// <summary>The same queries on SQLite and PostgreSQL: similar schools, a position and the overview from real files.</summary>
public abstract class BenchmarkingOnEachDatabase(StepwiseApp app)
{
    [Fact]
    public async Task Similar_schools_a_position_and_the_overview_come_from_the_imported_files()
    {
        app.EnsureAvailable();
        await app.ImportRegisterAsync(SharedData.Path("dfe-hampshire-surrey", "register", "gias_850_936_20220420.csv"));
        await app.ImportNationalAsync(NationalMeasures.Ks2, SharedData.Path("dfe-hampshire-surrey", "ks2", "2017-18", "850_ks2final.csv"), 2018);
        await app.ImportNationalAsync(NationalMeasures.Ks2, SharedData.Path("dfe-hampshire-surrey", "ks2", "2017-18", "936_ks2final.csv"), 2018);
        var client = await app.ClientForAsync(World.NorthLeader);

        var set = await (await client.GetAsync($"/api/benchmarking/comparators/{NationalDataApp.StPauls}")).ReadJsonAsync();
        Assert.Equal(30, set["comparators"]!.AsArray().Count);
        var position = await (await client.GetAsync($"/api/benchmarking/positions/{NationalDataApp.StPauls}?measure=ks2.rwm-expected")).ReadJsonAsync();
        Assert.Equal(2018, position["year"]!.GetValue<int>());
        Assert.NotNull(position["selected"]!["among"]!["percentileRank"]);
        var saved = await client.PutJsonAsync("/api/benchmarking/weights", new { pupils = 40, freeSchoolMeals = 40, sen = 20 });
        await saved.ReadJsonAsync();
        var overview = await (await client.GetAsync("/api/benchmarking/overview?sort=pupils")).ReadJsonAsync();
        Assert.Equal(40, overview["weights"]!["pupils"]!.GetValue<int>());
        Assert.Equal(2, overview["schools"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(World.NorthLeader)).GetAsync($"/benchmarking/schools/{NationalDataApp.StPauls}")).StatusCode);
    }
}

public sealed class BenchmarkingOnSqlite(SqliteApp app) : BenchmarkingOnEachDatabase(app), IClassFixture<SqliteApp>;

public sealed class BenchmarkingOnPostgres(PostgresApp app) : BenchmarkingOnEachDatabase(app), IClassFixture<PostgresApp>;
