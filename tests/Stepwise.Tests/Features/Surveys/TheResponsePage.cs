using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Stepwise.Tests.Infrastructure;
using static Stepwise.Tests.Features.Surveys.SurveyJourney;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>The public response page: small, script-free, self-contained and rate-limited per sender.</summary>
public sealed class TheResponsePage(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Weighs_under_50_KB_with_its_styles_and_needs_no_script_or_other_site()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var survey = await BuildAndOpenAsync(head, "staff", World.NorthPrimaryUrn, distribution: "open-link", title: "Staff survey");
        var anonymous = app.Anonymous();

        var response = await anonymous.GetAsync($"/s/{survey.Token}");
        var html = await response.Content.ReadAsByteArrayAsync();
        var page = await response.ReadPageAsync();
        var total = html.Length;
        foreach (var sheet in page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!))
        {
            Assert.StartsWith("/", sheet, StringComparison.Ordinal);
            total += (await anonymous.GetByteArrayAsync(sheet)).Length;
        }

        Assert.True(total < 50 * 1024, $"The response page weighs {total:N0} bytes with its styles.");
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("[src^='http'], [href^='http']"));
        Assert.Equal(15, page.QuerySelectorAll("fieldset.q input[value='5']").Length);
        Assert.Contains("Question 15 of 15", page.Text("main"));
    }

    [Fact]
    public async Task Submissions_beyond_the_senders_limit_are_refused_with_429_and_nothing_is_stored()
    {
        var head = await app.ClientForAsync(World.PrimaryHead);
        var survey = await BuildAndOpenAsync(head, "staff", World.NorthPrimaryUrn, distribution: "open-link", title: "Limited");
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Surveys:ResponsesPerMinutePerSender", "3"));
        var outcomes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var response = await AnswerAsync(client, survey.Token, null);
            outcomes.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], outcomes);
        Assert.Equal(3, await StoredResponsesAsync(app, survey.Id));
    }
}
