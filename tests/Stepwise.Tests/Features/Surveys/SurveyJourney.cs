using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.Surveys;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>What people do with surveys, as intent methods over the real pages.</summary>
public static partial class SurveyJourney
{
    [GeneratedRegex(@"/s/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    public sealed record Built(int Id, string Token);

    /// <summary>Builds a survey from the bank (every item for the audience ticked, as the page suggests), opens it, and returns its id and link.</summary>
    public static Task<Built> BuildAndOpenAsync(HttpClient client, string audience, int urn, string distribution = "one-time-codes", string title = "Pupil voice", bool open = true) =>
        BuildAsync(client, audience, $"{urn}", distribution, title, open);

    /// <summary>As <see cref="BuildAndOpenAsync"/>, for every school in the trust (a trust leader's survey).</summary>
    public static Task<Built> BuildTrustWideAsync(HttpClient client, string audience, string distribution = "open-link", string title = "Trust survey", bool open = true) =>
        BuildAsync(client, audience, "trust", distribution, title, open);

    private static async Task<Built> BuildAsync(HttpClient client, string audience, string school, string distribution, string title, bool open)
    {
        var page = await client.GetPageAsync($"/surveys/new?audience={audience}&school={school}");
        var created = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.School"] = school,
            ["Input.Distribution"] = distribution,
        }, $"/surveys/new?audience={audience}");
        var location = await created.AssertRedirectAsync();
        var id = int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        if (open)
        {
            await OpenAsync(client, id);
        }
        var details = await client.GetPageAsync($"/surveys/{id}");
        var token = LinkPattern().Match(details.QuerySelector(".survey-link")!.TextContent).Groups["token"].Value;
        return new Built(id, token);
    }

    public static async Task OpenAsync(HttpClient client, int id)
    {
        var details = await client.GetPageAsync($"/surveys/{id}");
        var open = (IHtmlFormElement)details.QuerySelector("form[action*='handler=Open']")!;
        await (await client.SubmitAsync(open, null, $"/surveys/{id}")).AssertRedirectAsync();
    }

    public static async Task CloseAsync(HttpClient client, int id)
    {
        var details = await client.GetPageAsync($"/surveys/{id}");
        var close = (IHtmlFormElement)details.QuerySelector("form[action*='handler=Close']")!;
        await (await client.SubmitAsync(close, null, $"/surveys/{id}")).AssertRedirectAsync();
    }

    public static async Task AddQuestionAsync(HttpClient client, int id, string kind, string text, string? options = null)
    {
        var details = await client.GetPageAsync($"/surveys/{id}");
        var form = (IHtmlFormElement)details.QuerySelector("form[action*='handler=AddQuestion']")!;
        var values = new Dictionary<string, string> { ["Input.Kind"] = kind, ["Input.Text"] = text };
        if (options is not null)
        {
            values["Input.Options"] = options;
        }
        await (await client.SubmitAsync(form, values, $"/surveys/{id}")).AssertRedirectAsync();
    }

    /// <summary>Prints a sheet of codes for a class and reads the codes off it.</summary>
    public static async Task<List<string>> PrintCodesAsync(HttpClient client, int id, string group, int count, int? urn = null)
    {
        var form = (await client.GetPageAsync($"/surveys/{id}/codes")).Form();
        var values = new Dictionary<string, string> { ["Input.Group"] = group, ["Input.Count"] = $"{count}" };
        if (urn is int school)
        {
            values["Input.School"] = $"{school}"; // a trust-wide survey: the school whose class the sheet is for
        }
        var sheet = await (await client.SubmitAsync(form, values, $"/surveys/{id}/codes")).ReadPageAsync();
        return sheet.QuerySelectorAll(".code-slip__code strong").Select(e => e.TextContent.Trim()).ToList();
    }

    /// <summary>
    /// Answers as a respondent would: enters the code (if any), then answers every agreement question with
    /// <paramref name="agreement"/>, and free text with <paramref name="text"/>. Returns the final response.
    /// </summary>
    public static async Task<HttpResponseMessage> AnswerAsync(HttpClient anonymous, string token, string? code, int agreement = 4, int? yearGroup = null, string? text = null)
    {
        var page = await anonymous.GetPageAsync($"/s/{token}");
        if (code is not null)
        {
            var afterCode = await anonymous.SubmitAsync(page.Form(), new Dictionary<string, string> { ["code"] = code }, $"/s/{token}?handler=Code");
            page = await afterCode.ReadPageAsync();
            if (page.QuerySelector("input[type=hidden][name=code]") is null)
            {
                return afterCode; // refused: the caller reads the message
            }
        }
        var values = new Dictionary<string, string>();
        foreach (var fieldset in page.QuerySelectorAll("fieldset.q"))
        {
            var radio = fieldset.QuerySelector($"input[type=radio][value='{agreement}']") ?? fieldset.QuerySelector("input[type=radio][value='1']");
            if (radio is not null && radio.GetAttribute("name")!.StartsWith('a'))
            {
                values[radio.GetAttribute("name")!] = radio.GetAttribute("value")!;
            }
        }
        if (text is not null)
        {
            foreach (var area in page.QuerySelectorAll("textarea"))
            {
                values[area.GetAttribute("name")!] = text;
            }
        }
        if (yearGroup is int y)
        {
            values["yearGroup"] = $"{y}";
        }
        return await anonymous.SubmitAsync(page.Form("main form[method=post]:not([action*='handler'])"), values, $"/s/{token}");
    }

