using System.Net;
using System.Text.Json.Nodes;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Benchmarking;

/// <summary>A trust may weight pupils, free school meals and SEN its own way; the weights in use are always shown.</summary>
[Collection(NationalDataCollection.Name)]
public sealed class ChoosingTheWeights(NationalDataApp app)
{
    private static List<int> Urns(JsonNode set) => [.. set["comparators"]!.AsArray().Select(m => m!["urn"]!.GetValue<int>())];

    [Fact]
    public async Task A_trust_administrator_changes_the_weights_for_their_trust_only()
    {
        app.EnsureData();
        var harbour = await app.ClientForAsync(World.HarbourAdmin);
        var north = await app.ClientForAsync(World.NorthLeader);
        var path = $"/api/benchmarking/comparators/{NationalDataApp.StPauls}";
        var dfe = Urns(await (await north.GetAsync(path)).ReadJsonAsync());
        try
        {
            var saved = await (await harbour.PutJsonAsync("/api/benchmarking/weights", new { pupils = 20, freeSchoolMeals = 70, sen = 10 })).ReadJsonAsync();
            Assert.Equal((20, 70, 10, false), (saved["pupils"]!.GetValue<int>(), saved["freeSchoolMeals"]!.GetValue<int>(), saved["sen"]!.GetValue<int>(), saved["isDfe"]!.GetValue<bool>()));

            var theirs = await (await harbour.GetAsync(path)).ReadJsonAsync();
            Assert.Equal(20, theirs["weights"]!["pupils"]!.GetValue<int>());
            Assert.NotEqual(dfe, Urns(theirs));
            Assert.Equal(NationalDataApp.StPauls, Urns(theirs)[0]);
            Assert.Equal(dfe, Urns(await (await north.GetAsync(path)).ReadJsonAsync())); // North still uses the DfE's

            var page = await (await app.SignInAsync(World.HarbourAdmin)).GetPageAsync("/benchmarking/weights");
            Assert.Equal(["20%", "70%", "10%"], page.QuerySelectorAll(".facts dd").Select(d => d.TextContent.Trim()).ToList());
            Assert.Contains("adjusted the DfE’s weights", page.Text("main"), StringComparison.Ordinal);

            // Issue 17 defect 13: a change of weights changes every similar-school set the trust sees, so it is audited.
            Assert.True(await app.Stored.AuditedAsync(entity: "ComparatorWeightSetting", action: "Changed", actor: World.HarbourAdmin, summaryContains: "→ 20/70/10"));
        }
        finally
        {
            await (await harbour.PutJsonAsync("/api/benchmarking/weights", new { pupils = 50, freeSchoolMeals = 40, sen = 10 })).ReadJsonAsync();
        }
    }

    [Fact]
    public async Task Weights_must_be_whole_percentages_adding_up_to_100_and_nothing_is_saved_otherwise()
    {
        app.EnsureData();
        var admin = await app.ClientForAsync(World.HarbourAdmin);
        var response = await admin.PutJsonAsync("/api/benchmarking/weights", new { pupils = 60, freeSchoolMeals = 40, sen = 10 });
        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("add up to 100 (they add up to 110)", problem["errors"]!["pupils"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var negative = await (await admin.PutJsonAsync("/api/benchmarking/weights", new { pupils = 110, freeSchoolMeals = -20, sen = 10 })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(negative["errors"]!["freeSchoolMeals"]);
        Assert.True((await (await admin.GetAsync("/api/benchmarking/weights")).ReadJsonAsync())["isDfe"]!.GetValue<bool>());

        var client = await app.SignInAsync(World.HarbourAdmin);
        var page = await client.GetPageAsync("/benchmarking/weights");
        var form = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Pupils"] = "50", ["Input.FreeSchoolMeals"] = "", ["Input.Sen"] = "10" }, "/benchmarking/weights");
        var again = await form.ReadPageAsync();
        Assert.Contains("Enter the weight on free school meals", string.Join(" ", again.Errors()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_trust_leaders_and_administrators_may_change_them_though_everyone_sees_them()
    {
        app.EnsureData();
        foreach (var email in new[] { World.PrimaryHead, World.PrimaryGovernor, World.NorthDataManager })
        {
            var client = await app.ClientForAsync(email);
            var response = await client.PutJsonAsync("/api/benchmarking/weights", new { pupils = 20, freeSchoolMeals = 70, sen = 10 });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var page = await (await app.SignInAsync(email)).GetPageAsync("/benchmarking/weights");
            Assert.Equal("50%", page.QuerySelectorAll(".facts dd")[0].TextContent.Trim());
            Assert.Null(page.QuerySelector("main form[method=post]"));
        }
        Assert.False((await (await (await app.ClientForAsync(World.PrimaryHead)).GetAsync("/api/benchmarking/weights")).ReadJsonAsync())["canChange"]!.GetValue<bool>());
        Assert.True((await (await (await app.ClientForAsync(World.NorthLeader)).GetAsync("/api/benchmarking/weights")).ReadJsonAsync())["canChange"]!.GetValue<bool>());
    }
}
