using AngleSharp.Html.Dom;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.PeerReviews;

/// <summary>A review through the pages: arranged from the list, its area of excellence proposed, estimated, completed, and found from self-evaluation.</summary>
public sealed class PeerReviewPages(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_trust_leader_arranges_a_review_the_host_proposes_its_area_of_excellence_the_lead_estimates_and_completes_it_and_self_evaluation_links_to_it()
    {
        const int urn = World.NorthPrimaryUrn;
        var leader = await app.SignInAsync(World.NorthLeader);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();

        var list = await leader.GetPageAsync("/peer-reviews");
        var arrange = await leader.GetPageAsync(list.QuerySelector("a[href='/peer-reviews/new']")!.GetAttribute("href")!);
        var form = arrange.Form();
        foreach (var box in form.QuerySelectorAll("input[name='Input.Areas']").OfType<IHtmlInputElement>().Where(b => b.Value is "inclusion" or "achievement"))
        {
            box.IsChecked = true;
        }
        ((IHtmlInputElement)form.QuerySelector($"input[name='Input.Team'][value='{World.SecondaryHead}']")!).IsChecked = true;
        ((IHtmlInputElement)form.QuerySelector($"input[name='Input.Lead'][value='{World.SecondaryHead}']")!).IsChecked = true;
        var refused = await (await leader.SubmitAsync(form, new Dictionary<string, string> { ["Input.School"] = "" }, "/peer-reviews/new")).ReadPageAsync();
        Assert.Contains("Choose the school to be reviewed.", refused.Errors());
        var reviewUrl = await (await leader.SubmitAsync(form, new Dictionary<string, string> { ["Input.School"] = $"{urn}" }, "/peer-reviews/new")).AssertRedirectAsync();
        Assert.Contains("Northgate Primary School", (await leader.GetPageAsync("/peer-reviews")).QuerySelector($"a[href='{reviewUrl}']")!.TextContent, StringComparison.Ordinal);

        // The host's head proposes the area of excellence.
        var head = await app.SignInAsync(World.PrimaryHead);
        var hostPage = await head.GetPageAsync(reviewUrl);
        await (await head.SubmitAsync(hostPage.Form("form[action*='handler=Excellence']"), new Dictionary<string, string>
        {
            ["Excellence.AreaOfExcellence"] = "Early reading for every child",
        })).AssertRedirectAsync();

        // The lead reviewer estimates one area, is refused completion, estimates the other and completes.
        var lead = await app.SignInAsync(World.SecondaryHead);
        var leadPage = await lead.GetPageAsync(reviewUrl);
        Assert.Contains("Early reading for every child", leadPage.Text("#excellence + p"), StringComparison.Ordinal);
        await (await lead.SubmitAsync(leadPage.Form("form[action*='handler=Findings']"), new Dictionary<string, string>
        {
            ["Findings.Areas[0].Estimate"] = "effective",
            ["Findings.Areas[0].Rationale"] = "Plans are reviewed with families each term.",
            ["Findings.Strengths"] = "Warm relationships.",
        })).AssertRedirectAsync();
        var notYet = await (await lead.SubmitAsync((await lead.GetPageAsync(reviewUrl)).Form("form[action*='handler=Complete']"))).ReadPageAsync();
        Assert.Contains(notYet.Errors(), e => e.Contains("no estimate: Achievement", StringComparison.Ordinal));
        await (await lead.SubmitAsync((await lead.GetPageAsync(reviewUrl)).Form("form[action*='handler=Findings']"), new Dictionary<string, string>
        {
            ["Findings.Areas[1].Estimate"] = "leading",
        })).AssertRedirectAsync();
        await (await lead.SubmitAsync((await lead.GetPageAsync(reviewUrl)).Form("form[action*='handler=Complete']"))).AssertRedirectAsync();

        // The host's self-evaluation shows the estimate and links to the review; the review reads as completed.
        var evaluation = await head.GetPageAsync($"/schools/{urn}/self-evaluation");
        var link = evaluation.QuerySelector($"a[href='{reviewUrl}']")!;
        Assert.Equal("Effective", link.TextContent.Trim());
        var review = await head.GetPageAsync(link.GetAttribute("href")!);
        Assert.Contains("completed", review.Text(".caption"), StringComparison.Ordinal);
        Assert.Contains("Plans are reviewed with families each term.", review.Text("main"), StringComparison.Ordinal);
        Assert.Empty(review.QuerySelectorAll("form[action*='handler=Complete']"));
    }
}
