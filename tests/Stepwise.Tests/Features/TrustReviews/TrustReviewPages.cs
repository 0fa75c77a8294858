using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.TrustReviews;

/// <summary>
/// A trust review through the pages: a trust leader follows the calendar's link, is refused a bad date and missing
/// reviewers field by field with nothing stored, arranges the review, then completes it with two findings and one
/// follow-up; the school's plan holds the action and the review page shows the findings.
/// </summary>
public abstract class TrustReviewPages(StepwiseApp app)
{
    [Fact]
    public async Task A_trust_leader_arranges_a_review_from_the_calendar_and_completes_it_with_findings_and_a_follow_up_that_lands_in_the_schools_plan()
    {
        app.EnsureAvailable();
        const int urn = World.NorthPrimaryUrn;
        var leader = await app.SignInAsync(World.NorthLeader);
        var api = await app.ClientForAsync(World.PrimaryHead);
        await (await leader.PostJsonAsync("/api/frameworks/library", new { key = "ofsted-2025" })).ReadJsonAsync();
        var plan = await (await api.PostJsonAsync($"/api/schools/{urn}/plans", new { kind = "hundred-day", title = "Reading plan", startsOn = app.Today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await api.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title = "Early reading" })).ReadJsonAsync(HttpStatusCode.Created);
        var priorityId = (int)priority["id"]!;
        async Task<int> StoredReviews() => await app.QueryAsync(db => db.SchoolReviews.IgnoreQueryFilters().CountAsync());
        var before = await StoredReviews();

        // The calendar's button leads to the form; a school named in the link is chosen already.
        var calendar = await leader.GetPageAsync("/reviews");
        var arrange = await leader.GetPageAsync(calendar.QuerySelector("a[href='/reviews/new']")!.GetAttribute("href")!);
        Assert.Contains("Ofsted", arrange.QuerySelector("select[name='Input.Framework'] option[selected]")!.TextContent, StringComparison.Ordinal);
        var preselected = await leader.GetPageAsync($"/reviews/new?school={urn}");
        Assert.Equal($"{urn}", ((IHtmlSelectElement)preselected.QuerySelector("select[name='Input.School']")!).Value);

        // A bad date and no reviewers are refused, each naming its field; nothing is stored.
        var refused = await (await leader.SubmitAsync(arrange.Form(), new Dictionary<string, string>
        {
            ["Input.School"] = $"{urn}", ["Input.ReviewOn"] = "2026-02-31", ["Input.Reviewers"] = " ",
        }, "/reviews/new")).ReadPageAsync();
        Assert.NotNull(refused.QuerySelector(".error-summary a[href='#Input_ReviewOn']"));
        Assert.Contains("Enter the reviewers' names.", refused.QuerySelector(".error-summary a[href='#Input_Reviewers']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredReviews());

        var reviewOn = app.Today.AddDays(14);
        var reviewUrl = await (await leader.SubmitAsync(arrange.Form(), new Dictionary<string, string>
        {
            ["Input.School"] = $"{urn}", ["Input.ReviewOn"] = reviewOn.ToString("yyyy-MM-dd"), ["Input.Reviewers"] = "Helen Marsh, Director of Education",
            ["Input.Focus"] = "Reading in Key Stage 1",
        }, "/reviews/new")).AssertRedirectAsync();
        Assert.Equal(before + 1, await StoredReviews());
        var planned = await leader.GetPageAsync(reviewUrl);
        Assert.Contains("has been arranged", planned.Text(".notice[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Helen Marsh, Director of Education", planned.Text(".lede"), StringComparison.Ordinal);

        // The leader completes it: two areas graded, one with a follow-up under the plan's priority.
        var form = planned.Form("form[action*='handler=Complete']");
        string Grade(int row) => ((IHtmlSelectElement)form.QuerySelector($"select[name='Complete.Areas[{row}].Grade']")!).Options[1].Value;
        var completed = await (await leader.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Complete.Areas[0].Grade"] = Grade(0),
            ["Complete.Areas[0].Finding"] = "Pupils read widely and often.",
            ["Complete.Areas[1].Grade"] = Grade(1),
            ["Complete.Areas[1].Finding"] = "Phonics is not yet consistent in Year 1.",
            ["Complete.Areas[1].PriorityId"] = $"{priorityId}",
            ["Complete.Areas[1].Title"] = "Observe phonics in every Year 1 class",
            ["Complete.Areas[1].Owner"] = "Claire Dawson",
            ["Complete.Areas[1].DueOn"] = app.Today.AddDays(60).ToString("yyyy-MM-dd"),
            ["Complete.Summary"] = "A strong reading culture; phonics needs tightening.",
        })).AssertRedirectAsync();
        Assert.Equal(reviewUrl, completed);

        // The review page shows the findings and the follow-up; the form is gone.
        var review = await leader.GetPageAsync(reviewUrl);
        Assert.Contains("Completed", review.Text(".caption"), StringComparison.Ordinal);
        var findings = review.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Contains("Pupils read widely and often.", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("Phonics is not yet consistent in Year 1.", StringComparison.Ordinal) && f.Contains("Observe phonics in every Year 1 class", StringComparison.Ordinal));
        Assert.Empty(review.QuerySelectorAll("form[action*='handler=Complete']"));

        // The school's plan holds the action under the priority.
        var priorityUrl = review.QuerySelector("main table a[href^='/priorities/']")!.GetAttribute("href")!;
        Assert.Equal($"/priorities/{priorityId}", priorityUrl);
        var actionPage = await api.GetPageAsync(priorityUrl);
        Assert.Contains("Observe phonics in every Year 1 class", actionPage.Text("main"), StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.PlanActions.IgnoreQueryFilters().CountAsync(a => a.PriorityId == priorityId && a.Title == "Observe phonics in every Year 1 class" && a.Owner == "Claire Dawson")));
    }
}

public sealed class TrustReviewPagesOnSqlite(SqliteApp app) : TrustReviewPages(app), IClassFixture<SqliteApp>;

public sealed class TrustReviewPagesOnPostgres(PostgresApp app) : TrustReviewPages(app), IClassFixture<PostgresApp>;
