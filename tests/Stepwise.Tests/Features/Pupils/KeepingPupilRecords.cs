using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Pupils;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Pupils;

public sealed class KeepingPupilRecords(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Upn = "K123456789012";

    [Fact]
    public async Task A_school_leader_adds_a_pupil_by_upn_and_the_upn_itself_is_never_stored()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var created = await (await head.PostJsonAsync($"/api/schools/{World.NorthPrimaryUrn}/pupils", new
        {
            upn = Upn, yearGroup = 4, disadvantaged = true, freeSchoolMeals = true, sen = "sen-support", eal = false, sex = "f",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var key = created["key"]!.GetValue<string>();
        Assert.Equal("F", created["sex"]!.GetValue<string>());

        var again = await (await head.PostJsonAsync($"/api/schools/{World.NorthPrimaryUrn}/pupils", new { upn = Upn.ToLowerInvariant(), yearGroup = 4 })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already on a roll", again["errors"]!["upn"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var stored = (
            await app.Stored.ExistsAsync<Pupil>(p => p.Key.Contains("123456789012")),
            await app.Stored.AuditedAsync(summaryContains: "123456789012"));
        Assert.Equal((false, false), stored);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/pupils/{key}")).StatusCode);
    }

    [Theory]
    [InlineData("12345", 4, "upn")]
    [InlineData("", 4, "upn")]
    [InlineData("B123456789012", 15, "yearGroup")]
    public async Task A_malformed_upn_or_year_group_is_named_and_nothing_is_stored(string upn, int year, string field)
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var before = await app.Stored.CountAsync<Pupil>();
        var problem = await (await head.PostJsonAsync($"/api/schools/{World.NorthPrimaryUrn}/pupils", new { upn, yearGroup = year })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await app.Stored.CountAsync<Pupil>());
    }

    [Fact]
    public async Task A_change_is_recorded_from_today_and_the_old_value_stays_in_the_history()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var key = app.World.PupilKeys[World.NorthPrimaryUrn][1]; // not disadvantaged since September
        var updated = await (await head.PutJsonAsync($"/api/pupils/{key}", new { yearGroup = 1, disadvantaged = true })).ReadJsonAsync();
        Assert.True(updated["disadvantaged"]!.GetValue<bool>());

        var history = await app.QueryAsync(db => db.PupilCharacteristics
            .Where(c => c.Kind == Characteristic.Disadvantaged && db.Pupils.Any(p => p.Id == c.PupilId && p.Key == key))
            .OrderBy(c => c.From).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.Equal(("no", new DateOnly(2025, 9, 1)), (history[0].Value, history[0].From));
        Assert.Equal(history[1].From.AddDays(-1), history[0].To);
        Assert.Equal("yes", history[1].Value);
    }

    [Fact]
    public async Task A_pupil_who_has_left_leaves_the_list_but_keeps_their_record()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var key = app.World.PupilKeys[World.NorthPrimaryUrn][2];
        await (await head.PostAsync($"/api/pupils/{key}/leave", null)).ReadJsonAsync();
        var list = await (await head.GetAsync($"/api/schools/{World.NorthPrimaryUrn}/pupils?page=1")).ReadJsonAsync();
        Assert.DoesNotContain(list["pupils"]!.AsArray(), p => p!["key"]!.GetValue<string>() == key);
        Assert.NotNull((await (await head.GetAsync($"/api/pupils/{key}")).ReadJsonAsync())["leftOn"]);
    }

    [Fact]
    public async Task Governors_and_teachers_cannot_change_pupil_records()
    {
        var key = app.World.PupilKeys[World.NorthPrimaryUrn][3];
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(World.PrimaryGovernor)).PutJsonAsync($"/api/pupils/{key}", new { yearGroup = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryTeacher)).PutJsonAsync($"/api/pupils/{key}", new { yearGroup = 2 })).StatusCode);
    }

    [Fact]
    public async Task A_school_leader_adds_a_pupil_on_the_page()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var list = await head.GetPageAsync($"/schools/{World.NorthPrimaryUrn}/pupils");
        var add = list.QuerySelector("a[href$='/pupils/new']")!.GetAttribute("href")!;
        var response = await head.SubmitAsync((await head.GetPageAsync(add)).Form(), new Dictionary<string, string>
        {
            ["Input.Upn"] = "M123456789012",
            ["Input.YearGroup"] = "2",
            ["Input.Disadvantaged"] = "true",
        }, add);
        var location = await response.AssertRedirectAsync();
        var page = await head.GetPageAsync(location);
        Assert.Equal("The pupil has been added.", page.Text(".notice"));
        Assert.Contains("Year 2", page.QuerySelector("#Input_YearGroup option[selected]")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Issue 17 defect 13: a checkbox sent something other than true or false, with any other problem, gave 500 on the add-pupil form.</summary>
    [Fact]
    public async Task A_checkbox_sent_something_other_than_true_or_false_is_named_on_the_form_and_nothing_is_stored()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var add = $"/schools/{World.NorthPrimaryUrn}/pupils/new";
        var before = await app.Stored.CountAsync<Pupil>();
        var response = await head.SubmitAsync((await head.GetPageAsync(add)).Form(), new Dictionary<string, string>
        {
            ["Input.Upn"] = "N123456789012",
            ["Input.YearGroup"] = "",
            ["Input.FreeSchoolMeals"] = "sometimes",
        }, add);

        var page = await response.ReadPageAsync();
        Assert.Contains(page.Errors(), e => e.Contains("Free school meals is either ticked or not", StringComparison.Ordinal));
        Assert.Equal(before, await app.Stored.CountAsync<Pupil>());
    }
}
