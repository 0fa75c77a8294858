using System.Net;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Visits;

/// <summary>
/// A governor writes up and corrects a visit through the API; the school's leaders read the same reports through the
/// API as on the visits pages, and only the governor who wrote a report may change it.
/// </summary>
public abstract class VisitsThroughTheApi(StepwiseApp app)
{
    private const int Urn = World.NorthPrimaryUrn;

    [Fact]
    public async Task A_visit_written_through_the_api_reads_the_same_in_the_api_and_on_the_pages()
    {
        app.EnsureAvailable();
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        var visitedOn = app.Today.AddDays(-4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await (await governor.PostJsonAsync($"/api/schools/{Urn}/visits", new { visitedOn, focus = "Phonics" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the what you saw.", refused["errors"]!["seen"]!.AsArray().Select(e => (string)e!));

        var created = await (await governor.PostJsonAsync($"/api/schools/{Urn}/visits", new
        {
            visitedOn, focus = "Phonics in Year 1", seen = "Two phonics groups.", findings = "Sounds taught in the agreed order.",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;
        Assert.True((bool)created["isAuthor"]!);

        var updated = await (await governor.PutJsonAsync($"/api/visits/{id}", new
        {
            visitedOn, focus = "Phonics in Year 1 (API)", seen = "Two phonics groups.", findings = "Sounds taught in the agreed order.",
            followUps = "Look at reading books next time.",
        })).ReadJsonAsync();
        Assert.Equal("Look at reading books next time.", (string)updated["followUps"]!);

        var head = await app.ClientForAsync(World.PrimaryHead);
        var list = await (await head.GetAsync($"/api/schools/{Urn}/visits")).ReadJsonAsync();
        var row = list["visits"]!.AsArray().Single(v => (int)v!["id"]! == id)!;
        var pageRow = (await head.GetPageAsync($"/schools/{Urn}/visits")).QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector($"a[href='/visits/{id}']") is not null).QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([(string)row["focus"]!, (string)row["governor"]!], pageRow.Skip(1).ToList());
        Assert.Equal("Grace Governor", (string)row["governor"]!);
        Assert.False((bool)list["canWrite"]!);

        var one = await (await head.GetAsync($"/api/visits/{id}")).ReadJsonAsync();
        var page = await head.GetPageAsync($"/visits/{id}");
        Assert.Equal((string)one["focus"]!, page.Text("h1"));
        Assert.Contains((string)one["findings"]!, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains((string)one["followUps"]!, page.Body.TextContent, StringComparison.Ordinal);
        Assert.False((bool)one["isAuthor"]!);
        Assert.True((bool)one["canTurnIntoAction"]!);

        // Only its author changes a report; a school leader writes none.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PutJsonAsync($"/api/visits/{id}", new { visitedOn, focus = "x", seen = "x", findings = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJsonAsync($"/api/schools/{Urn}/visits", new { visitedOn, focus = "x", seen = "x", findings = "x" })).StatusCode);
    }
}

public sealed class VisitsThroughTheApiOnSqlite(SqliteApp app) : VisitsThroughTheApi(app), IClassFixture<SqliteApp>;

public sealed class VisitsThroughTheApiOnPostgres(PostgresApp app) : VisitsThroughTheApi(app), IClassFixture<PostgresApp>;
