using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.Enquiries;

public sealed class NewEnquiryModel(AppDbContext db, EnquiryAccess access, SaveEnquiry save) : PageModel
{
    [BindProperty]
    public EnquiryInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "team")]
    public int Team { get; set; }

    public string TeamName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await save.CreateAsync(Team, Input, ct), e => this.Done($"The enquiry \"{e.Title}\" is open. Build its driver diagram next.", $"/enquiries/{e.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var team = await access.ForTeamAsync(Team, ct);
        if (team is null)
        {
            return NotFound();
        }
        if (!team.Edit)
        {
            return Forbid();
        }
        TeamName = await db.LearningTeams.Where(t => t.Id == Team).Select(t => t.Name).FirstAsync(ct);
        var schools = await save.SchoolsOfTeamAsync(Team, ct);
        if (Input.SchoolUrn is null && schools.Count == 1)
        {
            Input.SchoolUrn = schools[0].Urn;
        }
        ViewData["Schools"] = schools.Select(s => new SelectListItem($"{s.Name} ({s.Urn})", $"{s.Urn}")).Prepend(new SelectListItem("Choose a school", "")).ToList();
        ViewData["Actions"] = EnquiryActions.Options(await save.ActionsOfTeamAsync(Team, ct));
        return null;
    }
}
