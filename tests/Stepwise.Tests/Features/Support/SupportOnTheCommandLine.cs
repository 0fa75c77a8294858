using System.Net;
using Stepwise.Tests.Cli;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Support;

/// <summary>`stepwise support balance | episodes | suggest --need ID` print what the pages show, read by the same use cases.</summary>
public sealed class SupportOnTheCommandLine(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Support_prints_the_balance_the_episodes_and_the_givers_suggested_for_a_need_and_an_unknown_need_is_bad_usage()
    {
        var leader = await app.ClientForAsync(World.NorthLeader);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        await (await leader.PostJsonAsync($"/api/schools/{World.NorthSecondaryUrn}/judgements", new { framework = "ofsted-2025", area = "inclusion", grade = "exceptional", source = "trust" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var need = await (await leader.PostJsonAsync("/api/support/needs", new { school = World.NorthPrimaryUrn, area = "inclusion", description = "SEND plans" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await leader.PostJsonAsync("/api/support/episodes", new
        {
            need = (int)need["id"]!, giver = World.NorthSecondaryUrn, startsOn = "2026-11-23", endsOn = "2026-12-11", people = "The SENCos",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var data = new[] { "--data", ((SqliteTestDatabase)app.Database).Folder };

        var balance = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["support", "balance", .. data]);
        Assert.True(balance.ExitCode == 0, balance.ToString());
        Assert.Contains("Northgate Academy (990102), North Star Learning Trust: gives 1 (Inclusion); receives 0;", balance.Out, StringComparison.Ordinal);

        var episodes = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["support", "episodes", .. data]);
        Assert.True(episodes.ExitCode == 0, episodes.ToString());
        Assert.Contains("2026-11-23–2026-12-11  Northgate Academy (990102) gives to Northgate Primary School (990101), North Star Learning Trust  [agreed]", episodes.Out, StringComparison.Ordinal);

        var suggest = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["support", "suggest", "--need", $"{(int)need["id"]!}", .. data]);
        Assert.True(suggest.ExitCode == 0, suggest.ToString());
        Assert.Contains("Northgate Primary School: Inclusion", suggest.Out, StringComparison.Ordinal);
        Assert.Contains("Its latest trust judgement of inclusion is exceptional", suggest.Out, StringComparison.Ordinal);

        var unknown = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["support", "suggest", "--need", "999999", .. data]);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.StartsWith("stepwise: --need: there is no need 999999.", unknown.Error, StringComparison.Ordinal);
    }
}
