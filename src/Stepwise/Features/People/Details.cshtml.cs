using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stepwise.Common;

namespace Stepwise.Features.People;

public sealed class DetailsModel(PeopleQueries people, GrantRole grantRole, RevokeRole revokeRole, EditPerson editPerson, RoleChoices choices) : PageModel
{
    public PersonSummary Person { get; private set; } = null!;
    public RoleChoices.Choices Choices { get; private set; } = null!;

    [BindProperty]
    public MembershipInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct) =>
        await LoadAsync(personId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(int personId, CancellationToken ct)
    {
        if (!await LoadAsync(personId, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = Input with { School = await choices.SchoolOfUnitAsync(Input.School, Input.UnitId, ct) };
        return Respond(await grantRole.HandleAsync(personId, input, ct), personId, "The role has been given.");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int personId, int membershipId, CancellationToken ct) =>
        Respond(await revokeRole.HandleAsync(personId, membershipId, ct), personId, "The role has been taken away.");

    public async Task<IActionResult> OnPostArchiveAsync(int personId, CancellationToken ct) =>
        Respond(await editPerson.ArchiveAsync(personId, ct), personId, "The person has been archived: they can no longer sign in, and their tokens are revoked.");

    private IActionResult Respond(Outcome<PersonSummary> outcome, int personId, string notice) =>
        this.Reply(outcome, _ => this.Done(notice, $"/people/{personId}"));

    private async Task<bool> LoadAsync(int personId, CancellationToken ct)
    {
        var person = await people.GetAsync(personId, ct);
        if (person is null)
        {
            return false;
        }
        Person = person;
        Choices = await choices.LoadAsync(ct);
        return true;
    }
}
