using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Benchmarking;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Benchmarking;

/// <summary>Comparator sets for real schools of the DfE register, through the API that any signed-in person may use.</summary>
[Collection(NationalDataCollection.Name)]
public sealed class SimilarSchoolsFromRealData(NationalDataApp app)
{
    private static List<JsonNode> Members(JsonNode set) => [.. set["comparators"]!.AsArray().Select(m => m!)];

    [Fact]
    public async Task Every_open_primary_with_published_inputs_gets_30_distinct_same_phase_open_schools_with_itself_first()
    {
        app.EnsureData();
        var register = await app.QueryAsync(db => db.ReferenceSchools.AsNoTracking().ToDictionaryAsync(s => s.Urn));
        var open = register.Values.Where(s => s.Status!.StartsWith("Open", StringComparison.Ordinal) && s.Urn < 990000).OrderBy(s => s.Urn).ToList();
        Assert.InRange(open.Count, 700, 760);
        var client = await app.ClientForAsync(World.HarbourHead); // national data: another trust's head may read it

        // Schools with neither input get no set, with the reason (the next tests); every other open primary gets one.
        foreach (var school in open.Where(s => s.Pupils is not null || s.PercentFreeSchoolMeals is not null).Where((_, i) => i % 15 == 0))
        {
            var set = await (await client.GetAsync($"/api/benchmarking/comparators/{school.Urn}")).ReadJsonAsync();
            var members = Members(set);
            var urns = members.Select(m => m["urn"]!.GetValue<int>()).ToList();

            Assert.Equal(30, members.Count);
            Assert.Equal(school.Urn, urns[0]);
            Assert.Equal(0, members[0]["distance"]!.GetValue<double>());
            Assert.Equal(30, urns.Distinct().Count());
            Assert.All(urns, u => Assert.Equal(BenchmarkPhase.Of(school.Phase, school.Type), BenchmarkPhase.Of(register[u].Phase, register[u].Type)));
            Assert.All(urns, u => Assert.StartsWith("Open", register[u].Status, StringComparison.Ordinal));
            Assert.All(urns.Skip(1), u => Assert.NotInRange(u, 990000, 990099)); // a demo school is never anyone's comparator
        }
    }

