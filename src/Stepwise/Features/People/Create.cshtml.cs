using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;
using Stepwise.Data;

namespace Stepwise.Features.People;

public sealed class CreateModel(CreatePerson createPerson, RoleChoices choices, TrustScope scope) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public RoleChoices.Choices Choices { get; private set; } = null!;
    public CreatedPerson? Created { get; private set; }

    /// <summary>The whole invitation link, on the address this page was reached at.</summary>
    public string? InvitationLink => Created?.InvitationLink is string path ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}" : null;

    public async Task OnGetAsync(string? school, bool invite, CancellationToken ct)
    {
        Input = new PersonInput { School = school, Invite = invite };
        Choices = await choices.LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Choices = await choices.LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = Input with { Password = null, School = await choices.SchoolOfUnitAsync(Input.School, Input.UnitId, ct) };
        var outcome = await createPerson.HandleAsync(input, scope.TrustId!.Value, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Created = outcome.Value;
                return Page();
            case OutcomeKind.Invalid:
                ModelState.AddOutcomeErrors(outcome.Errors);
                return Page();
            case OutcomeKind.Forbidden:
                ModelState.AddModelError("Input.School", "You cannot give roles there: choose a school you manage.");
                return Page();
            default:
                return NotFound();
        }
    }
}
