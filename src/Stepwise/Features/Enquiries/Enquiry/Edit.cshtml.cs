using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Stepwise.Common;

namespace Stepwise.Features.Enquiries;

public sealed class EditEnquiryModel(EnquiryAccess access, SaveEnquiry save) : PageModel
{
    [BindProperty]
    public EnquiryInput Input { get; set; } = new();

    public int EnquiryId { get; private set; }
    public string Title { get; private set; } = "";
    public bool Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int enquiryId, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, ct) is { } refused)
        {
            return refused;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int enquiryId, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, ct, keepInput: true) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return this.Reply(await save.UpdateAsync(enquiryId, Input, ct), e => this.Done("The enquiry has been changed.", $"/enquiries/{e.Id}"));
    }

    public Task<IActionResult> OnPostCloseAsync(int enquiryId, CancellationToken ct) => CloseAsync(enquiryId, true, ct);

    public Task<IActionResult> OnPostReopenAsync(int enquiryId, CancellationToken ct) => CloseAsync(enquiryId, false, ct);

    private async Task<IActionResult> CloseAsync(int enquiryId, bool close, CancellationToken ct)
    {
        if (await LoadAsync(enquiryId, ct) is { } refused)
        {
            return refused;
        }
        return this.Reply(await save.CloseAsync(enquiryId, close, ct), e => this.Done(close ? "The enquiry is closed: it is kept, read-only." : "The enquiry is open again.", $"/enquiries/{e.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(int enquiryId, CancellationToken ct, bool keepInput = false)
    {
        if (await access.ForEnquiryAsync(enquiryId, ct) is not var (enquiry, team))
        {
            return NotFound();
        }
        if (!team.Edit)
        {
            return Forbid();
        }
        EnquiryId = enquiryId;
        Title = enquiry.Title;
        Closed = enquiry.ClosedAt is not null;
        var schools = await save.SchoolsOfTeamAsync(enquiry.TeamId, ct);
        if (!keepInput)
        {
            Input = new EnquiryInput
            {
                Title = enquiry.Title, SchoolUrn = await save.UrnOfAsync(enquiry.SchoolId, ct),
                ProblemOfPractice = enquiry.ProblemOfPractice, Aim = enquiry.Aim, AimBaseline = enquiry.AimBaseline, AimTarget = enquiry.AimTarget,
                AimBy = enquiry.AimBy, TheoryWhen = enquiry.TheoryWhen, TheoryThen = enquiry.TheoryThen, PlanActionId = enquiry.PlanActionId,
            };
        }
        ViewData["Schools"] = schools.Select(s => new SelectListItem($"{s.Name} ({s.Urn})", $"{s.Urn}")).ToList();
        ViewData["Actions"] = EnquiryActions.Options(await save.ActionsOfTeamAsync(enquiry.TeamId, ct));
        return null;
    }
}