    [Fact]
    public async Task The_set_shows_the_weights_it_was_chosen_with_and_the_context_of_each_school()
    {
        app.EnsureData();
        var client = await app.ClientForAsync(World.PrimaryHead);
        var set = await (await client.GetAsync($"/api/benchmarking/comparators/{NationalDataApp.StPauls}")).ReadJsonAsync();

        Assert.Equal("St Paul's CofE (Aided) Primary School", set["name"]!.GetValue<string>());
        Assert.Equal("Primary", set["phase"]!.GetValue<string>());
        Assert.Equal((50, 40, 10, true), (set["weights"]!["pupils"]!.GetValue<int>(), set["weights"]!["freeSchoolMeals"]!.GetValue<int>(),
            set["weights"]!["sen"]!.GetValue<int>(), set["weights"]!["isDfe"]!.GetValue<bool>()));
        var first = Members(set)[0];
        // SEN % comes from the census (EHC plan + SEN support), pupils and free school meals from the register.
        var census = await app.QueryAsync(db => db.ReferenceValues
            .Where(v => v.Urn == NationalDataApp.StPauls && (v.MetricKey == "census.sen-support" || v.MetricKey == "census.ehc-plan"))
            .SumAsync(v => v.Value!.Value));
        Assert.Equal(Math.Round(census, 1), first["senPercent"]!.GetValue<double>(), 6);
        Assert.Equal((await app.Stored.ReferenceSchoolAsync(NationalDataApp.StPauls)).Pupils,
            first["pupils"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_or_closed_school_is_not_found_with_the_reason()
    {
        app.EnsureData();
        var client = await app.ClientForAsync(World.PrimaryHead);
        var closed = await app.QueryAsync(db => db.ReferenceSchools.Where(s => s.Status == "Closed").Select(s => s.Urn).FirstAsync());

        var unknown = await client.GetAsync("/api/benchmarking/comparators/123456");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("not in the imported school register", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var shut = await client.GetAsync($"/api/benchmarking/comparators/{closed}");
        Assert.Equal(HttpStatusCode.NotFound, shut.StatusCode);
        Assert.Contains("open schools only", await shut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 17 defect 5: a school with no inputs got a set built on the phase medians with no warning; one missing an
    /// input got no word that it had been filled in.
    /// </summary>
    [Fact]
    public async Task A_school_without_inputs_gets_no_set_and_one_missing_an_input_is_told_which_was_filled()
    {
        app.EnsureData();
        var client = await app.ClientForAsync(World.PrimaryHead);
        var bare = await app.QueryAsync(db => db.ReferenceSchools
            .Where(s => s.Status == "Open" && s.Phase == "Primary" && s.Pupils == null && s.PercentFreeSchoolMeals == null).Select(s => s.Urn).FirstAsync());
        var none = await client.GetAsync($"/api/benchmarking/comparators/{bare}");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("similar schools cannot be chosen", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withCensus = await app.QueryAsync(db => db.ReferenceValues.Where(v => v.MetricKey == "census.sen-support" && v.Urn != null).Select(v => v.Urn!.Value).ToListAsync());
        var noSen = await app.QueryAsync(db => db.ReferenceSchools
            .Where(s => s.Status == "Open" && s.Phase == "Primary" && s.Pupils != null && s.PercentFreeSchoolMeals != null && !withCensus.Contains(s.Urn))
            .Select(s => s.Urn).FirstAsync());
        var set = await (await client.GetAsync($"/api/benchmarking/comparators/{noSen}")).ReadJsonAsync();
        Assert.Contains("no published figure for SEN", set["caveat"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await (await client.GetAsync($"/api/benchmarking/comparators/{NationalDataApp.StPauls}")).ReadJsonAsync())["caveat"]);
    }

    /// <summary>Issue 17 defect 5: the special-school method said "plus primary needs" but never used them.</summary>
    [Fact]
    public async Task The_special_school_method_says_it_does_not_use_primary_needs_because_none_are_held()
    {
        app.EnsureData();
        var client = await app.ClientForAsync(World.PrimaryHead);
        var set = await (await client.GetAsync("/api/benchmarking/comparators/990006")).ReadJsonAsync(); // Willowmere Brook, the demo's special school
        Assert.True(set["specialMethod"]!.GetValue<bool>());
        Assert.Contains("primary needs, so they are not used", set["method"]!.GetValue<string>(), StringComparison.Ordinal);
        var weights = await (await app.SignInAsync(World.PrimaryHead)).GetPageAsync("/benchmarking/weights");
        Assert.Contains("so they are not used", weights.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_register_import_recomputes_the_sets()
    {
        app.EnsureData();
        var client = await app.ClientForAsync(World.PrimaryHead);
        var path = $"/api/benchmarking/comparators/{NationalDataApp.StPauls}";
        var before = Members(await (await client.GetAsync(path)).ReadJsonAsync()).Select(m => m["urn"]!.GetValue<int>()).ToList();
        Assert.Equal(before, Members(await (await client.GetAsync(path)).ReadJsonAsync()).Select(m => m["urn"]!.GetValue<int>()).ToList());

        // A corrected register in which St Paul's has grown to 900 pupils: its similar schools must change.
        var original = SharedData.Path("dfe-hampshire-surrey", "register", "gias_850_936_20220420.csv");
        var lines = await File.ReadAllLinesAsync(original);
        var header = Csv(lines[0]);
        var pupilsColumn = header.IndexOf("NumberOfPupils");
        var row = Array.FindIndex(lines, l => l.StartsWith($"{NationalDataApp.StPauls},", StringComparison.Ordinal));
        var cells = Csv(lines[row]);
        Assert.Equal("NumberOfPupils", header[pupilsColumn]);
        cells[pupilsColumn] = "900";
        lines[row] = string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c));
        var changed = Path.Combine(Path.GetTempPath(), $"gias-changed-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(changed, lines, new System.Text.UTF8Encoding(true));
        try
        {
            var report = await app.ImportRegisterAsync(changed);
            Assert.True(report.Imported, string.Join("\n", report.Errors));
            var after = Members(await (await client.GetAsync(path)).ReadJsonAsync());
            Assert.Equal(900, after[0]["pupils"]!.GetValue<int>());
            Assert.NotEqual(before, after.Select(m => m["urn"]!.GetValue<int>()).ToList());
        }
        finally
        {
            // Put the real register back for the other tests (its own hash was imported already, so restore by a third file).
            lines[row] = string.Join(',', Csv((await File.ReadAllLinesAsync(original))[row]).Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c));
            await File.WriteAllLinesAsync(changed, lines, new System.Text.UTF8Encoding(false));
            await app.ImportRegisterAsync(changed);
            File.Delete(changed);
        }
        Assert.Equal(before, Members(await (await client.GetAsync(path)).ReadJsonAsync()).Select(m => m["urn"]!.GetValue<int>()).ToList());
    }

    /// <summary>Splits one CSV line with quoted fields (the register quotes names with commas).</summary>
    private static List<string> Csv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
