using System.Net;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Support;

/// <summary>
/// Support through the pages: a head raises a need from the support page; the trust leader opens it, sees the giver
/// suggested with its reasons, follows "Agree support from", agrees the episode, ends it and records its impact; the
/// balance then shows both schools.
/// </summary>
public sealed class SupportPages(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_head_raises_a_need_and_the_trust_agrees_support_from_the_suggested_school_ends_it_and_records_its_impact()
    {
        var leader = await app.SignInAsync(World.NorthLeader);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        await (await leader.PostJsonAsync($"/api/schools/{World.NorthSecondaryUrn}/judgements", new { framework = "ofsted-2025", area = "achievement", grade = "strong-standard", source = "trust" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var head = await app.SignInAsync(World.PrimaryHead);
        var support = await head.GetPageAsync("/support");
        var raise = await head.GetPageAsync(support.QuerySelector("a[href='/support/needs/new']")!.GetAttribute("href")!);
        var refused = await (await head.SubmitAsync(raise.Form(), new Dictionary<string, string> { ["Input.School"] = $"{World.NorthPrimaryUrn}", ["Input.Area"] = "achievement" },
            "/support/needs/new")).ReadPageAsync();
        Assert.Contains(refused.Errors(), e => e.Contains("What the school needs", StringComparison.Ordinal));
        var needUrl = await (await head.SubmitAsync(raise.Form(), new Dictionary<string, string>
        {
            ["Input.School"] = $"{World.NorthPrimaryUrn}", ["Input.Area"] = "achievement", ["Input.Description"] = "Year 6 maths catch-up.",
        }, "/support/needs/new")).AssertRedirectAsync();
        Assert.Null((await head.GetPageAsync(needUrl)).QuerySelector("#suggested"));

        var need = await leader.GetPageAsync(needUrl);
        Assert.Contains("Its latest trust judgement of achievement is strong standard", need.Text("#suggested ~ ol"), StringComparison.Ordinal);
        var agree = await leader.GetPageAsync(need.QuerySelector("a[href*='giver=']")!.GetAttribute("href")!);
        var episodeUrl = await (await leader.SubmitAsync(agree.Form("#agree ~ form"), new Dictionary<string, string>
        {
            ["Input.People"] = "The maths leads", ["Input.StartsOn"] = "2026-11-23", ["Input.EndsOn"] = "2026-12-18",
        }, needUrl)).AssertRedirectAsync();
        var episode = await leader.GetPageAsync(episodeUrl);
        Assert.Contains("Northgate Academy supports Northgate Primary School", episode.Text("h1"), StringComparison.Ordinal);
        await (await leader.SubmitAsync(episode.Form("form[action*='handler=End']"), null, episodeUrl)).AssertRedirectAsync();
        var ended = await leader.GetPageAsync(episodeUrl);
        await (await leader.SubmitAsync(ended.Form("form[action*='handler=Impact']"), new Dictionary<string, string> { ["Impact.Note"] = "Catch-up every afternoon." }, episodeUrl))
            .AssertRedirectAsync();
        var recorded = await leader.GetPageAsync(episodeUrl);
        Assert.Contains("Catch-up every afternoon.", recorded.Text("#impact ~ p + p"), StringComparison.Ordinal);
        Assert.Contains("Recorded", recorded.QuerySelector("#impact")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var balance = await head.GetPageAsync("/support");
        Assert.Contains("Achievement", balance.Text("#balance + div tbody"), StringComparison.Ordinal);
    }
}
