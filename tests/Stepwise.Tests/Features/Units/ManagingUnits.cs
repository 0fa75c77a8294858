using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Units;

/// <summary>A school's units (year groups, subjects, areas) added and renamed on their pages.</summary>
public sealed class ManagingUnits(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_school_leader_adds_and_renames_a_unit()
    {
        var client = await app.ClientForAsync(World.PrimaryHead);
        var school = await client.GetPageAsync($"/schools/{World.NorthPrimaryUrn}");
        var add = school.QuerySelector("a[href$='/units/new']")!.GetAttribute("href")!;
        var created = await client.SubmitAsync((await client.GetPageAsync(add)).Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = "Reading",
            ["Input.Kind"] = "subject",
        }, add);
        await created.AssertRedirectAsync();

        var unitId = await app.QueryAsync(db => db.Units.Where(u => u.Name == "Reading").Select(u => u.Id).SingleAsync());
        var edit = $"/units/{unitId}/edit";
        var renamed = await client.SubmitAsync((await client.GetPageAsync(edit)).Form(), new Dictionary<string, string> { ["Input.Name"] = "Reading and phonics" }, edit);
        await renamed.AssertRedirectAsync();
        Assert.Equal("Reading and phonics", await app.QueryAsync(db => db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_second_unit_with_the_same_name_is_refused()
    {
        var client = await app.ClientForAsync(World.PrimaryHead);
        var add = $"/schools/{World.NorthPrimaryUrn}/units/new";
        var page = await (await client.SubmitAsync((await client.GetPageAsync(add)).Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = "Year 6",
            ["Input.Kind"] = "year-group",
        }, add)).ReadPageAsync();
        Assert.Contains("This school already has a unit called \"Year 6\".", page.Errors());
    }
}
