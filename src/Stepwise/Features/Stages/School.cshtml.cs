using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Features.Access;

namespace Stepwise.Features.Stages;

/// <summary>Every unit of a school with its stage, and the timeline of how they got there.</summary>
public sealed class SchoolModel(ReadStages read, AccessControl access, TimeProvider clock) : PageModel
{
    public List<UnitStage> Units { get; private set; } = [];
    public string SchoolName { get; private set; } = "";
    public int Urn { get; private set; }
    public Common.Charts.Chart? Timeline { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var school = await access.FindSchoolAsync(urn, ct);
        var units = school is null ? null : await read.ForSchoolsAsync([school], ct);
        if (school is null || units is null)
        {
            return NotFound();
        }
        Units = units;
        SchoolName = school.Name;
        Urn = urn;
        ViewData["Urn"] = urn;
        CanEdit = await access.CanAsync(Permission.EditStages, school.Id, ct);
        var today = clock.Today();
        Timeline = StageCharts.ForSchool(school.Name, units, today);
        return Page();
    }
}
