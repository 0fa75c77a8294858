using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Surveys;

/// <summary>
/// Which surveys the acting person may manage or read results of. A school's survey needs the permission at that
/// school; a trust-wide survey is managed trust-wide, and its results are read by anyone who may read results at
/// one of its schools (they see their schools and the trust as a whole).
/// </summary>
public sealed class SurveyAccess(AppDbContext db, AccessControl access)
{
    /// <summary>The survey with its questions if the person may manage it; null (so: 404) otherwise.</summary>
    public async Task<Survey?> FindToManageAsync(int surveyId, CancellationToken ct)
    {
        var survey = await db.Surveys.Include(s => s.Questions.OrderBy(q => q.Position)).FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        return survey is not null && await CanManageAsync(survey.SchoolId, ct) ? survey : null;
    }

    /// <summary>The survey with its questions if the person may read its results; null otherwise.</summary>
    public async Task<Survey?> FindToReadAsync(int surveyId, CancellationToken ct)
    {
        var survey = await db.Surveys.Include(s => s.Questions.OrderBy(q => q.Position)).FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        return survey is not null && await CanReadAsync(survey.SchoolId, ct) ? survey : null;
    }

    public async Task<bool> CanManageAsync(int? schoolId, CancellationToken ct) => schoolId is int id
        ? await access.CanAsync(Permission.ManageSurveys, id, ct)
        : await access.CanAcrossTrustAsync(Permission.ManageSurveys, ct);

    public async Task<bool> CanReadAsync(int? schoolId, CancellationToken ct)
    {
        if (schoolId is int id)
        {
            return await access.CanAsync(Permission.ViewSurveyResults, id, ct) || await access.CanAsync(Permission.ManageSurveys, id, ct);
        }
        var ids = await access.SchoolIdsAsync(Permission.ViewSurveyResults, ct);
        return ids is null || ids.Count > 0;
    }

    /// <summary>
    /// Whether the surveys page is for this person: they build surveys, read results, or read or write governor visits
    /// somewhere. The page refuses, and the menu leaves it out, for anyone else.
    /// </summary>
    public async Task<bool> MayOpenListAsync(CancellationToken ct)
    {
        foreach (var permission in new[] { Permission.ManageSurveys, Permission.ViewSurveyResults, Permission.ViewVisitReports, Permission.WriteVisitReports })
        {
            if (await access.SchoolIdsAsync(permission, ct) is null or { Count: > 0 })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The schools whose figures the person may see in a trust-wide survey; null means all of them.</summary>
    public Task<HashSet<int>?> SchoolsToReadAsync(CancellationToken ct) => access.SchoolIdsAsync(Permission.ViewSurveyResults, ct);

    /// <summary>The schools where the person may build surveys; null means every school and trust-wide ones.</summary>
    public Task<HashSet<int>?> SchoolsToManageAsync(CancellationToken ct) => access.SchoolIdsAsync(Permission.ManageSurveys, ct);

    /// <summary>The surveys the person may see, newest first.</summary>
    public async Task<IQueryable<Survey>> VisibleAsync(CancellationToken ct)
    {
        var read = await access.SchoolIdsAsync(Permission.ViewSurveyResults, ct);
        var manage = await access.SchoolIdsAsync(Permission.ManageSurveys, ct);
        if (read is null || manage is null)
        {
            return db.Surveys;
        }
        var ids = read.Union(manage).ToList();
        var seesTrustWide = read.Count > 0;
        return db.Surveys.Where(s => (s.SchoolId != null && ids.Contains(s.SchoolId.Value)) || (s.SchoolId == null && seesTrustWide));
    }
}
