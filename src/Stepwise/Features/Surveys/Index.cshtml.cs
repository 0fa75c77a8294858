using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;

namespace Stepwise.Features.Surveys;

public sealed class IndexModel(AppDbContext db, SurveyAccess surveys) : PageModel
{
    public sealed record Row(int Id, string Title, string Audience, string Status, string Where, DateOnly OpensOn, DateOnly ClosesOn, int Responses);

    public List<Row> Rows { get; private set; } = [];
    public bool CanBuild { get; private set; }
    public bool CanSetMinimum { get; private set; }

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
        if (!CanBuild && Rows.Count == 0 && !await surveys.CanReadAsync(null, ct))
        {
            return Forbid();
        }
        return Page();
    }
}
