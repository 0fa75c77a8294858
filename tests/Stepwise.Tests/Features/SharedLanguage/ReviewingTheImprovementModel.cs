using System.Net;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.SharedLanguage;

/// <summary>
/// Issue 20, the improvement model: a school's written from its home page and reviewed into the next version (the
/// earlier one kept and readable), with a review date that is flagged overdue once the clock passes it; the trust's
/// written by the director with the trust's glossary beside it; who may write and read each.
/// </summary>
public abstract class ReviewingTheImprovementModel(StepwiseApp app)
{
    [Fact]
    public async Task A_head_writes_the_schools_model_from_its_page_reviews_it_into_version_two_and_it_is_flagged_once_the_review_is_overdue()
    {
        app.EnsureAvailable();
        const int urn = World.NorthPrimaryUrn;
        var head = await app.ClientForAsync(World.PrimaryHead);

        var home = await head.GetPageAsync($"/schools/{urn}");
        var write = home.QuerySelector("[data-part=improvement-model] a")!;
        Assert.Contains("write the school's improvement model", write.TextContent, StringComparison.Ordinal);
        var form = await head.GetPageAsync(write.GetAttribute("href")!);
        var reviewOn = app.Today.AddMonths(6);
        var first = await head.SubmitAsync(form.Form("#review-model"), new Dictionary<string, string>
        {
            ["Input.Leadership"] = "The school is in the Repair stage: leadership is directive for now.",
            ["Input.HowPupilsLearn"] = "Pupils learn what they think hard about.",
            ["Input.ReviewOn"] = reviewOn.ToString("yyyy-MM-dd"),
        });
        var modelUrl = await first.AssertRedirectAsync();
        Assert.Equal($"/schools/{urn}/improvement-model", modelUrl);

        var model = await head.GetPageAsync(modelUrl);
        Assert.Contains($"Review due {reviewOn.Day} ", model.QuerySelector("[data-review-due]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(model.QuerySelector("[data-review-due] .tag--warn"));
        Assert.Contains("directive for now", model.QuerySelector("[data-section=leadership]")!.TextContent, StringComparison.Ordinal);

        // The review starts from version 1's words; version 2 is written, version 1 stays readable.
        var review = await head.GetPageAsync(model.QuerySelector("a[href$='/improvement-model/review']")!.GetAttribute("href")!);
        Assert.Equal("Pupils learn what they think hard about.", review.QuerySelector("#Input_HowPupilsLearn")!.TextContent.Trim());
        var refused = await (await head.SubmitAsync(review.Form("#review-model"), new Dictionary<string, string> { ["Input.ReviewOn"] = app.Today.ToString("yyyy-MM-dd") })).ReadPageAsync();
        Assert.Contains(refused.Errors(), e => e.StartsWith("The next review must be after today", StringComparison.Ordinal));
        var nextReview = app.Today.AddDays(3);
        await (await head.SubmitAsync(refused.Form("#review-model"), new Dictionary<string, string>
        {
            ["Input.Leadership"] = "Leadership is moving from directive to distributed as middle leaders settle.",
            ["Input.ReviewOn"] = nextReview.ToString("yyyy-MM-dd"),
            ["Input.ReviewNote"] = "Behaviour is secure: we review whether middle leaders can now lead the curriculum.",
        })).AssertRedirectAsync();

        var api = await (await head.GetAsync($"/api/schools/{urn}/improvement-model")).ReadJsonAsync();
        Assert.Equal(2, (int)api["model"]!["number"]!);
        Assert.Equal("Pupils learn what they think hard about.", (string)api["model"]!["howPupilsLearn"]!);
        Assert.Equal([2, 1], api["versions"]!.AsArray().Select(v => (int)v!["number"]!).ToArray());
        Assert.False((bool)api["overdue"]!);
        var earlier = await (await head.GetAsync($"/api/schools/{urn}/improvement-model?version=1")).ReadJsonAsync();
        Assert.Equal("The school is in the Repair stage: leadership is directive for now.", (string)earlier["model"]!["leadership"]!);
        Assert.False((bool)earlier["isCurrent"]!);
        var history = await head.GetPageAsync(modelUrl);
        var oldPage = await head.GetPageAsync(history.QuerySelector("tr[data-version='1'] a")!.GetAttribute("href")!);
        Assert.Contains("directive for now", oldPage.QuerySelector("[data-section=leadership]")!.TextContent, StringComparison.Ordinal);

        // The review date passes: the model, its API and the school's page say it is overdue.
        app.Clock.Advance(TimeSpan.FromDays(4));
        Assert.True((bool)(await (await head.GetAsync($"/api/schools/{urn}/improvement-model")).ReadJsonAsync())["overdue"]!);
        Assert.NotNull((await head.GetPageAsync(modelUrl)).QuerySelector("[data-review-due] .tag--warn"));
        var line = (await head.GetPageAsync($"/schools/{urn}")).QuerySelector("[data-part=improvement-model]")!;
        Assert.Contains("version 2", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue for review", line.TextContent, StringComparison.Ordinal);
        Assert.Equal(modelUrl, line.QuerySelector("a")!.GetAttribute("href"));

        // A governor reads it, and may not review it; the head of another school cannot see it at all.
        var governor = await app.ClientForAsync(World.PrimaryGovernor);
        Assert.Equal(HttpStatusCode.OK, (await governor.GetAsync(modelUrl)).StatusCode);
        Assert.Null((await governor.GetPageAsync(modelUrl)).QuerySelector("a[href$='/review']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.PostJsonAsync($"/api/schools/{urn}/improvement-model", new { leadership = "x", reviewOn = nextReview.AddDays(60) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(World.SecondaryHead)).GetAsync($"/api/schools/{urn}/improvement-model")).StatusCode);
    }

    [Fact]
    public async Task The_director_writes_the_trusts_model_with_the_trusts_glossary_beside_it_and_a_head_may_read_but_not_write_it()
    {
        app.EnsureAvailable();
        await LanguageSeed.PublishedAsync(app);
        var director = await app.ClientForAsync(World.NorthLeader);
        var reviewOn = app.Today.AddMonths(12);

        var created = await (await director.PostJsonAsync("/api/improvement-model", new
        {
            leadership = "Headteachers lead improvement; the trust sets a few shared priorities.",
            sharedLanguage = "One language for teaching across the trust.",
            reviewOn,
        })).ReadJsonAsync(HttpStatusCode.Created);
        var number = (int)created["model"]!["number"]!;
        Assert.Null(created["schoolUrn"]);
        Assert.Equal(reviewOn.ToString("yyyy-MM-dd"), (string)created["reviewDue"]!);

        var page = await (await app.ClientForAsync(World.PrimaryHead)).GetPageAsync("/improvement-model");
        Assert.Contains("Headteachers lead improvement", page.QuerySelector("[data-section=leadership]")!.TextContent, StringComparison.Ordinal);
        var glossary = page.QuerySelector("[data-section=sharedLanguage] [data-part=glossary]")!.TextContent;
        Assert.Contains("Cold call", glossary, StringComparison.Ordinal);
        Assert.Contains("Think pair share", glossary, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href='/improvement-model/review']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(World.PrimaryHead)).PostJsonAsync("/api/improvement-model", new { leadership = "x", reviewOn })).StatusCode);

        var missingDate = await (await director.PostJsonAsync("/api/improvement-model", new { leadership = "x" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Give the date the model is next to be reviewed.", (string)missingDate["errors"]!["reviewOn"]![0]!);
        Assert.Equal(number, (int)(await (await director.GetAsync("/api/improvement-model")).ReadJsonAsync())["model"]!["number"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/improvement-model?version={number + 1}")).StatusCode);
    }
}

public sealed class ReviewingTheImprovementModelOnSqlite(SqliteApp app) : ReviewingTheImprovementModel(app), IClassFixture<SqliteApp>;

public sealed class ReviewingTheImprovementModelOnPostgres(PostgresApp app) : ReviewingTheImprovementModel(app), IClassFixture<PostgresApp>;
