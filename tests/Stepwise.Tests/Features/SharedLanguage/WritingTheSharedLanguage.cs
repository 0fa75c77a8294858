using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Stepwise.Common;
using Stepwise.Features.Coaching;
using Stepwise.Features.Rounds;
using Stepwise.Features.SharedLanguage;
using Stepwise.Tests.Cli;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.SharedLanguage;

/// <summary>
/// Issue 20, the shared language: the starter shipped with Stepwise adopted as version 1; a draft copied from the
/// current version, changed and published through the pages; a published version in use refuses every change; an
/// import with a strand the EEF Toolkit does not have names the item and field (API, page and command line) and
/// stores nothing; export and import read the same JSON.
/// </summary>
public abstract class WritingTheSharedLanguage(StepwiseApp app)
{
    [Fact]
    public async Task A_trust_adopts_the_starter_language_as_its_published_first_version_with_eef_strands()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync(World.HarbourAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.HarbourHead)).PostJsonAsync("/api/language/starter", new { })).StatusCode);

        var adopted = await (await admin.PostJsonAsync("/api/language/starter", new { })).ReadJsonAsync();
        Assert.Equal(1, (int)adopted["number"]!);
        Assert.True((bool)adopted["published"]!);

        var current = (await (await admin.GetAsync("/api/language")).ReadJsonAsync())["current"]!;
        Assert.Equal(1, (int)current["number"]!);
        Assert.Equal(8, current["terms"]!.AsArray().Count);
        Assert.Equal(12, current["lookFors"]!.AsArray().Count);
        Assert.Equal(16, current["steps"]!.AsArray().Count);
        Assert.Equal(4, current["steps"]!.AsArray().Select(s => (string)s!["category"]!).Distinct().Count());
        Assert.Equal("Feedback", (string)current["lookFors"]!.AsArray().Single(l => (string)l!["key"]! == "specific-feedback")!["eefStrand"]!);
        Assert.All(current["lookFors"]!.AsArray(), l => Assert.Contains((string)l!["eefStrand"]!, EefToolkit.Strands));

        // Adopting twice is refused with a reason, and nothing changes.
        var again = await (await admin.PostJsonAsync("/api/language/starter", new { })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already has a shared language (version 1)", (string)again["errors"]!["starter"]![0]!, StringComparison.Ordinal);
        Assert.Single((await (await admin.GetAsync("/api/language")).ReadJsonAsync())["versions"]!.AsArray());

        // Every signed-in member reads it, on the page too, with each step's strand.
        var page = await (await app.ClientForAsync(World.HarbourHead)).GetPageAsync("/language");
        Assert.Contains("Cold-call after think-pair-share", page.QuerySelector("dl[data-kind=steps]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("EEF: Oral language interventions", page.QuerySelector("dl[data-kind=steps]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*=handler\\=draft]"));
    }

    [Fact]
    public async Task A_director_writes_the_next_version_through_the_pages_and_publishing_it_makes_it_current()
    {
        app.EnsureAvailable();
        var seeded = await LanguageSeed.PublishedAsync(app);
        var director = await app.ClientForAsync(World.NorthLeader);

        var index = await director.GetPageAsync("/language");
        Assert.Equal($"{seeded.Number}", index.QuerySelector("#current")!.TextContent.Split(' ')[1]);
        var started = await director.SubmitAsync(index.Form("form[action*=handler\\=draft]"));
        var versionUrl = await started.AssertRedirectAsync();
        var draft = await director.GetPageAsync(versionUrl);
        Assert.Contains("Draft", draft.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LanguageSeed.LookForKeys.Length, draft.QuerySelectorAll("dl[data-kind=look-fors] dt").Length);

        // Add a look-for; a strand the Toolkit does not have is refused, naming it.
        var refused = await (await director.SubmitAsync(draft.Form("#add-item"), new Dictionary<string, string>
        {
            ["Input.Kind"] = "LookFor", ["Input.Name"] = "Pupils use the subject's vocabulary", ["Input.Category"] = "Talk", ["Input.EefStrand"] = "Oracy",
        })).ReadPageAsync();
        Assert.Contains(refused.Errors(), e => e.Contains("\"Oracy\" is not a strand", StringComparison.Ordinal) && e.Contains("Pupils use the subject's vocabulary", StringComparison.Ordinal));
        await (await director.SubmitAsync(refused.Form("#add-item"), new Dictionary<string, string> { ["Input.EefStrand"] = "Oral language interventions" })).AssertRedirectAsync();

        // Change a step through its own page (its key stays), then take a term out.
        draft = await director.GetPageAsync(versionUrl);
        var stepPage = await director.GetPageAsync(draft.QuerySelector("dl[data-kind=steps] dd a")!.GetAttribute("href")!);
        await (await director.SubmitAsync(stepPage.Form("#change-item"), new Dictionary<string, string> { ["Input.Description"] = "Name two pupils after the pairs have talked." })).AssertRedirectAsync();
        var termPage = await director.GetPageAsync(draft.QuerySelector("dl[data-kind=glossary] dd a")!.GetAttribute("href")!);
        await (await director.SubmitAsync(termPage.Form("#remove-item"))).AssertRedirectAsync();

        draft = await director.GetPageAsync(versionUrl);
        var published = await director.SubmitAsync(draft.Form("#publish-version"), new Dictionary<string, string> { ["Notes"] = "Adds subject vocabulary." });
        Assert.Equal("/language", await published.AssertRedirectAsync());

        var current = (await (await director.GetAsync("/api/language")).ReadJsonAsync())["current"]!;
        Assert.Equal(seeded.Number + 1, (int)current["number"]!);
        Assert.Equal("Adds subject vocabulary.", (string)current["notes"]!);
        Assert.Contains(current["lookFors"]!.AsArray(), l => (string)l!["key"]! == "pupils-use-the-subject-s-vocabulary" && (string)l["eefStrand"]! == "Oral language interventions");
        Assert.Equal("Name two pupils after the pairs have talked.", (string)current["steps"]!.AsArray().Single(s => (string)s!["key"]! == LanguageSeed.StepKeys[0])!["description"]!);
        Assert.Equal(LanguageSeed.TermKeys.Length - 1, current["terms"]!.AsArray().Count);

        // The version it copied is as it was.
        var before = await (await director.GetAsync($"/api/language/versions/{seeded.VersionId}")).ReadJsonAsync();
        Assert.Equal(LanguageSeed.TermKeys.Length, before["terms"]!.AsArray().Count);
        Assert.Equal(LanguageSeed.LookForKeys.Length, before["lookFors"]!.AsArray().Count);

        // A head of school reads the language but may not write it.
        var head = await app.ClientForAsync(World.PrimaryHead);
        Assert.Null((await head.GetPageAsync("/language")).QuerySelector("#import"));
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJsonAsync("/api/language/versions", new { })).StatusCode);
    }

    [Fact]
    public async Task A_published_version_in_use_by_a_round_and_a_coaching_step_refuses_every_change_and_says_why()
    {
        app.EnsureAvailable();
        var seeded = await LanguageSeed.PublishedAsync(app);
        var trustId = app.World.North.Id;
        var schoolId = app.World.School(World.NorthPrimaryUrn).Id;
        var (teacher, coach) = (app.World.Person(World.PrimaryTeacher).Id, app.World.Person(World.PrimaryHead).Id);
        await app.QueryAsync(async db =>
        {
            var round = new Round
            {
                TrustId = trustId, Title = "Talk in maths", ProblemOfPractice = "Pupils' talk in maths is mostly recall", HeldOn = app.Today,
                LanguageVersionId = seeded.VersionId, CreatedAt = app.Clock.UtcNow(), CreatedBy = "test",
            };
            db.Rounds.Add(round);
            var pair = new CoachingPair { TrustId = trustId, SchoolId = schoolId, TeacherId = teacher, CoachId = coach, StartedOn = app.Today, CreatedAt = app.Clock.UtcNow() };
            db.CoachingPairs.Add(pair);
            await db.SaveChangesAsync();
            db.RoundLookFors.Add(new RoundLookFor { TrustId = trustId, RoundId = round.Id, LanguageItemId = seeded.LookFors["open-questions"] });
            db.CoachingSteps.Add(new CoachingStep
            {
                TrustId = trustId, PairId = pair.Id, LanguageItemId = seeded.Steps["narrate-the-positive"], Title = "Narrate the positive",
                AgreedOn = app.Today, CheckBackOn = app.Today.AddDays(14),
            });
            return await db.SaveChangesAsync();
        });
        var admin = await app.ClientForAsync(World.NorthAdmin);

        var change = await (await admin.PutJsonAsync($"/api/language/items/{seeded.LookFors["open-questions"]}", new { name = "Open questions, renamed" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        var why = (string)change["errors"]!["version"]![0]!;
        Assert.Contains($"Version {seeded.Number} is in use (a round uses its look-fors and a coaching step comes from it), so it never changes", why, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.DeleteAsync($"/api/language/items/{seeded.Steps["narrate-the-positive"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJsonAsync($"/api/language/versions/{seeded.VersionId}/items", new { kind = "look-for", name = "New" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJsonAsync($"/api/language/versions/{seeded.VersionId}/publish", new { notes = "again" })).StatusCode);

        // The item's page says so, and saving it is refused the same way.
        var page = await admin.GetPageAsync($"/language/items/{seeded.LookFors["open-questions"]}");
        Assert.Contains("never changes", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var saved = await (await admin.SubmitAsync(page.Form("#change-item"), new Dictionary<string, string> { ["Input.Name"] = "Renamed" })).ReadPageAsync();
        Assert.Contains(saved.Errors(), e => e.Contains("is in use", StringComparison.Ordinal));

        var stored = await app.QueryAsync(db => Task.FromResult(db.LanguageItems.Single(i => i.Id == seeded.LookFors["open-questions"]).Name));
        Assert.Equal("Open questions", stored);
        var summary = (await (await admin.GetAsync("/api/language")).ReadJsonAsync())["versions"]!.AsArray().Single(v => (int)v!["id"]! == seeded.VersionId)!;
        Assert.Equal(1, (int)summary["roundsUsing"]!);
        Assert.Equal(1, (int)summary["coachingStepsUsing"]!);
    }

    [Fact]
    public async Task An_import_with_a_strand_the_toolkit_does_not_have_names_the_item_and_the_field_and_stores_nothing()
    {
        app.EnsureAvailable();
        await LanguageSeed.PublishedAsync(app);
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var before = (await (await admin.GetAsync("/api/language")).ReadJsonAsync())["versions"]!.AsArray().Count;
        var bad = StarterLanguage.Definition with
        {
            LookFors = [.. StarterLanguage.Definition.LookFors!.Take(2), StarterLanguage.Definition.LookFors![2] with { EefStrand = "Feedbak" }],
        };

        var api = await (await admin.PostJsonAsync("/api/language/import", bad)).ReadJsonAsync(HttpStatusCode.BadRequest);
        var message = (string)api["errors"]!["lookFors[2].eefStrand"]![0]!;
        Assert.StartsWith("Look-for \"Pupils answer in full sentences\": \"Feedbak\" is not a strand of the EEF Teaching and Learning Toolkit.", message, StringComparison.Ordinal);

        var index = await admin.GetPageAsync("/language");
        var page = await (await admin.SubmitAsync(index.Form("form[action*=handler\\=import]"), new Dictionary<string, string> { ["Input.Definition"] = bad.ToJson() })).ReadPageAsync();
        Assert.Contains(message, page.Errors());

        var file = Path.Combine(Path.GetTempPath(), $"language-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, bad.ToJson());
        var (environment, data) = Where();
        var cli = await StepwiseProcess.RunWithAsync(environment, ["language", "import", file, "--trust", "North Star Learning Trust", .. data]);
        Assert.True(cli.ExitCode == 2, cli.ToString());
        var line = LanguageDefinition.ItemLines(bad.ToJson())["lookFors[2]"];
        Assert.Contains($"line {line}, column \"lookFors[2].eefStrand\": {message}", cli.Out, StringComparison.Ordinal);

        Assert.Equal(before, (await (await admin.GetAsync("/api/language")).ReadJsonAsync())["versions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Export_and_import_read_the_same_json_on_the_api_and_the_command_line()
    {
        app.EnsureAvailable();
        var seeded = await LanguageSeed.PublishedAsync(app);
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var response = await admin.GetAsync($"/api/language/export?version={seeded.Number}");
        var text = await response.Content.ReadAsStringAsync();
        var exported = await response.ReadJsonAsync();
        Assert.Equal(seeded.Number, (int)exported["version"]!);
        Assert.Equal(LanguageSeed.LookForKeys, exported["lookFors"]!.AsArray().Select(l => (string)l!["key"]!).ToArray());

        var (environment, data) = Where();
        var cli = await StepwiseProcess.RunWithAsync(environment, ["language", "export", "--version", $"{seeded.Number}", "--trust", "North Star Learning Trust", .. data]);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Equal(text, cli.Out.TrimEnd('\n'));

        // The export, with a step added, imported on the command line and published: the next version, the same keys.
        var changed = exported.DeepClone();
        changed["steps"]!.AsArray().Add(new JsonObject { ["key"] = "exit-ticket", ["name"] = "End with an exit ticket", ["category"] = "Feedback", ["eefStrand"] = "feedback" });
        var file = Path.Combine(Path.GetTempPath(), $"language-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, changed.ToJsonString());
        var imported = await StepwiseProcess.RunWithAsync(environment, ["language", "import", file, "--publish", "--trust", "North Star Learning Trust", .. data]);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        var current = (await (await admin.GetAsync("/api/language")).ReadJsonAsync())["current"]!;
        Assert.Equal(seeded.Number + 1, (int)current["number"]!);
        Assert.Equal([.. LanguageSeed.StepKeys, "exit-ticket"], current["steps"]!.AsArray().Select(s => (string)s!["key"]!).ToArray());
        Assert.Equal("Feedback", (string)current["steps"]!.AsArray()[^1]!["eefStrand"]!);

        var show = await StepwiseProcess.RunWithAsync(environment, ["language", "show", "--trust", "North Star Learning Trust", .. data]);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains($"Shared language, version {seeded.Number + 1}", show.Out, StringComparison.Ordinal);
        Assert.Contains("End with an exit ticket [exit-ticket] — EEF: Feedback", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_starter_language_passes_the_rules_an_import_must_pass()
    {
        var starter = StarterLanguage.Definition;
        Assert.False(LanguageRules.Check(starter).Any);
        Assert.Equal(8, starter.Terms!.Count);
        Assert.Equal(12, starter.LookFors!.Count);
        Assert.Equal(16, starter.Steps!.Count);
        Assert.InRange(starter.LookFors.Select(l => l.Category).Distinct().Count(), 3, 4);
        Assert.Equal(4, starter.Steps.Select(s => s.Category).Distinct().Count());
        Assert.Contains(starter.Terms, t => t.Key == "cold-call");
    }

    private (Dictionary<string, string> Environment, string[] Data) Where() => app.Database is SqliteTestDatabase sqlite
        ? ([], ["--data", sqlite.Folder])
        : (new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Stepwise"] = app.Database.ConnectionString }, []);
}

public sealed class WritingTheSharedLanguageOnSqlite(SqliteApp app) : WritingTheSharedLanguage(app), IClassFixture<SqliteApp>;

public sealed class WritingTheSharedLanguageOnPostgres(PostgresApp app) : WritingTheSharedLanguage(app), IClassFixture<PostgresApp>;
