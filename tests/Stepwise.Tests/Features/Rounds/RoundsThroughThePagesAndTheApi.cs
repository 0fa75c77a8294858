using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Stepwise.Features.Rounds;
using Stepwise.Tests.Features.SharedLanguage;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Rounds;

/// <summary>
/// Issue 20, instructional rounds through the real pipeline: planning on the page (a minimum below five refused, a
/// trust without a language sent to publish one), counts withheld until the round's minimum of classrooms, a note
/// posted twice stored once, and the sweep: no response or export of any round endpoint says which observer, group,
/// time or classroom a note came from, and governors and reviewers never get notes.
/// </summary>
public abstract partial class RoundsThroughThePagesAndTheApi(StepwiseApp app)
{
    private const int Urn = World.NorthPrimaryUrn;
    private static readonly string[] NoteFields = ["id", "teacherDoing", "pupilsDoing", "task", "yearGroup", "subjectArea", "tags"];

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex TimeOfDay();

    [Fact]
    public async Task Planning_a_round_refuses_a_minimum_below_five_and_a_trust_without_a_language_is_sent_to_publish_one()
    {
        app.EnsureAvailable();
        var harbour = await (await app.ClientForAsync(World.HarbourHead)).GetPageAsync("/rounds/new");
        Assert.Contains("no published shared language", harbour.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(harbour.QuerySelector("main a[href='/language']"));

        await LanguageSeed.PublishedAsync(app);
        var head = await app.ClientForAsync(World.PrimaryHead);
        var index = await head.GetPageAsync("/rounds");
        Assert.NotNull(index.QuerySelector("a[href='/rounds/new']"));
        var form = (await head.GetPageAsync("/rounds/new")).Form();
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Questioning in Year 6", ["Input.ProblemOfPractice"] = "Questions mostly check recall.",
            ["Input.HeldOn"] = app.Today.ToString("yyyy-MM-dd"), ["Input.SchoolUrns"] = $"{Urn}", ["Input.LookFors"] = "open-questions",
            ["Input.MinimumClassrooms"] = "4", ["Input.Groups[0].Name"] = "Group A", ["Input.Groups[0].Observers"] = World.PrimaryTeacher,
        };
        var refused = await (await head.SubmitAsync(form, values, "/rounds/new")).ReadPageAsync();
        Assert.Contains(refused.Errors(), e => e.StartsWith("The minimum of classrooms must be at least 5", StringComparison.Ordinal));
        Assert.Equal(0, await app.Stored.CountAsync<Round>(r => r.Title == "Questioning in Year 6"));

        values["Input.MinimumClassrooms"] = "6";
        var location = await (await head.SubmitAsync(form, values, "/rounds/new")).AssertRedirectAsync();
        var page = await head.GetPageAsync(location);
        Assert.Equal("Questioning in Year 6", page.Text("main h1"));
        Assert.Contains("Tom Teacher", page.Text("main .round-groups"), StringComparison.Ordinal);
        var api = await (await head.PostJsonAsync("/api/rounds", new
        {
            title = "Too few", problemOfPractice = "x", heldOn = app.Today, schoolUrns = new[] { Urn }, lookFors = new[] { "wait-time" }, minimumClassrooms = 3,
            groups = new[] { new { name = "A", observers = new[] { World.PrimaryTeacher } } },
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("The minimum of classrooms must be at least 5", (string)api["errors"]!["minimumClassrooms"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryTeacher)).PostJsonAsync("/api/rounds", new { title = "Mine" })).StatusCode);
    }

    [Fact]
    public async Task A_round_with_four_classrooms_shows_no_pattern_or_tag_counts_and_with_five_it_does()
    {
        app.EnsureAvailable();
        var roundId = await RoundSeed.RoundAsync(app, [Urn], RoundStage.Observing, classrooms: 3, groups: [("Group A", [World.PrimaryTeacher])], title: "Counting round");
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        foreach (var text in new[] { "Asks why.", "Waits five seconds.", "Pupils explain to a partner." })
        {
            await (await teacher.PostJsonAsync($"/api/rounds/{roundId}/notes", new { id = Guid.NewGuid(), teacherDoing = text, tags = new[] { "open-questions" } })).ReadJsonAsync(HttpStatusCode.Created);
        }
        var notesPage = await teacher.GetPageAsync($"/rounds/{roundId}/notes");
        await (await teacher.SubmitAsync(notesPage.Form("form[action*='handler=Classroom']"), null, $"/rounds/{roundId}/notes")).AssertRedirectAsync();
        var head = await app.ClientForAsync(World.PrimaryHead);
        await (await head.PostJsonAsync($"/api/rounds/{roundId}/stage", new { stage = "debrief" })).ReadJsonAsync();
        var debrief = await (await head.GetAsync($"/api/rounds/{roundId}/debrief")).ReadJsonAsync();
        var noteIds = debrief["notes"]!.AsArray().Select(n => (string)n!["id"]!).ToArray();
        await (await head.PostJsonAsync($"/api/rounds/{roundId}/patterns", new { name = "Questions ask why", noteIds = noteIds[..2] })).ReadJsonAsync();

        foreach (var reader in new[] { World.PrimaryHead, World.PrimaryGovernor })
        {
            var client = await app.ClientForAsync(reader);
            var four = await (await client.GetAsync($"/api/rounds/{roundId}/debrief")).ReadJsonAsync();
            Assert.Equal(4, (int)four["round"]!["classroomsVisited"]!);
            Assert.Null(four["tagCounts"]);
            Assert.Null(four["patterns"]![0]!["notes"]);
            Assert.Equal("Counts show once 5 classrooms have been visited (4 so far).", (string)four["countsWithheld"]!);
            var page = await client.GetPageAsync($"/rounds/{roundId}/debrief");
            Assert.Equal("Counts show once 5 classrooms have been visited (4 so far).", page.Text("[data-counts=withheld]"));
            Assert.Null(page.QuerySelector("[data-counts=shown]"));
            Assert.DoesNotContain("2 notes", page.Text("main .round-patterns"), StringComparison.Ordinal);
            Assert.Contains("Look-for,Open questions,,,open-questions,\r\n", await (await client.GetAsync($"/api/rounds/{roundId}/export.csv")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var groupId = (int)(await (await head.GetAsync($"/api/rounds/{roundId}")).ReadJsonAsync())["groups"]![0]!["id"]!;
        Assert.Empty(debrief["round"]!["groups"]!.AsArray());
        await (await head.PostJsonAsync($"/api/rounds/{roundId}/classrooms", new { groupId })).ReadJsonAsync();
        foreach (var reader in new[] { World.PrimaryHead, World.PrimaryGovernor })
        {
            var client = await app.ClientForAsync(reader);
            var five = await (await client.GetAsync($"/api/rounds/{roundId}/debrief")).ReadJsonAsync();
            Assert.Null(five["countsWithheld"]);
            Assert.Equal(3, (int)five["tagCounts"]!.AsArray().Single(t => (string)t!["key"]! == "open-questions")!["notes"]!);
            Assert.Equal(2, (int)five["patterns"]![0]!["notes"]!);
            var page = await client.GetPageAsync($"/rounds/{roundId}/debrief");
            Assert.Equal("3", page.Text("[data-counts=shown] tr[data-look-for='open-questions'] td.num"));
            Assert.Contains("2 notes", page.Text("main .round-patterns"), StringComparison.Ordinal);
            Assert.Contains("Look-for,Open questions,,,open-questions,3\r\n", await (await client.GetAsync($"/rounds/{roundId}/export.csv")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_same_note_posted_twice_is_stored_once_and_the_repeat_answers_200()
    {
        app.EnsureAvailable();
        var roundId = await RoundSeed.RoundAsync(app, [Urn], RoundStage.Observing, groups: [("Group A", [World.PrimaryTeacher])], title: "Retry round");
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        var id = Guid.NewGuid();
        var note = new { id, pupilsDoing = "Pupils compare two methods.", yearGroup = "Year 5", subjectArea = "Maths", tags = new[] { "pupils-explain-reasoning" } };
        var first = await (await teacher.PostJsonAsync($"/api/rounds/{roundId}/notes", note)).ReadJsonAsync(HttpStatusCode.Created);
        var again = await (await teacher.PostJsonAsync($"/api/rounds/{roundId}/notes", note)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(NoteFields.Order(), first.AsObject().Select(p => p.Key).Order());
        Assert.Equal(1, await app.Stored.CountAsync<RoundNote>(n => n.Id == id));
        Assert.Equal(1, await app.Stored.CountAsync<RoundNoteTag>(t => t.NoteId == id));

        // The plain form (no script) carries the id the page made: a form sent twice stores one note.
        var form = (await teacher.GetPageAsync($"/rounds/{roundId}/notes")).Form("#note-form");
        var values = new Dictionary<string, string> { ["Input.TeacherDoing"] = "Reads the question twice." };
        await (await teacher.SubmitAsync(form, values, $"/rounds/{roundId}/notes")).AssertRedirectAsync();
        await (await teacher.SubmitAsync(form, values, $"/rounds/{roundId}/notes")).AssertRedirectAsync();
        Assert.Equal(1, await app.Stored.CountAsync<RoundNote>(n => n.TeacherDoing == "Reads the question twice."));
        var empty = await (await teacher.PostJsonAsync($"/api/rounds/{roundId}/notes", new { id = Guid.NewGuid(), yearGroup = "Year 5" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Write what you saw: what the teacher said and did, what pupils said and did, or the task.", (string)empty["errors"]!["teacherDoing"]![0]!);
    }

    [Fact]
    public async Task No_response_or_export_says_which_observer_group_time_or_classroom_a_note_came_from_and_governors_never_get_notes()
    {
        app.EnsureAvailable();
        var observed = await RoundSeed.RoundAsync(app, [Urn], RoundStage.Observing, classrooms: 5, groups: [("Kingfisher group", [World.PrimaryTeacher]), ("Heron group", [World.PrimaryHead])], title: "Sweep round");
        var other = await RoundSeed.RoundAsync(app, [Urn], RoundStage.Observing, classrooms: 5, groups: [("Wren group", [World.PrimaryHead])], title: "Another round");
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);
        var texts = new[] { "Sweep: the teacher asks how they know.", "Sweep: pupils work in silence on a worksheet." };
        foreach (var text in texts)
        {
            await (await teacher.PostJsonAsync($"/api/rounds/{observed}/notes", new { id = Guid.NewGuid(), teacherDoing = text, yearGroup = "Year 6", subjectArea = "Maths", tags = new[] { "open-questions" } }))
                .ReadJsonAsync(HttpStatusCode.Created);
        }
        var head = await app.ClientForAsync(World.PrimaryHead);
        await (await head.PostJsonAsync($"/api/rounds/{other}/notes", new { id = Guid.NewGuid(), task = "Sweep: a task with one right answer." })).ReadJsonAsync(HttpStatusCode.Created);
        await (await head.PostJsonAsync($"/api/rounds/{observed}/stage", new { stage = "debrief" })).ReadJsonAsync();
        var noteIds = (await (await head.GetAsync($"/api/rounds/{observed}/debrief")).ReadJsonAsync())["notes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
        await (await head.PostJsonAsync($"/api/rounds/{observed}/patterns", new { name = "Sweep pattern", noteIds })).ReadJsonAsync();

        string[] identifying = ["Tom Teacher", "Priya Head", World.PrimaryTeacher, World.PrimaryHead, "Kingfisher", "Heron", "Wren"];
        var actors = new (string Who, string? Email, int Round, bool ReadsNotes)[]
        {
            ("trust admin", World.NorthAdmin, observed, true), ("trust leader", World.NorthLeader, observed, true), ("school head", World.PrimaryHead, observed, true),
            ("teacher-observer", World.PrimaryTeacher, observed, true), ("another teacher", World.PrimaryTeacher, other, true),
            ("governor", World.PrimaryGovernor, observed, false), ("reviewer", World.PrimaryReviewer, observed, false), ("anonymous", null, observed, false),
        };
        var failures = new List<string>();
        var parser = new HtmlParser();
        foreach (var (who, email, round, readsNotes) in actors)
        {
            var client = email is null ? app.Anonymous() : await app.ClientForAsync(email);
            string[] noteBearing = [$"/api/rounds/{round}/debrief", $"/api/rounds/{round}/export.csv", $"/rounds/{round}/export.csv", $"/rounds/{round}/debrief", $"/rounds/{round}/notes"];
            string[] summaries = ["/api/rounds", $"/api/rounds/{round}", "/rounds", $"/rounds/{round}", $"/schools/{Urn}/rounds", $"/api/schools/{Urn}/rounds"];
            foreach (var url in noteBearing.Concat(summaries))
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (email is null)
                {
                    if (!(response.StatusCode == HttpStatusCode.Unauthorized || (response.StatusCode == HttpStatusCode.Redirect && $"{response.Headers.Location}".Contains("/sign-in", StringComparison.Ordinal))))
                    {
                        failures.Add($"{who}: GET {url} answered {(int)response.StatusCode}");
                    }
                    continue;
                }
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    if (url.EndsWith("/notes", StringComparison.Ordinal) && (who is "governor" or "reviewer" or "another teacher" || response.StatusCode == HttpStatusCode.Forbidden && who is not ("teacher-observer")))
                    {
                        continue; // note-taking is for observers and leaders
                    }
                    failures.Add($"{who}: GET {url} answered {(int)response.StatusCode}");
                    continue;
                }
                var text = body.TrimStart().StartsWith('<') ? parser.ParseDocument(body).QuerySelector("main")?.TextContent ?? "" : body;
                if (!readsNotes && texts.Concat(["Sweep: a task with one right answer."]).FirstOrDefault(t => text.Contains(t, StringComparison.Ordinal)) is { } seen)
                {
                    failures.Add($"{who}: GET {url} showed a note (\"{seen}\")");
                }
                if (!noteBearing.Contains(url))
                {
                    continue;
                }
                if (identifying.FirstOrDefault(i => text.Contains(i, StringComparison.OrdinalIgnoreCase)) is { } name)
                {
                    failures.Add($"{who}: GET {url} showed \"{name}\" beside the notes");
                }
                if (TimeOfDay().Match(text) is { Success: true } time)
                {
                    failures.Add($"{who}: GET {url} showed a time of day ({time.Value})");
                }
                if (url.EndsWith(".csv", StringComparison.Ordinal) && Regex.IsMatch(text, @"\d{4}-\d{2}-\d{2}"))
                {
                    failures.Add($"{who}: GET {url} holds a date");
                }
                if (url.EndsWith("/debrief", StringComparison.Ordinal) && url.StartsWith("/api", StringComparison.Ordinal))
                {
                    var json = JsonNode.Parse(body)!;
                    if (!readsNotes && json["notes"] is not null)
                    {
                        failures.Add($"{who}: GET {url} gave notes to a reader of the summary");
                    }
                    if (readsNotes && json["notes"] is null)
                    {
                        failures.Add($"{who}: GET {url} gave no notes to staff");
                    }
                    foreach (var note in json["notes"]?.AsArray() ?? [])
                    {
                        var keys = note!.AsObject().Select(p => p.Key).Order().ToList();
                        if (!keys.SequenceEqual(NoteFields.Order()))
                        {
                            failures.Add($"{who}: GET {url} gave a note the fields {string.Join(", ", keys)}");
                        }
                    }
                }
            }
        }
        var audit = await (await (await app.ClientForAsync(World.NorthAdmin)).GetAsync("/api/audit")).Content.ReadAsStringAsync();
        if (audit.Contains("\"RoundNote\"", StringComparison.Ordinal) || audit.Contains("RoundNoteTag", StringComparison.Ordinal))
        {
            failures.Add("The audit API has an entry for a note or its tags");
        }
        var teacherId = app.World.Person(World.PrimaryTeacher).Id;
        var entries = await app.Stored.AuditEntriesAsync();
        failures.AddRange(entries.Where(e => e.Entity is "RoundNote" or "RoundNoteTag").Select(e => $"The audit log holds {e.Entity} {e.EntityKey}"));
        failures.AddRange(entries.Where(e => e.PersonId == teacherId && noteIds.Any(id => e.Summary.Contains(id, StringComparison.OrdinalIgnoreCase) || e.EntityKey.Contains(id, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"The audit log ties the observer to a note: {e.Entity} {e.Summary}"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

public sealed class RoundsThroughThePagesAndTheApiOnSqlite(SqliteApp app) : RoundsThroughThePagesAndTheApi(app), IClassFixture<SqliteApp>;

public sealed class RoundsThroughThePagesAndTheApiOnPostgres(PostgresApp app) : RoundsThroughThePagesAndTheApi(app), IClassFixture<PostgresApp>;
