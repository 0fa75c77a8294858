using System.Net;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Common;

/// <summary>The one text rule, through several API endpoints and pages, on SQLite and PostgreSQL.</summary>
public abstract class TextInEveryFormAndBody(StepwiseApp app)
{
    /// <summary>
    /// Issue 17 defect 12: a NUL in a unit's name gave 500 on PostgreSQL and was stored on SQLite. The API answers 400
    /// naming the field, and the unit keeps its name.
    /// </summary>
    [Fact]
    public async Task A_nul_in_a_units_name_is_refused_by_the_api_naming_the_field()
    {
        app.EnsureAvailable();
        var unit = app.World.Units["primary-year6"];
        var client = await app.ClientForAsync(World.NorthAdmin);
        var response = await client.PutJsonAsync($"/api/units/{unit.Id}", new { name = "Year\u00006", kind = "year-group" });
        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("control character", problem["errors"]!["name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Year 6", await app.QueryAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.Name).SingleAsync()));
    }

    /// <summary>
    /// Issue 17 defect 12: a plan's summary with a NUL gave 500 on PostgreSQL. It is refused with 400 naming "summary";
    /// a summary over several lines, with a tab, is accepted.
    /// </summary>
    [Fact]
    public async Task A_plan_summary_may_run_over_lines_but_not_hold_a_nul()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.PrimaryHead);
        var url = $"/api/schools/{World.NorthPrimaryUrn}/plans";
        var refused = await client.PostJsonAsync(url, new { title = "Reading for pleasure", academicYear = "2026/27", summary = "Line one\0" });
        var problem = await refused.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["summary"]);

        var accepted = await client.PostJsonAsync(url, new { title = "Reading for pleasure", academicYear = "2026/27", summary = "First:\tlibrary\nSecond: reading ambassadors" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Plans.CountAsync(p => p.Title == "Reading for pleasure")));
    }

    /// <summary>
    /// Issue 17 defect 12: bidi-override and zero-width characters were accepted in names. A person's name with a
    /// right-to-left override, or a zero-width space, is refused; the same characters are not refused in a job title.
    /// </summary>
    [Fact]
    public async Task A_name_with_a_bidi_override_or_a_zero_width_character_is_refused()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(World.NorthAdmin);
        var person = app.World.Person(World.PrimaryTeacher);
        foreach (var name in new[] { "Tom \u202eRehcaet", "Tom\u200b Teacher", "Tom\nTeacher" })
        {
            var response = await client.PutJsonAsync($"/api/people/{person.Id}", new { email = World.PrimaryTeacher, name, jobTitle = "Class teacher" });
            var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["name"]);
        }
        var unit = await client.PostJsonAsync($"/api/schools/{World.NorthPrimaryUrn}/units", new { name = "Reading\u2066 team", kind = "team" });
        Assert.NotNull((await unit.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["name"]);
        Assert.Equal("Tom Teacher", await app.QueryAsync(db => db.Users.Where(p => p.Id == person.Id).Select(p => p.DisplayName).SingleAsync()));
    }

    /// <summary>
    /// Issue 17 defect 12: the same rule on the pages: the form comes back with the field's error and what was typed,
    /// and nothing is saved (on PostgreSQL this was a 500).
    /// </summary>
    [Fact]
    public async Task A_page_form_with_a_nul_comes_back_with_the_fields_error_and_saves_nothing()
    {
        app.EnsureAvailable();
        var unit = app.World.Units["secondary-maths"];
        var client = await app.SignInAsync(World.NorthAdmin);
        var page = await client.GetPageAsync($"/units/{unit.Id}/edit");
        var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Name"] = "Maths\0" }, $"/units/{unit.Id}/edit");
        var form = await response.ReadPageAsync();
        Assert.Contains(form.Errors(), e => e.Contains("Name contains a control character", StringComparison.Ordinal));
        Assert.Equal("Maths", await app.QueryAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.Name).SingleAsync()));

        var person = app.World.Person(World.SecondaryHead);
        var edit = await client.GetPageAsync($"/people/{person.Id}/edit");
        var renamed = await client.SubmitAsync(edit.Form(), new Dictionary<string, string> { ["Input.Name"] = "Sean \u202eDaeh" }, $"/people/{person.Id}/edit");
        var again = await renamed.ReadPageAsync();
        Assert.Contains(again.Errors(), e => e.Contains("invisible formatting character", StringComparison.Ordinal));
        Assert.Equal("Sean Head", await app.QueryAsync(db => db.Users.Where(p => p.Id == person.Id).Select(p => p.DisplayName).SingleAsync()));
    }
}

public sealed class TextInEveryFormAndBodyOnSqlite(SqliteApp app) : TextInEveryFormAndBody(app), IClassFixture<SqliteApp>;

public sealed class TextInEveryFormAndBodyOnPostgres(PostgresApp app) : TextInEveryFormAndBody(app), IClassFixture<PostgresApp>;
