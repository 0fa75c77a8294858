using System.Net;
using System.Text.Json.Nodes;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Practice;

/// <summary>
/// Issue 22, the practice library: what worked in the trust's schools, fed by the other features' records, each entry
/// naming the school to ask and linking to its evidence; searched by words, area, measure, strand, school and kind on
/// the page, in the API and as CSV; resources shared through the page; entries tagged with EEF Toolkit strands.
/// </summary>
public abstract class ThePracticeLibrary(StepwiseApp app)
{
    private static JsonNode? Entry(JsonNode list, string key) => list.AsArray().FirstOrDefault(e => (string)e!["key"]! == key);

    [Fact]
    public async Task An_adopted_change_idea_appears_in_the_library_with_its_school_and_a_link_to_its_cycle_and_a_search_for_its_area_finds_it()
    {
        app.EnsureAvailable();
        var seeded = await PracticeSeed.AdoptedChangeIdeaAsync(app);
        var key = $"change-idea/{seeded.CycleId}";

        // The head of another school searches the area: the entry names the primary as the school to ask, and links to the cycle.
        var otherHead = await app.ClientForAsync(World.SecondaryHead);
        var inArea = await (await otherHead.GetAsync("/api/practice?area=attendance-and-behaviour")).ReadJsonAsync();
        var entry = Entry(inArea, key)!;
        Assert.Equal(seeded.Idea, (string)entry["title"]!);
        Assert.Equal("change-idea", (string)entry["kind"]!);
        Assert.Equal(World.NorthPrimaryUrn, (int)entry["schoolUrn"]!);
        Assert.Equal(app.World.School(World.NorthPrimaryUrn).Name, (string)entry["schoolName"]!);
        Assert.Equal("attendance-and-behaviour", (string)entry["areaKey"]!);
        Assert.Equal("attendance.overall-absence", (string)entry["metricKey"]!);
        Assert.Equal($"/enquiries/{seeded.EnquiryId}/cycles/{seeded.CycleId}", (string)entry["evidenceUrl"]!);
        Assert.Contains("1 piece of evidence", (string)entry["summary"]!, StringComparison.Ordinal);

        // Another area does not find it; words and the measure do; a school and a kind narrow it.
        Assert.Null(Entry(await (await otherHead.GetAsync("/api/practice?area=inclusion")).ReadJsonAsync(), key));
        Assert.NotNull(Entry(await (await otherHead.GetAsync($"/api/practice?words={Uri.EscapeDataString(seeded.Idea.ToUpperInvariant())}")).ReadJsonAsync(), key));
        Assert.NotNull(Entry(await (await otherHead.GetAsync("/api/practice?metric=attendance.overall-absence&kind=change-idea")).ReadJsonAsync(), key));
        Assert.Null(Entry(await (await otherHead.GetAsync($"/api/practice?school={World.NorthSecondaryUrn}")).ReadJsonAsync(), key));
        Assert.Null(Entry(await (await otherHead.GetAsync("/api/practice?kind=resource")).ReadJsonAsync(), key));

        // A teacher follows a need's link (area and measure) on the page: the entry is there with its school, and its evidence link opens the cycle for the primary's head.
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        var page = await teacher.GetPageAsync("/practice?area=attendance-and-behaviour&metric=attendance.overall-absence");
        var card = page.QuerySelector($"li[data-entry='{key}']")!;
        Assert.Equal($"{World.NorthPrimaryUrn}", card.QuerySelector("[data-school]")!.GetAttribute("data-school"));
        Assert.Equal("attendance-and-behaviour", card.QuerySelector("[data-area]")!.GetAttribute("data-area"));
        Assert.Equal("attendance-and-behaviour", page.QuerySelector("#area option[selected]")!.GetAttribute("value"));
        var link = card.QuerySelector("a.evidence")!.GetAttribute("href")!;
        var cycle = await (await app.ClientForAsync(World.PrimaryHead)).GetPageAsync(link);
        Assert.Contains(seeded.Idea, cycle.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null((await teacher.GetPageAsync("/practice?area=inclusion")).QuerySelector($"li[data-entry='{key}']"));

        // The same search as CSV, from the page's own link.
        var csv = await (await teacher.GetAsync(page.QuerySelector("a[download]")!.GetAttribute("href"))).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Kind,Title,Summary,School URN,School to ask,Area key,Area,Metric key,Measure,EEF strands,Evidence,Evidence link,Date", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"change-idea,{seeded.Idea},", StringComparison.Ordinal) && l.Contains($",{World.NorthPrimaryUrn},", StringComparison.Ordinal)
            && l.Contains($"/enquiries/{seeded.EnquiryId}/cycles/{seeded.CycleId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_support_episode_with_its_impact_recorded_is_in_the_library_with_the_giver_as_the_school_to_ask()
    {
        app.EnsureAvailable();
        await PracticeSeed.AdoptedChangeIdeaAsync(app); // installs the framework the episode's area comes from
        var episodeId = await PracticeSeed.EpisodeWithImpactAsync(app);
        var found = Entry(await (await (await app.ClientForAsync(World.PrimaryHead)).GetAsync("/api/practice?kind=support-episode&area=curriculum-and-teaching")).ReadJsonAsync(),
            $"support-episode/{episodeId}")!;
        Assert.Equal(World.NorthSecondaryUrn, (int)found["schoolUrn"]!);
        Assert.Equal($"/support/episodes/{episodeId}", (string)found["evidenceUrl"]!);
        Assert.Contains("improvement signal", (string)found["summary"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_school_leader_shares_a_resource_on_the_page_tags_an_entry_with_a_strand_and_a_search_by_strand_finds_both()
    {
        app.EnsureAvailable();
        var seeded = await PracticeSeed.AdoptedChangeIdeaAsync(app);
        var head = await app.ClientForAsync(World.PrimaryHead);

        // Bad input names the field and keeps nothing.
        var form = await head.GetPageAsync("/practice/resources/new");
        var refused = await (await head.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Title"] = "Attendance script", ["Input.Url"] = "javascript:alert(1)", ["Input.Strands"] = "parental-engagement",
        }, "/practice/resources/new")).ReadPageAsync();
        Assert.Contains(refused.Errors(), e => e.Contains("link must start with https://", StringComparison.Ordinal));

        var title = $"First-day call script {seeded.CycleId}";
        var done = await (await head.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Description"] = "What to say on the first call.", ["Input.Kind"] = "protocol",
            ["Input.Url"] = "https://drive.primary.example/attendance/script", ["Input.School"] = $"{World.NorthPrimaryUrn}",
            ["Input.Area"] = "attendance-and-behaviour", ["Input.Strands"] = "parental-engagement",
        }, "/practice/resources/new")).AssertRedirectAsync();
        var library = await head.GetPageAsync(done);
        var resource = library.QuerySelectorAll("li[data-entry^='resource/']").Single(li => li.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Contains("Parental engagement", resource.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://drive.primary.example/attendance/script", resource.QuerySelector("a.evidence")!.GetAttribute("href"));

        // The head tags their school's adopted idea on its tags page.
        var tags = await head.GetPageAsync($"/practice/change-idea/{seeded.CycleId}/tags");
        await (await head.SubmitAsync(tags.Form(), new Dictionary<string, string> { ["Input.Strands"] = "parental-engagement" }, $"/practice/change-idea/{seeded.CycleId}/tags")).AssertRedirectAsync();

        var byStrand = await (await head.GetAsync("/api/practice?strand=parental-engagement")).ReadJsonAsync();
        Assert.NotNull(Entry(byStrand, $"change-idea/{seeded.CycleId}"));
        Assert.Contains(byStrand.AsArray(), e => (string)e!["title"]! == title && (string)e["strands"]![0]!["name"]! == "Parental engagement");
        Assert.Null(Entry(await (await head.GetAsync("/api/practice?strand=learning-styles")).ReadJsonAsync(), $"change-idea/{seeded.CycleId}"));

        // Through the API: an unknown strand is named; an empty list clears the tags.
        var bad = await (await head.PutJsonAsync($"/api/practice/change-idea/{seeded.CycleId}/tags", new { strands = new[] { "brain-gym" } })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("\"brain-gym\" is not a strand", bad["errors"]!["strands"]![0]!.ToString(), StringComparison.Ordinal);
        var cleared = await (await head.PutJsonAsync($"/api/practice/change-idea/{seeded.CycleId}/tags", new { strands = Array.Empty<string>() })).ReadJsonAsync();
        Assert.Empty(cleared["strands"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync("/api/practice?strand=brain-gym")).StatusCode);

        // The secondary's head may not tag the primary's entry, nor share for the primary; a teacher may not share at all.
        var other = await app.ClientForAsync(World.SecondaryHead);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutJsonAsync($"/api/practice/change-idea/{seeded.CycleId}/tags", new { strands = new[] { "feedback" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync("/api/practice/resources", new { title = "X", url = "https://x.example", school = World.NorthPrimaryUrn })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryTeacher)).PostJsonAsync("/api/practice/resources", new { title = "X", url = "https://x.example", school = World.NorthPrimaryUrn })).StatusCode);
    }

    [Fact]
    public async Task A_governor_may_not_open_the_library_and_another_trust_sees_none_of_this_one()
    {
        app.EnsureAvailable();
        var seeded = await PracticeSeed.AdoptedChangeIdeaAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryGovernor)).GetAsync("/api/practice")).StatusCode);
        var harbour = await (await (await app.ClientForAsync(World.HarbourHead)).GetAsync("/api/practice")).ReadJsonAsync();
        Assert.Null(Entry(harbour, $"change-idea/{seeded.CycleId}"));
    }
}

public sealed class ThePracticeLibraryOnSqlite(SqliteApp app) : ThePracticeLibrary(app), IClassFixture<SqliteApp>;

public sealed class ThePracticeLibraryOnPostgres(PostgresApp app) : ThePracticeLibrary(app), IClassFixture<PostgresApp>;
