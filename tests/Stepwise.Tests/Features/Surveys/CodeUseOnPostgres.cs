using Microsoft.EntityFrameworkCore;
using Stepwise.Tests.Infrastructure;
using static Stepwise.Tests.Features.Surveys.SurveyJourney;

namespace Stepwise.Tests.Features.Surveys;

/// <summary>
/// On PostgreSQL every row carries the id of the transaction that wrote it (xmin). A used code must not share it with
/// the response it let in, or a database reader could tell which class each response came from (ADR 0060).
/// </summary>
public sealed class CodeUseOnPostgres(PostgresApp app) : IClassFixture<PostgresApp>
{
    private Task<List<string>> XminsAsync(string sql, int surveyId) =>
        app.QueryAsync(db => db.Database.SqlQueryRaw<string>(sql, surveyId).ToListAsync());

    [Fact]
    public async Task A_used_code_and_the_response_it_let_in_do_not_share_a_transaction_id()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var survey = await BuildAndOpenAsync(head, "pupils", World.NorthPrimaryUrn);
        var sevenA = await PrintCodesAsync(head, survey.Id, "7A", 2);
        var sevenB = await PrintCodesAsync(head, survey.Id, "7B", 2);

        foreach (var code in new[] { sevenA[0], sevenB[0], sevenA[1] })
        {
            Assert.True((await AnswerAsync(app.Anonymous(), survey.Token, code)).IsThanks());
        }

        var responses = await XminsAsync("""SELECT xmin::text AS "Value" FROM "SurveyResponses" WHERE "SurveyId" = {0} ORDER BY "Id" """, survey.Id);
        var used = await XminsAsync("""SELECT xmin::text AS "Value" FROM "SurveyCodes" WHERE "SurveyId" = {0} AND "Used" """, survey.Id);
        Assert.Equal(3, responses.Count);
        Assert.Equal(3, used.Count);
        foreach (var response in responses)
        {
            Assert.DoesNotContain(response, used);
        }
        // Not enough on its own: EF Core writes the response under a savepoint (a subtransaction with its own id), so
        // before the fix each used code's xmin was its response's less one (codes 72157, 72159, 72161 against responses
        // 72158, 72160, 72162). All used codes must be rewritten together, so their transaction ids say nothing about
        // which was used when.
        Assert.True(used.Distinct().Count() == 1, $"Used codes: {string.Join(", ", used)}; responses: {string.Join(", ", responses)}");
    }

    [Fact]
    public async Task Twenty_pupils_answering_at_once_are_all_stored_and_leave_every_used_code_with_one_transaction_id()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync(World.PrimaryHead);
        var survey = await BuildAndOpenAsync(head, "pupils", World.NorthPrimaryUrn);
        var codes = (await PrintCodesAsync(head, survey.Id, "8A", 10)).Concat(await PrintCodesAsync(head, survey.Id, "8B", 10)).ToList();

        var answers = await Task.WhenAll(codes.Select(code => AnswerAsync(app.Anonymous(), survey.Token, code)));

        Assert.All(answers, a => Assert.True(a.IsThanks()));
        Assert.Equal(20, await StoredResponsesAsync(app, survey.Id));
        var responses = await XminsAsync("""SELECT xmin::text AS "Value" FROM "SurveyResponses" WHERE "SurveyId" = {0}""", survey.Id);
        var used = await XminsAsync("""SELECT xmin::text AS "Value" FROM "SurveyCodes" WHERE "SurveyId" = {0} AND "Used" """, survey.Id);
        Assert.Equal(20, used.Count);
        Assert.Single(used.Distinct());
        Assert.DoesNotContain(used[0], responses);
    }
}
