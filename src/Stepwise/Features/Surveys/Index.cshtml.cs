using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

public sealed class IndexModel(AppDbContext db, SurveyAccess surveys, Stepwise.Features.Access.AccessControl access) : PageModel
{
    public sealed record Row(int Id, string Title, string Audience, string Status, string Where, DateOnly OpensOn, DateOnly ClosesOn, int Responses);

    public List<Row> Rows { get; private set; } = [];
    public bool CanBuild { get; private set; }
    public bool CanSetMinimum { get; private set; }

    /// <summary>Schools whose governor visits or "you said, we did" the person may open.</summary>
    public List<(int Urn, string Name, bool Visits, bool Actions)> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var manage = await surveys.SchoolsToManageAsync(ct);
        CanBuild = manage is null || manage.Count > 0;
        CanSetMinimum = manage is null;
        var visible = await surveys.VisibleAsync(ct);
        Rows = await visible
            .OrderByDescending(s => s.OpensOn).ThenByDescending(s => s.Id)
            .Select(s => new Row(s.Id, s.Title, s.Audience.ToString(), s.Status.ToString(),
                s.SchoolId == null ? "Whole trust" : db.Schools.Where(x => x.Id == s.SchoolId).Select(x => x.Name).First(),
                s.OpensOn, s.ClosesOn, db.SurveyResponses.Count(r => r.SurveyId == s.Id)))
            .ToListAsync(ct);
        var visits = await access.SchoolIdsAsync(Stepwise.Features.Access.Permission.ViewVisitReports, ct);
        var writes = await access.SchoolIdsAsync(Stepwise.Features.Access.Permission.WriteVisitReports, ct);
        var schools = await (await access.SchoolsAsync(ct: ct)).Where(s => s.ArchivedAt == null).OrderBy(s => s.Name).Select(s => new { s.Id, s.Urn, s.Name }).ToListAsync(ct);
        Schools = schools
            .Select(s => (s.Urn, s.Name,
                visits is null || visits.Contains(s.Id) || writes is null || writes.Contains(s.Id),
                manage is null || manage.Contains(s.Id)))
            .Where(s => s.Item3 || s.Item4)
            .ToList();
        if (!CanBuild && Rows.Count == 0 && Schools.Count == 0 && !await surveys.CanReadAsync(null, ct))
        {
            return Forbid();
        }
        return Page();
    }
}
