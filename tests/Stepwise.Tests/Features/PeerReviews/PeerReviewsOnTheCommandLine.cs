using System.Net;
using Stepwise.Tests.Cli;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.PeerReviews;

/// <summary>`stepwise peer-reviews list [--school URN]` lists the reviews the pages list, read by the same use case.</summary>
public sealed class PeerReviewsOnTheCommandLine(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Peer_reviews_list_prints_every_review_or_one_schools_and_an_unknown_urn_is_bad_usage()
    {
        var leader = await app.ClientForAsync(World.NorthLeader);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        foreach (var (urn, reviewer) in new[] { (World.NorthPrimaryUrn, World.SecondaryHead), (World.NorthSecondaryUrn, World.PrimaryHead) })
        {
            await (await leader.PostJsonAsync("/api/peer-reviews", new
            {
                school = urn, startsOn = "2026-12-08", endsOn = "2026-12-09", areas = new[] { "inclusion", "achievement" }, team = new[] { reviewer }, lead = reviewer,
            })).ReadJsonAsync(HttpStatusCode.Created);
        }
        var data = new[] { "--data", ((SqliteTestDatabase)app.Database).Folder };

        var all = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["peer-reviews", "list", .. data]);
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains("8 Dec 2026–9 Dec 2026  Northgate Primary School (990101), North Star Learning Trust  [planned]", all.Out, StringComparison.Ordinal);
        Assert.Contains("lead Sean Head; from Northgate Academy; 0 of 2 focus areas estimated", all.Out, StringComparison.Ordinal);

        var one = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["peer-reviews", "list", "--school", $"{World.NorthSecondaryUrn}", .. data]);
        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.Contains("Northgate Academy (990102)", one.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Northgate Primary School (990101)", one.Out, StringComparison.Ordinal);

        var unknown = await StepwiseProcess.RunWithAsync(new Dictionary<string, string>(), ["peer-reviews", "list", "--school", "123", .. data]);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.StartsWith("stepwise: --school: there is no school with URN 123.", unknown.Error, StringComparison.Ordinal);
    }
}
