using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Demo;
using Stepwise.Features.Reference;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Benchmarking;

/// <summary>
/// The app on SQLite with the real national files imported (the Hampshire and Surrey register and KS2 results for
/// 2016/17 and 2017/18, the England census), the demo trust loaded, and two real schools added to North Star: one
/// that is among St Paul's similar schools, and one whose KS2 result is suppressed.
/// </summary>
public sealed class NationalDataApp : StepwiseApp
{
    /// <summary>St Paul's CofE (Aided) Primary School, Surrey: the school whose position the tests look at.</summary>
    public const int StPauls = 125171;

    /// <summary>Great Binfields Primary School, Hampshire: one of St Paul's similar schools, added to North Star.</summary>
    public const int GreatBinfields = 132212;

    /// <summary>Ampfield CofE Primary School, Hampshire: its 2017/18 KS2 result is SUPP (one pupil); added to North Star.</summary>
    public const int Ampfield = 116268;

    public override string? UnavailableReason => null;

    public bool HasData { get; private set; }

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override async Task StartedAsync()
    {
        if (SharedData.Folder is null)
        {
            return; // the tests skip with the reason
        }
        await ImportRegisterAsync(SharedData.Path("dfe-hampshire-surrey", "register", "gias_850_936_20220420.csv"));
        foreach (var (folder, year) in new[] { ("2016-17", 2017), ("2017-18", 2018) })
        {
            foreach (var la in new[] { "850", "936" })
            {
                await ImportNationalAsync(NationalMeasures.Ks2, SharedData.Path("dfe-hampshire-surrey", "ks2", folder, $"{la}_ks2final.csv"), year);
            }
        }
        await ImportNationalAsync(NationalMeasures.Census, SharedData.Path("dfe-england-2019", "england_census.csv"), 2019);

        var admin = await ClientForAsync(World.NorthAdmin);
        foreach (var (urn, name) in new[] { (GreatBinfields, "Great Binfields Primary School"), (Ampfield, "Ampfield Church of England Primary School") })
        {
            var response = await admin.PostJsonAsync("/api/schools", new { urn = $"{urn}", name, phase = "primary" });
            await response.ReadJsonAsync(HttpStatusCode.Created);
        }

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
        HasData = true;
    }

    /// <summary>Call first in every test: skips when ../shared/data is not there.</summary>
    public void EnsureData()
    {
        EnsureAvailable();
        _ = SharedData.Path("dfe-hampshire-surrey");
        Assert.True(HasData, "The national files were not imported.");
    }
}

[CollectionDefinition(Name)]
public sealed class NationalDataCollection : ICollectionFixture<NationalDataApp>
{
    public const string Name = "National data";
}
