using System.Net;
using Stepwise.Tests.Cli;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.TrustReviews;

/// <summary>`stepwise reviews calendar | risk --school URN` print what the pages show, read by the same use cases.</summary>
public sealed class ReviewsOnTheCommandLine(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Reviews_prints_each_schools_next_review_and_a_schools_risk_line_by_line_and_an_unknown_urn_is_bad_usage()
    {
        var leader = await app.ClientForAsync(World.NorthLeader);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        await (await leader.PostJsonAsync("/api/reviews", new { school = World.NorthPrimaryUrn, reviewOn = "2027-01-20", reviewers = "The director of education" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var rating = await (await leader.GetAsync($"/api/schools/{World.NorthPrimaryUrn}/risk")).ReadJsonAsync();
        var data = new[] { "--data", ((SqliteTestDatabase)app.Database).Folder };

        var calendar = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["reviews", "calendar", .. data]);
        Assert.True(calendar.ExitCode == 0, calendar.ToString());
        Assert.Contains("Northgate Primary School (990101), North Star Learning Trust: next review 2027-01-20;", calendar.Out, StringComparison.Ordinal);
        Assert.Contains("Northgate Academy (990102), North Star Learning Trust: ", calendar.Out, StringComparison.Ordinal);

        var risk = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["reviews", "risk", "--school", $"{World.NorthPrimaryUrn}", .. data]);
        Assert.True(risk.ExitCode == 0, risk.ToString());
        foreach (var line in rating["components"]!.AsArray())
        {
            Assert.Contains($"  {(string)line!["name"]!}: {(int)line["count"]!} × ", risk.Out, StringComparison.Ordinal);
        }
        Assert.Contains($"Score {((double)rating["score"]!).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}: {(string)rating["bandName"]!}", risk.Out, StringComparison.Ordinal);

        var unknown = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["reviews", "risk", "--school", "999999", .. data]);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.StartsWith("stepwise: --school: there is no school with URN 999999.", unknown.Error, StringComparison.Ordinal);
    }
}
