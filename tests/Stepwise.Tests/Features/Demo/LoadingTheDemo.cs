using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Features.Demo;
using Stepwise.Features.People;
using Stepwise.Features.Pupils;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Features.Units;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Demo;

/// <summary>The demo loads beside other trusts without touching them, and loading it twice changes nothing.</summary>
public sealed class LoadingTheDemo(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<LoadDemoTrust.Result> LoadAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None);
    }

    private async Task<(int Trusts, int Schools, int People, int Pupils, int Units)> CountAsync() =>
        (await app.Stored.CountAsync<Trust>(), await app.Stored.CountAsync<School>(), await app.Stored.CountAsync<Person>(), await app.Stored.CountAsync<Pupil>(), await app.Stored.CountAsync<Unit>());

    [Fact]
    public async Task Loads_six_fictional_schools_with_every_role_and_thousands_of_pupils_and_is_idempotent()
    {
        var northSchools = await app.QueryAsync(db => db.Schools.Where(s => s.TrustId == app.World.North.Id).Select(s => s.Name).OrderBy(n => n).ToListAsync());

        var first = await LoadAsync();
        Assert.True(first.Loaded);
        Assert.InRange(first.Pupils, 2000, 5000);
        var afterFirst = await CountAsync();

        var demo = await app.QueryAsync(db => db.Schools.Where(s => db.Trusts.Any(t => t.Id == s.TrustId && t.Name == LoadDemoTrust.TrustName)).ToListAsync());
        Assert.Equal(6, demo.Count);
        Assert.All(demo, s => Assert.InRange(s.Urn, 990001, 990099));
        var roles = first.Accounts.Select(a => a.Role).ToHashSet();
        Assert.Equal(7, roles.Count);

        var second = await LoadAsync();
        Assert.False(second.Loaded);
        Assert.Equal(afterFirst, await CountAsync());
        Assert.Equal(northSchools, await app.QueryAsync(db => db.Schools.Where(s => s.TrustId == app.World.North.Id).Select(s => s.Name).OrderBy(n => n).ToListAsync()));

        // Pupil characteristics follow each school's context (St Wenna's: 36.5 % disadvantaged).
        var rates = await app.QueryAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(s => s.Urn == 990004);
            var pupils = await db.Pupils.Where(p => p.SchoolId == school.Id).Include(p => p.Characteristics).ToListAsync();
            var disadvantaged = pupils.Count(p => p.Characteristics.Any(c => c.Kind == Stepwise.Features.Pupils.Characteristic.Disadvantaged && c.Value == "yes"));
            return (school.PercentDisadvantaged!.Value, 100.0 * disadvantaged / pupils.Count, pupils.Count, school.Pupils!.Value);
        });
        Assert.Equal(rates.Item4, rates.Item3);
        Assert.Equal(rates.Item1, rates.Item2, 0.3);
    }
}

/// <summary>The demo never overwrites anyone's data: a clash with a demo URN stops it before anything is written.</summary>
public sealed class LoadingTheDemoBesideAClash(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_school_already_using_a_demo_urn_stops_the_demo_with_a_clear_message_and_nothing_changes()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        await (await admin.PostJsonAsync("/api/schools", new { urn = "990003", name = "A Real School Of Ours", phase = "primary" })).ReadJsonAsync(System.Net.HttpStatusCode.Created);
        var before = (await app.Stored.CountAsync<School>(), await app.Stored.CountAsync<Person>(), await app.Stored.CountAsync<Trust>());

        await using var scope = app.Services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<LoadDemoTrust>().HandleAsync(CancellationToken.None));
        Assert.Contains("URN 990003", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await app.Stored.CountAsync<School>(), await app.Stored.CountAsync<Person>(), await app.Stored.CountAsync<Trust>()));
    }
}
