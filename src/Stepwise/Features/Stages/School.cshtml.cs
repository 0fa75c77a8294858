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
    public string Timeline { get; private set; } = "";
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
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Units with a history first; a school's many unset units would only add empty lanes.
        var lanes = units.Where(u => u.History.Count > 0)
            .Select(u => new StageTimeline.Lane(u.Unit, u.History.Select(h => (h.From, h.Stage)).ToList()))
            .ToList();
        Timeline = lanes.Count == 0 ? "" : StageTimeline.Render("school-timeline", $"Stage timeline for {school.Name}", lanes, today);
        return Page();
    }
}
