using Microsoft.EntityFrameworkCore;
using Stepwise.Features.Surveys;
using Stepwise.Tests.Infrastructure;
using static Stepwise.Tests.Features.Surveys.SurveyJourney;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>An archived school takes no more answers and gets no more code sheets, and the refusal names it.</summary>
public sealed class ArchivedSchools(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task ArchiveAsync(int urn)
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        Assert.True((await admin.PostAsync($"/api/schools/{urn}/archive", null)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Answers_for_an_archived_school_and_codes_for_its_classes_are_refused_naming_the_school()
    {
        var admin = await app.ClientForAsync(World.NorthAdmin);
        var open = await BuildTrustWideAsync(admin, "staff", title: "Staff across the trust");
        var coded = await BuildTrustWideAsync(admin, "pupils", distribution: "one-time-codes", title: "Pupils across the trust");
        var earlierSheet = await PrintCodesAsync(admin, coded.Id, "10C", 1, World.NorthSecondaryUrn);
        var own = await BuildAndOpenAsync(await app.ClientForAsync(World.SecondaryHead), "staff", World.NorthSecondaryUrn, "open-link", "Academy staff");
        await ArchiveAsync(World.NorthSecondaryUrn);

        // The school's own survey says why it takes no answers.
        Assert.Contains("Northgate Academy has been archived", (await app.Anonymous().GetPageAsync($"/s/{own.Token}")).Text("main"), StringComparison.Ordinal);

        // The open link: the archived school is not offered, and posting its URN anyway is refused by name.
        var anonymous = app.Anonymous();
        var form = await anonymous.GetPageAsync($"/s/{open.Token}");
        Assert.DoesNotContain(form.QuerySelectorAll("#school option"), o => o.GetAttribute("value") == $"{World.NorthSecondaryUrn}");
        var field = form.QuerySelectorAll("fieldset.q input[type=radio]").Select(i => i.GetAttribute("name")!).First(n => n.StartsWith('a'));
        var refused = await (await anonymous.SubmitAsync(form.Form("main form[method=post]:not([action*='handler'])"),
            new Dictionary<string, string> { ["school"] = $"{World.NorthSecondaryUrn}", [field] = "4" }, $"/s/{open.Token}")).ReadPageAsync();
        Assert.Contains(refused.Errors(), e => e.Contains("Northgate Academy", StringComparison.Ordinal) && e.Contains("archived", StringComparison.Ordinal));
        Assert.Equal(0, await StoredResponsesAsync(app, open.Id));

        // A sheet printed before the school was archived: the code is refused by name and stays unused.
        var withCode = await (await AnswerAsync(app.Anonymous(), coded.Token, earlierSheet[0])).ReadPageAsync();
        Assert.Contains(withCode.Errors(), e => e.Contains("Northgate Academy", StringComparison.Ordinal) && e.Contains("archived", StringComparison.Ordinal));
        Assert.Equal(0, await StoredResponsesAsync(app, coded.Id));
        Assert.Equal(0, await app.Stored.CountAsync<SurveyCode>(c => c.SurveyId == coded.Id && c.Used));

        // Printing a new sheet for the archived school.
        var codesForm = (await admin.GetPageAsync($"/surveys/{coded.Id}/codes")).Form();
        var sheet = await (await admin.SubmitAsync(codesForm, new Dictionary<string, string>
        {
            ["Input.Group"] = "11A", ["Input.Count"] = "5", ["Input.School"] = $"{World.NorthSecondaryUrn}",
        }, $"/surveys/{coded.Id}/codes")).ReadPageAsync();
        Assert.Contains(sheet.Errors(), e => e.Contains("Northgate Academy", StringComparison.Ordinal) && e.Contains("archived", StringComparison.Ordinal));
        Assert.Empty(sheet.QuerySelectorAll(".code-slip"));
        Assert.Equal(1, await app.Stored.CountAsync<SurveyCode>(c => c.SurveyId == coded.Id));

        // The schools still open work as before.
        Assert.True((await AnswerAsync(app.Anonymous(), coded.Token, (await PrintCodesAsync(admin, coded.Id, "6A", 1, World.NorthPrimaryUrn))[0])).IsThanks());
    }
}
