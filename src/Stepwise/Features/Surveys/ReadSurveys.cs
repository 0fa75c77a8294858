using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Surveys;

/// <summary>
/// The surveys a person may see (newest first, with their response counts), one survey with its questions and how
/// it reached people, and the schools a survey can be built for or printed codes for. Figures are read by
/// <see cref="ReadSurveyResults"/>, never here.
/// </summary>
public sealed class ReadSurveys(AppDbContext db, SurveyAccess surveys, AccessControl access)
{
    public sealed record SurveyRow(int Id, string Title, string Audience, string Status, string Where, DateOnly OpensOn, DateOnly ClosesOn, int Responses);

    /// <summary>A school whose governor visits (<paramref name="Visits"/>) or "you said, we did" (<paramref name="YouSaidWeDid"/>) the person may open.</summary>
    public sealed record SchoolLinks(int Urn, string Name, bool Visits, bool YouSaidWeDid);

    public sealed record SurveyList(List<SurveyRow> Surveys, bool CanBuild, bool CanSetMinimum, List<SchoolLinks> Schools);

    public sealed record QuestionView(int Id, int Number, string Kind, string Text, string? Scale, bool ReverseScored, IReadOnlyList<string> Options, bool AllowDontKnow);

    /// <summary>One survey as its page shows it. <paramref name="Link"/> is the public response path (/s/…).</summary>
    public sealed record SurveyView(int Id, string Title, string? Introduction, string Audience, string Status, string Distribution, int? Urn, string Where,
        DateOnly OpensOn, DateOnly ClosesOn, string Link, bool AskYearGroup, bool AskStaffRole, int? PreviousRunId, string? PreviousTitle,
        int Responses, int CodesIssued, int CodesUsed, bool CanManage, List<QuestionView> Questions);

    public sealed record SchoolChoice(int Urn, string Name);

    /// <summary>The surveys and listening pages the person may open; null when there is nothing for them here (403).</summary>
    public async Task<SurveyList?> ListAsync(CancellationToken ct)
    {
        if (!await surveys.MayOpenListAsync(ct))
        {
            return null;
        }
        var manage = await surveys.SchoolsToManageAsync(ct);
        var canBuild = manage is null || manage.Count > 0;
        var visible = await surveys.VisibleAsync(ct);
        var rows = await visible
            .OrderByDescending(s => s.OpensOn).ThenByDescending(s => s.Id)
            .Select(s => new SurveyRow(s.Id, s.Title, s.Audience.ToString(), s.Status.ToString(),
                s.SchoolId == null ? "Whole trust" : db.Schools.Where(x => x.Id == s.SchoolId).Select(x => x.Name).First(),
                s.OpensOn, s.ClosesOn, db.SurveyResponses.Count(r => r.SurveyId == s.Id)))
            .ToListAsync(ct);
        var visits = await access.SchoolIdsAsync(Permission.ViewVisitReports, ct);
        var writes = await access.SchoolIdsAsync(Permission.WriteVisitReports, ct);
        var schools = await (await access.SchoolsAsync(ct: ct)).Where(s => s.ArchivedAt == null).OrderBy(s => s.Name).Select(s => new { s.Id, s.Urn, s.Name }).ToListAsync(ct);
        var links = schools
            .Select(s => new SchoolLinks(s.Urn, s.Name,
                visits is null || visits.Contains(s.Id) || writes is null || writes.Contains(s.Id),
                manage is null || manage.Contains(s.Id)))
            .Where(s => s.Visits || s.YouSaidWeDid)
            .ToList();
        return new SurveyList(rows, canBuild, manage is null, links);
    }

    /// <summary>One survey if the person may read its results; null otherwise (404).</summary>
    public async Task<SurveyView?> OneAsync(int surveyId, CancellationToken ct) => (await FindAsync(surveyId, ct))?.View;

    /// <summary>One survey with its questions (the entity, for the page's forms) and as read; null when the person may not read it.</summary>
    public async Task<(Survey Survey, SurveyView View)?> FindAsync(int surveyId, CancellationToken ct)
    {
        var survey = await surveys.FindToReadAsync(surveyId, ct);
        return survey is null ? null : (survey, await ViewAsync(survey, ct));
    }

    /// <summary>A survey just written by someone who manages it, as read.</summary>
    public async Task<SurveyView> WrittenAsync(int surveyId, CancellationToken ct) =>
        await ViewAsync(await db.Surveys.AsNoTracking().Include(s => s.Questions.OrderBy(q => q.Position)).FirstAsync(s => s.Id == surveyId, ct), ct);

    private async Task<SurveyView> ViewAsync(Survey survey, CancellationToken ct)
    {
        var surveyId = survey.Id;
        var school = survey.SchoolId is int id ? await db.Schools.Where(s => s.Id == id).Select(s => new { s.Urn, s.Name }).FirstAsync(ct) : null;
        var previousTitle = survey.PreviousRunId is int previous
            ? await db.Surveys.Where(s => s.Id == previous).Select(s => s.Title + " (" + s.OpensOn.Year + ")").FirstOrDefaultAsync(ct)
            : null;
        return new SurveyView(survey.Id, survey.Title, survey.Introduction, survey.Audience.ToString(), survey.Status.ToString(), Stepwise.Common.Codes.Of(survey.Distribution),
            school?.Urn, school?.Name ?? "Every school in the trust", survey.OpensOn, survey.ClosesOn, $"/s/{survey.LinkToken}",
            survey.AskYearGroup, survey.AskStaffRole, survey.PreviousRunId, previousTitle,
            await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, ct),
            await db.SurveyCodes.CountAsync(c => c.SurveyId == surveyId, ct),
            await db.SurveyCodes.CountAsync(c => c.SurveyId == surveyId && c.Used, ct),
            await surveys.CanManageAsync(survey.SchoolId, ct),
            survey.Questions.Select((q, i) => new QuestionView(q.Id, i + 1, Stepwise.Common.Codes.Of(q.Kind), q.Text, q.Scale, q.ReverseScored, q.OptionList, q.AllowDontKnow)).ToList());
    }

    /// <summary>Where the person may build a survey: open schools by name, and whether trust-wide too.</summary>
    public sealed record BuildChoices(List<SchoolChoice> Schools, bool TrustWide);

    /// <summary>Where the person may build a survey; null when they may build none (403).</summary>
    public async Task<BuildChoices?> WhereToBuildAsync(CancellationToken ct)
    {
        var ids = await surveys.SchoolsToManageAsync(ct);
        if (ids is not null && ids.Count == 0)
        {
            return null;
        }
        return new BuildChoices(await db.Schools.Where(s => s.ArchivedAt == null && (ids == null || ids.Contains(s.Id))).OrderBy(s => s.Name)
            .Select(s => new SchoolChoice(s.Urn, s.Name)).ToListAsync(ct), ids is null);
    }

    /// <summary>Every open school of the trust, by name: where a trust-wide survey's codes can be printed for.</summary>
    public Task<List<SchoolChoice>> OpenSchoolsAsync(CancellationToken ct) =>
        db.Schools.Where(s => s.ArchivedAt == null).OrderBy(s => s.Name).Select(s => new SchoolChoice(s.Urn, s.Name)).ToListAsync(ct);

    /// <summary>The school's URN when the person may turn a result of this survey into a "you said, we did" action.</summary>
    public async Task<int?> ActionUrnAsync(Survey survey, CancellationToken ct) =>
        survey.SchoolId is int schoolId && await surveys.CanManageAsync(schoolId, ct)
            ? await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Urn).FirstAsync(ct)
            : null;
}
