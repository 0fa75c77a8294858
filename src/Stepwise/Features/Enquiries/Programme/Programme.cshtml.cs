using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.Enquiries;

/// <summary>A school's whole-school programme: which phase it is in, and each activity ticked by its record or by hand.</summary>
public sealed class ProgrammeModel(ReadProgramme read, TickProgramme tick) : PageModel
{
    [BindProperty]
    public ProgrammeTickInput Input { get; set; } = new();

    public ReadProgramme.ProgrammeView Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) =>
        this.Reply(await read.ForSchoolAsync(urn, ct), Show);

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        var outcome = await tick.HandleAsync(urn, Input, ct);
        if (outcome.Kind == OutcomeKind.Invalid && (await read.ForSchoolAsync(urn, ct)).Value is { } programme)
        {
            // The form's errors belong to the activity it was for: each activity has its own form.
            Show(programme);
            foreach (var (field, messages) in outcome.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError($"{Input.Activity}.{field}", message);
                }
            }
            return Page();
        }
        return this.Reply(outcome, _ => this.Done(Input.Ticked ? "The activity has been ticked." : "The tick has been taken off.", $"/schools/{urn}/programme"));
    }

    private IActionResult Show(ReadProgramme.ProgrammeView programme)
    {
        Programme = programme;
        ViewData["Urn"] = programme.Urn;
        return Page();
    }
}