    public static async Task<int> StoredResponsesAsync(StepwiseApp app, int surveyId) =>
        await app.Stored.CountAsync<SurveyResponse>(r => r.SurveyId == surveyId);

    /// <summary>
    /// A closed survey of North Star straight into the database, with its answers: of one school (<paramref name="urn"/>)
    /// or trust-wide (null). One entry per respondent: the school answered for (trust-wide only), the year group, and
    /// one answer per question in order (null = skipped). For results tests that need exact answers.
    /// </summary>
    public static async Task<int> SeedClosedAsync(StepwiseApp app, int? urn, string title, List<SurveyQuestion> questions,
        IEnumerable<(int? School, int? Year, SurveyAnswer?[] Answers)> responses, Audience audience = Audience.Pupils)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var trustId = app.World.North.Id;
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(trustId, "test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        questions.ForEach(q => q.TrustId = trustId);
        var survey = new Survey
        {
            TrustId = trustId, SchoolId = urn is int u ? app.World.School(u).Id : null, Title = title, Audience = audience, Status = SurveyStatus.Closed,
            OpensOn = new DateOnly(2026, 1, 5), ClosesOn = new DateOnly(2026, 1, 19), Distribution = Distribution.OpenLink,
            LinkToken = OneTimeCodes.NewLinkToken(), AskYearGroup = audience != Audience.Staff, AskStaffRole = audience == Audience.Staff, Questions = questions,
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        foreach (var (school, year, answers) in responses)
        {
            var response = new SurveyResponse
            {
                TrustId = trustId, SurveyId = survey.Id, SchoolId = survey.SchoolId ?? app.World.School(school!.Value).Id,
                SubmittedOn = new DateOnly(2026, 1, 6), YearGroup = year, StaffRole = audience == Audience.Staff ? StaffRole.Teaching : null,
            };
            for (var i = 0; i < answers.Length; i++)
            {
                if (answers[i] is { } answer)
                {
                    answer.TrustId = trustId;
                    answer.QuestionId = questions[i].Id;
                    response.Answers.Add(answer);
                }
            }
            db.SurveyResponses.Add(response);
        }
        await db.SaveChangesAsync();
        return survey.Id;
    }

    /// <summary>A draft survey straight into the database, for tests that need one per school (the authorisation matrix).</summary>
    public static async Task<int> SeedDraftAsync(StepwiseApp app, int urn)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var school = app.World.School(urn);
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(school.TrustId, "test");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var survey = new Survey
        {
            TrustId = school.TrustId, SchoolId = school.Id, Title = $"Seeded survey {urn}", Audience = Audience.Staff,
            OpensOn = new DateOnly(2026, 1, 5), ClosesOn = new DateOnly(2026, 1, 19), Distribution = Distribution.OneTimeCodes,
            LinkToken = OneTimeCodes.NewLinkToken(),
            Questions = [new SurveyQuestion { TrustId = school.TrustId, Position = 1, Kind = QuestionKind.Agreement, Text = "I enjoy working here." }],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        return survey.Id;
    }

    /// <summary>For the authorisation matrix: a survey, a governor visit and a published "you said, we did" at each of the world's schools.</summary>
    public static async Task<Dictionary<int, (int SurveyId, int VisitId, int EntryId, int QuestionId)>> SeedForMatrixAsync(StepwiseApp app)
    {
        var result = new Dictionary<int, (int, int, int, int)>();
        foreach (var (urn, author) in new[] { (World.NorthPrimaryUrn, World.PrimaryGovernor), (World.NorthSecondaryUrn, World.SecondaryHead), (World.HarbourUrn, World.HarbourHead) })
        {
            var surveyId = await SeedDraftAsync(app, urn);
            await using var scope = app.Services.CreateAsyncScope();
            var school = app.World.School(urn);
            scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystemInTrust(school.TrustId, "test");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var visit = new Stepwise.Features.Visits.GovernorVisit
            {
                TrustId = school.TrustId, SchoolId = school.Id, PersonId = app.World.Person(author).Id, VisitedOn = new DateOnly(2026, 2, 3),
                Focus = "Reading", Seen = "Year 2 phonics", Findings = "Secure",
            };
            db.GovernorVisits.Add(visit);
            var entry = new YouSaidWeDid
            {
                TrustId = school.TrustId, SchoolId = school.Id, Source = FeedbackSource.Comment, YouSaid = "More clubs", WeDid = "Two new clubs",
                ActionOn = new DateOnly(2026, 2, 4), Published = false,
            };
            db.YouSaidWeDid.Add(entry);
            // The public page answers only for a school that has published something (issue 17 defect 13).
            db.YouSaidWeDid.Add(new YouSaidWeDid
            {
                TrustId = school.TrustId, SchoolId = school.Id, Source = FeedbackSource.Comment, YouSaid = "A quieter lunch hall", WeDid = "A quiet room at lunch",
                ActionOn = new DateOnly(2026, 2, 5), Published = true,
            });
            await db.SaveChangesAsync();
            result[urn] = (surveyId, visit.Id, entry.Id, await db.SurveyQuestions.Where(q => q.SurveyId == surveyId).Select(q => q.Id).FirstAsync());
        }
        return result;
    }

    public static bool IsThanks(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().EndsWith("/thanks", StringComparison.Ordinal);
}
