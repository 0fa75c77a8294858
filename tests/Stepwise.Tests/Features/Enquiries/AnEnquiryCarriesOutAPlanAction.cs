using System.Net;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Enquiries;

/// <summary>
/// A learning team's enquiry carries out an action in its school's plan: the team chooses the action on the enquiry's
/// form (an action of another school's plan is refused, by field), the enquiry's page links to the priority, the
/// priority's page links back to the enquiry, and the API says the same.
/// </summary>
public abstract class AnEnquiryCarriesOutAPlanAction(StepwiseApp app)
{
    [Fact]
    public async Task A_team_links_its_enquiry_to_a_plan_action_and_the_plan_and_the_enquiry_link_to_each_other()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var (priorityId, actionId) = await ActionAsync(head, World.NorthPrimaryUrn, "Reading", "Year 6 team tests echo reading in cycles of enquiry");
        var (_, elsewhere) = await ActionAsync(await app.ClientForAsync(World.SecondaryHead), World.NorthSecondaryUrn, "Behaviour", "Launch the new policy");
        var teamId = await EnquirySeed.TeamAsync(app, "primary-year6", $"Year 6 echo readers {app.ProviderName}", World.PrimaryTeacher);
        var teacher = await app.ClientForAsync(World.PrimaryTeacher);

        var newUrl = $"/enquiries/new?team={teamId}";
        var form = await teacher.GetPageAsync(newUrl);
        var options = form.QuerySelectorAll("select[name='Input.PlanActionId'] option").Select(o => o.TextContent).ToList();
        Assert.Contains("Year 6 team tests echo reading in cycles of enquiry", options);
        Assert.DoesNotContain("Launch the new policy", options);
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Echo reading in Year 6",
            ["Input.ProblemOfPractice"] = "Pupils read haltingly aloud.",
            ["Input.Aim"] = "Fluency from 62% to 75% at the expected standard by July",
            ["Input.PlanActionId"] = $"{elsewhere}",
        };
        var refused = await (await teacher.SubmitAsync(form.Form(), values, newUrl)).ReadPageAsync();
        Assert.Contains($"The plan action must be one in the plans of the enquiry's school (action {elsewhere} is not).", refused.Errors());

        values["Input.PlanActionId"] = $"{actionId}";
        var location = await (await teacher.SubmitAsync(refused.Form(), values, newUrl)).AssertRedirectAsync();
        var enquiry = await teacher.GetPageAsync(location);
        Assert.Contains("“Year 6 team tests echo reading in cycles of enquiry” in the plan", enquiry.Body!.TextContent, StringComparison.Ordinal);
        var toPriority = enquiry.QuerySelector($"a[href='/priorities/{priorityId}']");
        Assert.NotNull(toPriority);

        var priority = await head.GetPageAsync(toPriority.GetAttribute("href")!);
        var back = priority.QuerySelector($"a[href='{location}']");
        Assert.NotNull(back);
        Assert.Equal("Echo reading in Year 6", back.TextContent);
        Assert.Contains("Carried out by the enquiry", back.ParentElement!.TextContent, StringComparison.Ordinal);

        var json = await (await teacher.GetAsync($"/api{location}")).ReadJsonAsync();
        Assert.Equal(actionId, (int)json["carriesOut"]!["id"]!);
        Assert.Equal($"/priorities/{priorityId}", (string)json["carriesOut"]!["url"]!);
    }

    private async Task<(int PriorityId, int ActionId)> ActionAsync(HttpClient head, int urn, string priorityTitle, string actionTitle)
    {
        var plan = await (await head.PostJsonAsync($"/api/schools/{urn}/plans", new { kind = "hundred-day", title = $"First 100 days {priorityTitle}", startsOn = app.Today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var priority = await (await head.PostJsonAsync($"/api/plans/{(int)plan["id"]!}/priorities", new { title = priorityTitle })).ReadJsonAsync(HttpStatusCode.Created);
        var action = await (await head.PostJsonAsync($"/api/priorities/{(int)priority["id"]!}/actions", new { title = actionTitle, owner = "Reading lead", dueOn = app.Today.AddDays(60) }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return ((int)priority["id"]!, (int)action["id"]!);
    }
}

public sealed class AnEnquiryCarriesOutAPlanActionOnSqlite(SqliteApp app) : AnEnquiryCarriesOutAPlanAction(app), IClassFixture<SqliteApp>;

public sealed class AnEnquiryCarriesOutAPlanActionOnPostgres(PostgresApp app) : AnEnquiryCarriesOutAPlanAction(app), IClassFixture<PostgresApp>;
